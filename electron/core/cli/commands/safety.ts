/**
 * `juanzong backup create|list|restore` and `juanzong archive export|import`. `backup restore` works without
 * opening the data folder first, so it also mends a folder whose database is damaged.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { exportArchive } from '../../archive/export-archive.ts';
import { importArchive } from '../../archive/import-archive.ts';
import { backupDirOf, listBackups } from '../../backup/backup-files.ts';
import { restoreBackup } from '../../backup/restore-backup.ts';
import { attachedFiles } from '../../db/queries/attachments.ts';
import { databaseFileName } from '../../services/index.ts';
import { parseCommandLine, refuseCommandLine, wantsJsonOnly } from '../arguments.ts';
import type { CliCommand } from '../command.ts';
import { withServices } from '../open-data.ts';

export const backupCreateCommand: CliCommand = {
  words: ['backup', 'create'],
  usage: 'backup create',
  summary: '立即备份数据库（保留每类最近 10 份）',
  run: (args, ctx) => {
    parseCommandLine(args, { usage: backupCreateCommand.usage, options: {}, operands: { min: 0, max: 0 } });
    return withServices(ctx, 'write', 'backup create', async ({ handlers }) => {
      const backup = await handlers['backup:create']({});
      ctx.stdout(`已备份：${path.join(backupDirOf(ctx.dataDir), backup.name)}\n`);
      return 0;
    });
  },
};

export const backupListCommand: CliCommand = {
  words: ['backup', 'list'],
  usage: 'backup list [--json]',
  summary: '列出备份（最新的在最后）',
  run: async (args, ctx) => {
    const json = wantsJsonOnly(args, backupListCommand.usage);
    // Read from the folder, not through the services: this must work when the database is damaged.
    const backups = await listBackups(backupDirOf(ctx.dataDir));
    if (json) ctx.stdout(`${JSON.stringify(backups, null, 2)}\n`);
    else if (backups.length === 0) ctx.stdout(`（${backupDirOf(ctx.dataDir)} 中还没有备份）\n`);
    else for (const b of backups) ctx.stdout(`${b.name}\t${b.takenAt}\t${b.reason}\t${b.size} 字节\n`);
    return 0;
  },
};

export const backupRestoreCommand: CliCommand = {
  words: ['backup', 'restore'],
  usage: 'backup restore <备份名>',
  summary: '用备份替换当前数据库（当前的先另存一份）',
  run: async (args, ctx) => {
    const [name] = parseCommandLine(args, {
      usage: backupRestoreCommand.usage,
      options: {},
      operands: { min: 1, max: 1 },
      missingOperands:
        '请写出要恢复的备份名，例如 juanzong backup restore juanzong-2025-…-daily.sqlite3（用 backup list 查看）。',
    }).operands as [string];
    const result = await restoreBackup(ctx.dataDir, path.join(ctx.dataDir, databaseFileName), name);
    ctx.stdout(`已恢复备份 ${result.restored.name}（${result.restored.takenAt}）。\n`);
    if (result.safetyBackup) ctx.stdout(`恢复前的数据库已另存为备份 ${result.safetyBackup}。\n`);
    if (result.movedAside) ctx.stdout(`损坏的数据库已移到 ${result.movedAside}。\n`);
    // Opening once brings an older backup's schema up to date and reports files the backup names but the store lost.
    return withServices(ctx, 'write', 'backup restore', async (s) => {
      const missing = attachedFiles(s.db).filter((f) => !existsSync(s.store.pathOf(f.sha256)));
      for (const m of missing) ctx.stderr(`注意：附件「${m.originalName}」的文件已不在数据文件夹中，请重新添加。\n`);
      return 0;
    });
  },
};

export const archiveExportCommand: CliCommand = {
  words: ['archive', 'export'],
  usage: 'archive export <项目编号> --out <文件.juanzong>',
  summary: '把一个申报项目连同附件导出为单个 .juanzong 文件',
  run: (args, ctx) => {
    const usage = archiveExportCommand.usage;
    const { values, operands } = parseCommandLine(args, {
      usage,
      options: { out: { type: 'string', example: '项目.juanzong' } },
      operands: { min: 1, max: 1 },
      missingOperands: '请写出要导出的项目编号（用 applications list 查看）。',
    });
    const id = Number(operands[0]);
    if (!Number.isInteger(id) || id <= 0)
      refuseCommandLine(`项目编号要写正整数，“${operands[0]}”不是（用 applications list 查看）。`, usage);
    const out = values.out;
    if (!out) refuseCommandLine('请用 --out 写出导出文件的保存路径，例如 --out 项目.juanzong。', usage);
    return withServices(ctx, 'write', 'archive export', async (s) => {
      const result = await exportArchive(s, id, path.resolve(out));
      ctx.stdout(`已导出 ${result.path}（${result.files} 个文件，${result.size} 字节）\n`);
      return 0;
    });
  },
};

export const archiveImportCommand: CliCommand = {
  words: ['archive', 'import'],
  usage: 'archive import <文件.juanzong> [--as-copy]',
  summary: '导入 .juanzong 文件（已有同一项目时拒绝，除非 --as-copy）',
  run: (args, ctx) => {
    const { values, operands } = parseCommandLine(args, {
      usage: archiveImportCommand.usage,
      options: { 'as-copy': { type: 'boolean' } },
      operands: { min: 1, max: 1 },
      missingOperands: '请写出要导入的 .juanzong 文件。',
    });
    return withServices(ctx, 'write', 'archive import', async (s) => {
      const result = await importArchive(s, path.resolve(operands[0]!), { asCopy: values['as-copy'] ?? false });
      ctx.stdout(`已导入为申报项目 ${result.applicationId}（${result.files} 个文件）\n`);
      return 0;
    });
  },
};
