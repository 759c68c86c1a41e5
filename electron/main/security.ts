/**
 * Electron's security checklist, point by point, as functions that take the Electron objects (so the tests can
 * hand them stand-ins): the origin the window is served from, its CSP, its webPreferences, and the guards that
 * deny navigation, new windows, webviews, permissions and every request that leaves the app.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { Session, WebContents, WebPreferences } from 'electron';

/** The custom scheme the renderer is served from (checklist 18: no `file://`). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'juanzong';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Checklist 7: no `unsafe-inline`, no `unsafe-eval`; sent as a response header by the protocol handler. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The URL of a page of the built renderer, e.g. `app://juanzong/index.html`. */
export function appUrl(page = 'index.html'): string {
  return `${APP_ORIGIN}/${page}`;
}

/** True for our own pages only: scheme and host must both match (checklist 17: validate the sender). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The only webPreferences a Juanzong window gets (checklist 2–4, 6, 9, 10, 12): isolated, sandboxed, no Node,
 * web security on, no insecure content, no experimental or Blink features, no `<webview>`.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

type Guardable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Denies every navigation away from the loaded page, every redirect, every `window.open` and every
 * `<webview>` (checklist 11–14). The app is one page; nothing should ever navigate it.
 */
export function guardWebContents(contents: Guardable): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type Lockable = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;

/** Schemes a page of ours may request: its own origin and the in-memory URLs it makes (image previews). */
const localSchemes = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

/** True when a request stays inside the app: our origin, `data:` or `blob:`. */
export function isLocalRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
    return localSchemes.has(parsed.protocol);
  } catch {
    return false;
  }
}

/**
 * Denies every permission request and check (camera, notifications, clipboard reads …: checklist 5) and
 * cancels every request that would leave the app: no remote content (checklist 1), no `file://` reads.
 */
export function lockDownSession(session: Lockable): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
}
