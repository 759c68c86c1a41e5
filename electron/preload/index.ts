/**
 * The sandboxed preload (bundled by esbuild into one CommonJS file, `out/preload/index.cjs`): exposes the typed
 * API as `window.juanzong`, one function per channel. Never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridgeApi } from './bridge.ts';

contextBridge.exposeInMainWorld(
  'juanzong',
  buildBridgeApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
