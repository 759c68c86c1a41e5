/**
 * Which compiled better-sqlite3 addon the core's own short-lived connections load (backups, health checks,
 * restores). Node (tests, CLI) leaves it unset and gets node_modules' build; the Electron main process, whose
 * package carries only the Electron build (`out/native/electron/`), sets it once before the first connection.
 * A setting, not a handle: connections are still opened and passed by their owners.
 */
let binding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  binding = file;
}

/** `options` plus `nativeBinding` when one was set; for every `new Database` outside `openDatabase`. */
export function withNativeBinding<T extends object>(options: T): T & { nativeBinding?: string } {
  return binding ? { ...options, nativeBinding: binding } : options;
}
