/**
 * The main window's size and position, remembered across starts in `window-state.json` (in `userData`).
 * A remembered position that no longer lies on any screen (a laptop unplugged from its monitor) is dropped.
 */
import { readFileSync } from 'node:fs';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileAtomicallySync } from '../core/safety/atomic-output.ts';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const defaultWindowState: WindowState = { width: 1280, height: 860, maximized: false };
const minimum = { width: 900, height: 600 };

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** True when at least a 100×50 corner of the title bar lies on one of the screens' work areas. */
function isVisible(state: WindowState, workAreas: Rectangle[]): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const { x, y } = state;
  return workAreas.some((a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50);
}

/** Reads the remembered state; anything missing, corrupt or off-screen falls back to a centred default size. */
export function loadWindowState(file: string, workAreas: Rectangle[]): WindowState {
  let saved: Partial<WindowState>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
  } catch {
    return { ...defaultWindowState };
  }
  const state: WindowState = {
    width: isNumber(saved.width) ? Math.max(minimum.width, Math.round(saved.width)) : defaultWindowState.width,
    height: isNumber(saved.height) ? Math.max(minimum.height, Math.round(saved.height)) : defaultWindowState.height,
    maximized: saved.maximized === true,
  };
  if (isNumber(saved.x) && isNumber(saved.y)) Object.assign(state, { x: Math.round(saved.x), y: Math.round(saved.y) });
  if (!isVisible(state, workAreas)) {
    delete state.x;
    delete state.y;
  }
  return state;
}

/** The options to give `new BrowserWindow` for a state. */
export function windowBounds(state: WindowState): Partial<Rectangle> & { minWidth: number; minHeight: number } {
  const { x, y, width, height } = state;
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: minimum.width,
    minHeight: minimum.height,
  };
}

/** Saves the window's normal (unmaximised) bounds and whether it is maximised, when it closes. */
export function rememberWindowState(win: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>, file: string) {
  win.on('close', () => {
    const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileAtomicallySync(file, JSON.stringify(state), { durable: false });
    } catch {
      // Not worth failing a quit over: the next start uses the default size.
    }
  });
}
