import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { contentFixtures } from '../fixtures/content-fixtures.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;

describe('what a file’s paper copy leaves out, on its card', () => {
  const each = appPerTest();

  it('shows the removed markup and the attachments left out; the switch keeps the markup, and stays on', async () => {
    const fx = contentFixtures();
    const app = await each.start();
    await seedApplication(app.services);
    const { page } = app;
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);
    await steps.goTo('申报材料');
    await steps.drop(
      title('financial-statements'),
      '预算说明（批注）.pdf',
      await readFile(fx.reviewed),
      'application/pdf',
    );
    await steps.drop(
      title('service-contract'),
      '合同（带附件）.pdf',
      await readFile(fx.attachments),
      'application/pdf',
    );

    const budget = steps.materialCard(title('financial-statements'));
    const notes = budget.getByRole('note', { name: '「预算说明（批注）.pdf」的纸质版说明' });
    await notes.waitFor();
    expect(await notes.textContent()).toContain('已去掉 8 处批注');
    const contract = steps.materialCard(title('service-contract'));
    const left = contract.getByRole('note', { name: '「合同（带附件）.pdf」的纸质版说明' });
    await left.waitFor();
    expect(await left.textContent()).toContain('2 个电子附件（明细.xlsx、合同.docx）不在纸质版中');
    expect(await contract.getByLabel('保留批注（打印在纸上）').count()).toBe(0);
    await contract.scrollIntoViewIfNeeded();
    await app.screenshot('paper-notices-attachments');

    // The box is the stored switch: it turns on once the core has saved it, not at the click.
    await budget.getByLabel('保留批注（打印在纸上）').click();
    await notes.getByText('保留了 8 处批注').waitFor();
    await budget.scrollIntoViewIfNeeded();
    await app.screenshot('paper-notices-markup-kept');
    await page.reload();
    await new HomePage(page).openFirstApplication();
    await steps.goTo('申报材料');
    expect(
      await steps.materialCard(title('financial-statements')).getByLabel('保留批注（打印在纸上）').isChecked(),
    ).toBe(true);
  });
});
