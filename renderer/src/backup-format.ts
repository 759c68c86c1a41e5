/** How backups read in the window: their kind in Chinese, their time in local time, their size in KB/MB. */
import type { ChannelOutput } from '#shared/contract/index.ts';

export type Backup = ChannelOutput<'backup:list'>[number];

const kindLabels: Record<Backup['reason'], string> = {
  manual: '手动',
  daily: '每日',
  'before-migration': '迁移前',
  'before-restore': '恢复前',
  'before-import': '导入前',
};

export function backupKind(reason: Backup['reason']): string {
  return kindLabels[reason];
}

/** `2026/11/29 16:08:05`, Shenzhen time (as the autosave note and the guide's dates are). */
export function backupTime(takenAt: string): string {
  return new Date(takenAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Newest first: the names sort by time, so a reversed copy of the core's list (oldest first) is enough. */
export function newestFirst(backups: Backup[]): Backup[] {
  return [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}
