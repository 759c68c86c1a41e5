/** The page viewer's zoom steps and page-number box, kept apart from the component so they read (and test) alone. */

/** 1 = 100 % (printed size). */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** The next step up (`1`) or down (`-1`) from any zoom, e.g. from a fit-to-width 0.93 up to 1. */
export function nextZoom(zoom: number, direction: 1 | -1): number {
  if (direction === 1) return ZOOM_STEPS.find((z) => z > zoom + 0.005) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - 0.005) ?? MIN_ZOOM;
}

/** The zoom at which a page `pageWidthCss` wide at 100 % fills `availableCss` pixels. */
export function fitWidthZoom(pageWidthCss: number, availableCss: number): number {
  if (pageWidthCss <= 0 || availableCss <= 0) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, availableCss / pageWidthCss));
}

export const zoomPercent = (zoom: number) => `${Math.round(zoom * 100)}%`;

/** The page a clerk typed (`12`, `１２`, ` 12 `), or a message saying what to type. */
export function typedPage(text: string, pages: number): { page: number } | { error: string } {
  const digits = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const page = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (Number.isInteger(page) && page >= 1 && page <= pages) return { page };
  return { error: `请输入 1 到 ${pages} 之间的页码。` };
}
