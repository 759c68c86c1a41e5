import type { Locator, Page } from 'playwright-core';

/** The dossier preview on step 5 and the page viewer a thumbnail opens. */
export class PageViewerPage {
  constructor(private readonly page: Page) {}

  /** The preview's thumbnail of dossier page `n` (a button named after the page). */
  thumbnail(n: number): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^第 ${n} 页：`) });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async heading(): Promise<string> {
    return (await this.dialog.getByRole('heading', { level: 2 }).textContent()) ?? '';
  }

  /** Waits until the viewer shows page `n`, drawn. */
  async shows(n: number): Promise<void> {
    await this.dialog.getByRole('heading', { name: new RegExp(`^第 ${n} 页`) }).waitFor();
    await this.dialog.locator('.viewer-area[data-state="shown"]').waitFor();
  }

  async zoomText(): Promise<string> {
    return (await this.dialog.getByLabel('缩放比例').textContent()) ?? '';
  }

  /** The drawn canvas: its size on screen, its pixels, and how many of them are dark (the page's text). */
  canvas(): Promise<{ cssWidth: number; width: number; ratio: number; dark: number }> {
    return this.dialog.locator('canvas.viewer-canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark += 1;
      return { cssWidth: c.getBoundingClientRect().width, width: c.width, ratio: window.devicePixelRatio, dark };
    });
  }

  async jumpTo(text: string): Promise<void> {
    const box = this.dialog.getByLabel('要看的页');
    await box.fill(text);
    await box.press('Enter');
  }

  /** `data-preview-page` of the focused element (a thumbnail), or null. */
  focusedThumbnail(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-preview-page') ?? null);
  }
}
