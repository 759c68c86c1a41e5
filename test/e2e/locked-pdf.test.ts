import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const run = promisify(execFile);
const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;

describe('a PDF locked with a user password', () => {
  const each = appPerTest();

  it('dropped on a card shows the error on that card and changes nothing else', async () => {
    const dir = await each.scratch('juanzong-e2e-locked-');
    const plain = await ghostscriptPdf(dir, 'plain.pdf', 'FORM', 2);
    const locked = path.join(dir, 'locked.pdf');
    await run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, locked]);

    const app = await each.start();
    const applicationId = await seedApplication(app.services);
    const good = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 3);
    await app.services.handlers['attachments:add']({
      applicationId,
      materialId: 'service-contract',
      fileName: 'contract.pdf',
      bytes: new Uint8Array(await readFile(good)),
    });
    const before = await app.services.handlers['applications:get']({ id: applicationId });

    const { page } = app;
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);
    await steps.goTo('申报材料');
    await steps.drop(title('application-form'), '申请书（加密）.pdf', await readFile(locked), 'application/pdf');

    const card = steps.materialCard(title('application-form'));
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/申请书（加密）\.pdf/);
    expect(await alert.textContent()).toMatch(/密码/);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('locked-pdf-on-card');

    // Nothing else moved: no other card shows an error, the card has no file, the stored data is as before.
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await card.locator('.attachments').count()).toBe(0);
    expect(await card.getByText('还没有文件').count()).toBe(1);
    expect(await steps.materialCard(title('service-contract')).getByText('已添加 1 个文件，共 3 页').count()).toBe(1);
    const after = await app.services.handlers['applications:get']({ id: applicationId });
    expect(after.attachments).toEqual(before.attachments);
    expect(after.materialStates).toEqual(before.materialStates);

    // The message says what to do; "知道了" clears it.
    await card.getByRole('button', { name: '知道了' }).click();
    expect(await card.getByRole('alert').count()).toBe(0);
  });
});
