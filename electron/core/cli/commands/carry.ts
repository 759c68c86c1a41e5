/**
 * `juanzong backup export DIR` and `juanzong backup import DIR`: a backup to carry away (a USB drive) and restore on
 * another machine (backup/carry-backup.ts). Exporting only reads, so it also runs beside the window.
 */
import path from 'node:path';
import { parseCommandLine } from '../arguments.ts';
import type { CliCommand } from '../command.ts';
import { withServices } from '../open-data.ts';

function oneFolder(args: string[], usage: string): string {
  const { operands } = parseCommandLine(args, {
    usage,
    options: {},
    operands: { min: 1, max: 1 },
    missingOperands: '请写出一个文件夹。',
  });
  return path.resolve(operands[0]!);
}

export const backupExportCommand: CliCommand = {
  words: ['backup', 'export'],
  usage: 'backup export <文件夹>',
  summary: '把数据库和全部附件备份到一个文件夹（例如 U 盘），写完后逐个核对',
  run: (args, ctx) => {
    const folder = oneFolder(args, backupExportCommand.usage);
    return withServices(ctx, 'read', 'backup export', async ({ handlers }) => {
      const result = await handlers['backup:exportTo']({ folder });
      ctx.stdout(`已备份到 ${result.folder}（${result.files} 个附件，共 ${result.bytes} 字节，已核对）\n`);
      return 0;
    });
  },
};

export const backupImportCommand: CliCommand = {
  words: ['backup', 'import'],
  usage: 'backup import <卷宗备份-…文件夹>',
  summary: '用「备份到…」做出的备份文件夹恢复全部数据（可在另一台电脑上；当前数据库先另存一份）',
  run: (args, ctx) => {
    const folder = oneFolder(args, backupImportCommand.usage);
    return withServices(ctx, 'write', 'backup import', async ({ handlers }) => {
      const result = await handlers['backup:importFrom']({ folder });
      ctx.stdout(`已恢复 ${result.takenAt} 的备份（${result.files} 个附件）。\n`);
      if (result.safetyBackup) ctx.stdout(`恢复前的数据库已另存为备份 ${result.safetyBackup}。\n`);
      for (const name of result.missingFiles) ctx.stderr(`注意：附件「${name}」的文件不在备份中，请重新添加。\n`);
      return 0;
    });
  },
};
