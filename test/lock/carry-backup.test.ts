/**
 * 备份到…: a backup written to a folder the clerk chooses (a USB drive: a small tmpfs here), checked, and restored
 * on another machine (another data folder) from the CLI and through the contract.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { cli, useSmallDisks } from './support.ts';

const fresh = useTempDir('juanzong-carry-');

const usbDrive = useSmallDisks(fresh);

describe('a backup the clerk can carry away', () => {
  it('is written beside the running window, checked, and restored on another machine', async () => {
    const usb = await usbDrive('32m');
    const machineA = path.join(await fresh(), 'a');
    const window = await openServices({ dataDir: machineA, owner: { role: 'window', task: '窗口' } });
    const applicationId = await ensureApplication(window);
    const files = [randomPdfBytes(200_000), randomPdfBytes(300_000)];
    for (const [i, bytes] of files.entries()) {
      await call(window, 'attachments:add', {
        applicationId,
        materialId: 'business-license',
        fileName: `执照${i}.pdf`,
        bytes,
      });
    }
    const exported = await cli('--data', machineA, 'backup', 'export', usb);
    expect(exported.err).toBe('');
    expect(exported.out).toContain('2 个附件');
    window.close();
    const [folder] = readdirSync(usb).filter((n) => n.startsWith('卷宗备份-'));
    expect(folder).toBeDefined();
    expect(readdirSync(usb).some((n) => n.endsWith('.part'))).toBe(false);

    const machineB = path.join(await fresh(), 'b');
    const imported = await cli('--data', machineB, 'backup', 'import', path.join(usb, folder!));
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const list = await cli('--data', machineB, 'applications', 'list');
    expect(list.out).toContain('深圳市测试科技有限公司');
    const b = await openServices({ dataDir: machineB });
    const attachments = await call(b, 'attachments:list', { applicationId });
    expect(attachments.map((a) => a.originalName)).toEqual(['执照0.pdf', '执照1.pdf']);
    for (const [i, a] of attachments.entries())
      expect(Buffer.compare(readFileSync(b.store.pathOf(a.sha256)), files[i]!)).toBe(0);

    // Through the contract, as the window's 备份到… button will call it.
    const again = await call(b, 'backup:exportTo', { folder: path.join(usb, 'second') });
    expect(again.files).toBe(2);
    await call(b, 'attachments:remove', { id: attachments[0]!.id });
    const restored = await call(b, 'backup:importFrom', { folder: again.folder });
    expect(restored.safetyBackup).toMatch(/before-restore/);
    expect(await call(b, 'attachments:list', { applicationId })).toHaveLength(2);
    b.close();
  });

  it('refuses a tampered copy by name and leaves the data as it was', async () => {
    const dataDir = path.join(await fresh(), 'a');
    const s = await openServices({ dataDir });
    const applicationId = await ensureApplication(s);
    const added = await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: 'a.pdf',
      bytes: randomPdfBytes(5000),
    });
    const carried = await call(s, 'backup:exportTo', { folder: await fresh() });
    const copy = path.join(carried.folder, 'files', added.sha256.slice(0, 2), added.sha256);
    const bytes = readFileSync(copy);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(copy, bytes);
    const error = await call(s, 'backup:importFrom', { folder: carried.folder }).catch((e: unknown) => String(e));
    expect(error).toContain('carried-backup-damaged');
    expect(error).toContain(carried.folder);
    expect(await call(s, 'attachments:list', { applicationId })).toHaveLength(1);
    s.close();
  });

  it('says a full drive is full and leaves no half-written folder', async () => {
    const usb = await usbDrive('1m');
    const dataDir = path.join(await fresh(), 'a');
    const s = await openServices({ dataDir });
    const applicationId = await ensureApplication(s);
    await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: 'a.pdf',
      bytes: randomPdfBytes(2_000_000),
    });
    const error = await call(s, 'backup:exportTo', { folder: usb }).catch((e: unknown) => String(e));
    expect(error).toContain('db-disk-full');
    expect(error).toContain('磁盘已满');
    expect(readdirSync(usb)).toEqual([]);
    expect(existsSync(dataDir)).toBe(true);
    s.close();
  });
});
