import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;

describe('the same file attached twice to one material', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'duplicate-file-failed' });

  it('is refused at the card, in Chinese, naming the file already there', async () => {
    const dir = await each.scratch('juanzong-e2e-duplicate-');
    const contract = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 2);
    const copy = path.join(dir, '合同（再次下载）.pdf');
    await copyFile(contract, copy);
    const app = await each.start();
    const applicationId = await seedApplication(app.services);
    await app.page.reload();
    await new HomePage(app.page).openFirstApplication();
    const steps = new ApplicationPage(app.page);
    await steps.goTo('申报材料');

    const name = title('service-contract');
    await steps.attach(name, [contract]);
    const card = steps.materialCard(name);
    await card.getByLabel(`「${name}」的文件`, { exact: true }).setInputFiles([contract, copy]);
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('「contract.pdf」已经在这项材料里了');
    expect(await alert.textContent()).toContain(
      '「合同（再次下载）.pdf」已经在这项材料里了（与已添加的「contract.pdf」内容完全相同）',
    );
    expect(await alert.textContent()).not.toMatch(/duplicate|sha256/i);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('duplicate-file-refused');
    expect(await card.locator('.attachments > li').count()).toBe(1);
    expect(await card.getByText('已添加 1 个文件，共 2 页').count()).toBe(1);
    const detail = await app.services.handlers['applications:get']({ id: applicationId });
    expect(detail.attachments.filter((a) => a.materialId === 'service-contract')).toHaveLength(1);
  });
});
