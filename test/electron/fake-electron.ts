/**
 * A stand-in for the `electron` module (its binary cannot run here): small objects that record what the glue
 * asks of them. Shapes follow Electron's real types only as far as the glue uses them.
 */
import { EventEmitter } from 'node:events';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stands in for Electron's own `any`-typed listeners
type Listener = (...args: any[]) => any;

/** An `event` whose `preventDefault` is observable. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  printed: unknown[] = [];
  printResult: [boolean, string] = [true, ''];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  print(options: unknown, callback: (success: boolean, reason: string) => void) {
    this.printed.push(options);
    callback(...this.printResult);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  maximize() {}
  show() {}
  restore() {}
  focus() {}
}

export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };
}

export function fakeSession() {
  const recorded = {
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    devicePermission: null as null | Listener,
    beforeRequest: null as null | Listener,
  };
  return {
    recorded,
    setPermissionRequestHandler: (h: Listener) => (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => (recorded.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener) => (recorded.devicePermission = h),
    webRequest: { onBeforeRequest: (h: Listener) => (recorded.beforeRequest = h) },
  };
}

/** A frame as `event.senderFrame` shows it. */
export function frame(url: string, parent: object | null = null) {
  return { url, parent };
}
