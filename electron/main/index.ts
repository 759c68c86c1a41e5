/**
 * The Electron main process: wires Electron's objects to the core and to the glue in this folder, and nothing
 * more. Order matters: the sandbox, the `app:` scheme and the data path are set before `ready`; the single-instance
 * lock before anything else is opened.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type BrowserWindow as Window,
} from 'electron';
import { UserFacingError } from '#shared/errors.ts';
import { restoreBackup } from '../core/backup/restore-backup.ts';
import { useNativeBinding } from '../core/db/native-binding.ts';
import { AssemblyHost } from '../core/dossier/assembly-host.ts';
import { dossierOutputPath } from '../core/services/dossier-jobs.ts';
import { openServices, type Services } from '../core/services/index.ts';
import { openOrRecover } from './damaged-database.ts';
import { resolveDataDir } from '../core/paths.ts';
import { isTrustedSender, registerIpc } from './ipc.ts';
import { openLog, type Log } from '../core/log.ts';
import { menuTemplate } from './menu.ts';
import { appFiles } from './paths.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { guardWebContents, lockDownSession } from './security.ts';
import { shellHandlers } from './shell-handlers.ts';
import { SavedFiles, savedFileHandlers } from './saved-files.ts';
import { reprintSaveHandlers } from './reprint-save.ts';
import { printPdfInHiddenWindow } from './print-pdf.ts';
import { forkUtilityProcess } from './utility-process-fork.ts';
import { createMainWindow } from './window.ts';

app.enableSandbox();
registerAppScheme(protocol);
// The same folder as the CLI's default (electron/core/paths.ts), whatever the product name says.
app.setPath('userData', path.join(app.getPath('appData'), 'juanzong'));

let mainWindow: Window | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function fail(log: Log | null, error: unknown): void {
  log?.error('start-up failed', error);
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('卷宗无法启动', `${detail}\n\n请把日志文件发给技术支持。`);
  app.exit(1);
}

async function openEverything(log: Log): Promise<void> {
  const userData = app.getPath('userData');
  const files = appFiles(app);
  if (!existsSync(files.sqliteBinding)) {
    throw new Error(
      `缺少为 Electron 编译的 SQLite 模块（${files.sqliteBinding}）。开发时请先运行 npm run native:electron。`,
    );
  }
  if (!existsSync(files.assemblyWorker)) {
    throw new Error(`缺少卷宗生成程序（${files.assemblyWorker}）。开发时请先运行 npm run build:electron。`);
  }
  // The package holds only the Electron build of SQLite: the core's backup and health checks must load it too.
  useNativeBinding(files.sqliteBinding);
  // The bundled core (main and the assembly worker, which inherits the environment) finds the font through this.
  process.env.JUANZONG_FONT ??= files.font;
  const dataDir = await resolveDataDir(userData);
  log.info(`data folder: ${dataDir}`);
  const assembly = new AssemblyHost({
    fork: forkUtilityProcess((modulePath, args, options) => utilityProcess.fork(modulePath, args, options)),
    workerPath: files.assemblyWorker,
    log,
  });
  // A damaged database asks the clerk (restore the newest backup, or quit) instead of failing or starting empty.
  const opened = await openOrRecover(
    () =>
      openServices({
        dataDir,
        version: app.getVersion(),
        nativeBinding: files.sqliteBinding,
        // A command line may hold the folder for a moment (a backup, an import): wait for it to finish.
        owner: { role: 'window', task: '窗口' },
        waitMs: 15_000,
        appFolder: userData,
        runAssembly: (request, control) => assembly.run(request, control),
        inspectInBackground: true,
      }),
    { showMessageBox: (options) => dialog.showMessageBox(options), restoreBackup, dataDir, log },
  );
  if (!opened) {
    log.info('quit: damaged database left as it was');
    app.exit(0);
    return;
  }
  const services: Services = opened;

  lockDownSession(session.defaultSession);
  handleAppProtocol(protocol, files.rendererDir);

  const dossierFile = async (jobId: string, which: 'dossier' | 'checklist') => {
    const status = await services.handlers['dossier:status']({ jobId });
    if (status.state !== 'done')
      throw new UserFacingError('job-not-done', '卷宗还没有生成完。请等进度条走完后再导出。');
    return dossierOutputPath(dataDir, jobId, which);
  };
  const saved = new SavedFiles();
  const shellSide = shellHandlers({
    dialog,
    shell,
    window: () => mainWindow,
    services,
    dossierFile,
    onSaved: saved.note,
    documentsDir: app.getPath('documents'),
    userData,
    nativeBinding: files.sqliteBinding,
    dataDirFromEnv: Boolean(process.env.JUANZONG_DATA),
    relaunch: () => {
      app.relaunch();
      app.quit();
    },
  });
  const savedSide = savedFileHandlers(
    {
      dialog,
      shell,
      window: () => mainWindow,
      documentsDir: app.getPath('documents'),
      exportArchive: async (applicationId) => (await services.handlers['archive:export']({ applicationId })).path,
      dossierFile,
      printPdf: (file) => printPdfInHiddenWindow(BrowserWindow, file),
    },
    saved,
  );
  const reprintSide = reprintSaveHandlers(
    {
      dialog,
      window: () => mainWindow,
      documentsDir: app.getPath('documents'),
      makeReprint: async (applicationId, jobId) =>
        await services.handlers['submission:reprintPdf']({ applicationId, jobId }),
    },
    saved,
  );
  const handlers = { ...services.handlers, ...shellSide, ...savedSide, ...reprintSide };
  const unregister = registerIpc(ipcMain, handlers, isTrustedSender);

  const report = (what: string) => (error: unknown) => {
    log.error(what, error);
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('卷宗', message);
  };
  const actions = {
    printChecklist: () => void Promise.resolve(shellSide['checklist:print']({})).catch(report('print')),
    revealData: () => void Promise.resolve(shellSide['data:reveal']({})).catch(report('reveal data')),
    moveData: () => void Promise.resolve(shellSide['data:moveTo']({})).catch(report('move data')),
    showLog: () => shell.showItemInFolder(log.file),
    about: () =>
      void dialog.showMessageBox({
        title: '关于卷宗',
        message: `卷宗 Juanzong ${app.getVersion()}`,
        detail: `政府资助项目申报材料整理工具（离线）。\n数据文件夹：${dataDir}\n日志：${log.file}`,
      }),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform, app.isPackaged)));

  app.on('will-quit', () => {
    assembly.killAll();
    unregister();
    services.close();
    log.info('quit');
  });

  mainWindow = await createMainWindow(BrowserWindow, {
    preload: files.preload,
    stateFile: path.join(userData, 'window-state.json'),
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
  });
  mainWindow.on('closed', () => (mainWindow = null));
  mainWindow.webContents.on('render-process-gone', (_event, details) => log.error('renderer gone', details));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const log = openLog(path.join(app.getPath('userData'), 'logs'));
  log.info(`start ${app.getVersion()} (electron ${process.versions.electron})`);
  process.on('uncaughtException', (error) => log.error('uncaught exception', error));
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', error));
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('child-process-gone', (_event, details) => log.warn('child process gone', details));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => openEverything(log))
    .catch((error: unknown) => fail(log, error));
}
