/**
 * 从指南起草申报方案 on the data page: the 2025 guide's text pasted, drafted by the core (the code of
 * `juanzong profiles draft`), the gaps listed, the draft saved as a file that, once filled in, imports.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { DataPage } from './pages/data-page.ts';
import { appPerTest } from './support/per-test.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

describe('a profile drafted from a pasted guide', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'guide-draft-failed' });

  it('lists the gaps to fill and decide, and saves the draft as a profile file', async () => {
    const downloads = await each.scratch('juanzong-e2e-draft-');
    const shell = new ShellStandIn(() => each.app.services, downloads);
    const app = await each.start({ shell: shell.handlers });
    const { page } = app;
    await new DataPage(page).open();
    const draftButton = page.getByRole('button', { name: '起草方案' });

    // Nothing pasted: said at the box, in Chinese.
    await draftButton.click();
    await page.getByText('请先粘贴申请指南的全文').waitFor();
    expect(await page.getByLabel('指南全文').getAttribute('aria-invalid')).toBe('true');

    const guide = await readFile(path.join(REPO_ROOT, '../shared/guide/2025-model-voucher-guide.zh.txt'), 'utf8');
    await page.getByLabel('指南全文').fill(guide);
    await draftButton.click();
    const status = page.getByRole('status').filter({ hasText: '已起草' });
    await status.waitFor();
    const said = (await status.textContent())!;
    expect(said).toMatch(/已起草「.*模型券.*」：\d+ 处必须填写，\d+ 处需要人来决定。/);
    expect(said).toContain('必须填写');
    expect(said).toContain('【待填写】');
    await status.scrollIntoViewIfNeeded();
    await app.screenshot('guide-draft');

    // Saved through the shell's save dialog, as the other files the clerk saves out.
    await page.getByRole('button', { name: '保存方案文件…' }).click();
    const note = page.getByRole('status').filter({ hasText: '方案草稿已保存到' });
    await note.waitFor();
    const file = shell.saved.at(-1)!;
    expect(path.basename(file)).toMatch(/模型券.*（草稿）\.json$/);
    expect(await note.textContent()).toContain(file);
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      schemaVersion: number;
      words: { programme: string };
      materials: unknown[];
    };
    expect(saved).toMatchObject({ schemaVersion: 2, words: { programme: '模型券' } });
    expect(saved.materials.length).toBeGreaterThan(5);
    await note.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => shell.revealed).toEqual([file]);
    await note.scrollIntoViewIfNeeded();
    await app.screenshot('guide-draft-saved');
  });
});
