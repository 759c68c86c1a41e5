/**
 * The channels only the desktop shell can answer (native dialogs, the file manager, printing). The Electron
 * main process implements them; the end-to-end tests bind stand-ins that act the same without a desktop.
 */
export const shellContract = {} as const;
