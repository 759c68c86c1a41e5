/**
 * The pages of attached scans on the materials step, as the clerk sees them: "正在检查页面…" while the background
 * inspection runs, then each page's thumbnail with the proposals as badges (blank backs left out, pages turned
 * upright), a count on the card, an undo by keyboard and by click, the clerk's own leave-out and turns, and the
 * exported checklist listing what stays. Fixtures: a duplex scan with blank backs and a scan fed turned
 * 180/90/270° (ImageMagick + img2pdf, `test/fixtures/page-fixtures.ts`).
 */
import { execFile } from 'node:child_process';
import { copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FilePages } from '#shared/contract/index.ts';
import { findProfile } from '#shared/profiles/index.ts';
import { inspectFiles } from '../../electron/core/inspect/run-inspection.ts';
import type { BackgroundInspector } from '../../electron/core/services/page-inspections.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { noFontsEnv, pdfText } from '../fixtures/run-tool.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { screenshotDir } from './support/app-harness.ts';
import { badgesOf, shootCard } from './support/page-cards.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

const run = promisify(execFile);
const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;
const FORM = '申请书（双面扫描）.pdf';
const CONTRACT = '服务合同（扫描）.pdf';

describe('the pages of attached scans on the materials step', { timeout: 400_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'page-proposals-failed' });

  it('shows the proposals on the thumbnails, undoes them with one click, and the checklist lists what stays', async () => {
    const fx = pageFixtures();
    const dir = await each.scratch('juanzong-e2e-pages-');
    const [form, contract] = [path.join(dir, FORM), path.join(dir, CONTRACT)];
    await copyFile(fx.duplex, form);
    await copyFile(fx.turnedScan, contract);
    // The real inspection, held back until the window has been seen waiting for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inspect: BackgroundInspector = async (files, budget) => {
      await held;
      return inspectFiles(files, budget);
    };
    const shell = new ShellStandIn(() => each.app.services, await each.scratch('juanzong-e2e-downloads-'));
    const app = await each.start({ shell: shell.handlers, services: { inspectInBackground: true, inspect } });
    await seedApplication(app.services);
    await app.page.reload();
    await new HomePage(app.page).openFirstApplication();
    const steps = new ApplicationPage(app.page);
    await steps.goTo('申报材料');
    await steps.attach(title('application-form'), [form]);
    await steps.attach(title('service-contract'), [contract]);
    const formCard = steps.materialCard(title('application-form'));
    const contractCard = steps.materialCard(title('service-contract'));

    await formCard.getByRole('status').filter({ hasText: '正在检查页面…' }).waitFor();
    expect(await formCard.locator('.page-review-strip > li').count()).toBe(6);
    expect(await formCard.locator('.page-badge').count()).toBe(0);
    await shootCard(app, formCard, 'pages-1-inspecting');

    release();
    await formCard.getByText('已略去 3 页空白背面', { exact: true }).waitFor({ timeout: 120_000 });
    await contractCard.getByText('已转正 3 页', { exact: true }).waitFor({ timeout: 120_000 });
    expect(await formCard.getByText('正在检查页面…').count()).toBe(0);
    for (const n of [2, 4, 6]) expect(await badgesOf(formCard, n)).toEqual(['略去空白背面撤销']);
    for (const n of [1, 3, 5]) expect(await badgesOf(formCard, n)).toEqual([]);
    expect(await badgesOf(contractCard, 1)).toEqual([]);
    expect(await badgesOf(contractCard, 2)).toEqual(['已转正 180°撤销']);
    expect(await badgesOf(contractCard, 3)).toEqual(['已转正 270°撤销']);
    expect(await badgesOf(contractCard, 4)).toEqual(['已转正 90°撤销']);
    await shootCard(app, formCard, 'pages-2-blank-backs');
    await shootCard(app, contractCard, 'pages-2b-turned-upright');

    // One keystroke keeps a blank back (the clerk's choice wins), one click puts the proposal back.
    const keep = formCard.getByRole('button', { name: `撤销：「${FORM}」第 4 页略去空白背面` });
    await keep.focus();
    await app.page.keyboard.press('Enter');
    await formCard.getByText('已略去 2 页空白背面', { exact: true }).waitFor();
    expect(await badgesOf(formCard, 4)).toEqual(['保留（不略去）恢复略去']);
    const formId = (await app.services.handlers['applications:get']({ id: 1 })).attachments.find(
      (a) => a.originalName === FORM,
    )!.id;
    const stored: FilePages = await app.services.handlers['pages:get']({ attachmentId: formId });
    expect(stored.pages[3]!.decision).toEqual({ skip: false });
    expect(stored.pages[3]!.applied.skip).toBeUndefined();

    await contractCard.getByRole('button', { name: `撤销：「${CONTRACT}」第 4 页已转正 90°` }).click();
    await contractCard.getByText('已转正 2 页', { exact: true }).waitFor();
    expect(await badgesOf(contractCard, 4)).toEqual(['保持原方向恢复转正']);
    await shootCard(app, formCard, 'pages-3-blank-back-kept');
    await shootCard(app, contractCard, 'pages-3b-turn-undone');
    await contractCard.getByRole('button', { name: `恢复转正：「${CONTRACT}」第 4 页保持原方向` }).click();
    await contractCard.getByText('已转正 3 页', { exact: true }).waitFor();

    // The clerk's own buttons: any page left out and taken back, turned one way and back the other.
    await contractCard.getByRole('button', { name: `查看和转动「${CONTRACT}」的各页` }).click();
    await contractCard.getByRole('button', { name: `略去「${CONTRACT}」第 1 页（不打印、不编页码）` }).click();
    await contractCard.getByText('按您的选择略去 1 页，已转正 3 页', { exact: true }).waitFor();
    await contractCard.getByRole('button', { name: `把「${CONTRACT}」第 3 页逆时针转 90°` }).click();
    await contractCard.getByText('按您的选择略去 1 页，已转正 2 页，按您的选择转动 1 页', { exact: true }).waitFor();
    expect(await badgesOf(contractCard, 3)).toEqual(['已顺时针转 180°撤销']);
    expect(await badgesOf(contractCard, 1)).toEqual(['已略去撤销']);
    await shootCard(app, contractCard, 'pages-4-clerk-choices');
    await contractCard.getByRole('button', { name: `撤销：「${CONTRACT}」第 1 页已略去` }).click();
    await contractCard.getByRole('button', { name: `把「${CONTRACT}」第 3 页顺时针转 90°` }).click();
    await contractCard.getByText('已转正 2 页，按您的选择转动 1 页', { exact: true }).waitFor();
    expect(await badgesOf(contractCard, 3)).toEqual(['已顺时针转 270°撤销']);

    // The dossier and its checklist follow: two blank backs left out, the kept one numbered, the turns listed.
    await steps.goTo('生成与预览');
    await app.page.getByRole('button', { name: '生成卷宗' }).click();
    await app.page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });
    await steps.goTo('导出与打印');
    await app.page.getByRole('button', { name: '导出清单 PDF' }).click();
    await app.page.getByText(/^已保存到 .*材料清单\.pdf$/).waitFor();
    const checklist = shell.saved[0]!;
    const text = pdfText(checklist).replace(/[ \t]+/g, ' ');
    expect(text).toContain(`${FORM} 第 2 页：扫描空白背面，已略去`);
    expect(text).toContain(`${FORM} 第 6 页：扫描空白背面，已略去`);
    expect(text).not.toContain(`${FORM} 第 4 页`);
    expect(text).toMatch(new RegExp(`${CONTRACT.replace(/[()（）.]/g, '.')} 第 2 页（卷宗第 \\d+ 页）：倒置，已转正`));
    expect(text).toMatch(/第 3 页（卷宗第 \d+ 页）：按您的选择顺时针旋转 270°/);
    await renderChecklistPage(checklist, text, 'pages-5-checklist');
  });

  it('names straightening, a photo cut to its sheet, a long page split, a reduced scan and a legibility warning', async () => {
    const fx = pageFixtures();
    const dir = await each.scratch('juanzong-e2e-pages-');
    const named = async (from: string, name: string) => {
      await copyFile(from, path.join(dir, name));
      return path.join(dir, name);
    };
    const app = await each.start({ services: { inspectInBackground: true } });
    await seedApplication(app.services);
    await app.page.reload();
    await new HomePage(app.page).openFirstApplication();
    const steps = new ApplicationPage(app.page);
    await steps.goTo('申报材料');
    await steps.attach(title('business-license'), [await named(fx.photoDark, '营业执照（手机拍照）.jpg')]);
    await steps.attach(title('service-contract'), [await named(fx.skewedScan, '合同（歪斜扫描）.pdf')]);
    await steps.attach(title('construction-plan'), [
      await named(fx.longScreenshot, '服务机构名单（长截图）.png'),
      await named(fx.scan600[0]!, '审计报告（600dpi）.jpg'),
    ]);
    const licence = steps.materialCard(title('business-license'));
    const contract = steps.materialCard(title('service-contract'));
    const plan = steps.materialCard(title('construction-plan'));

    await licence.getByText('已裁切 1 张照片', { exact: true }).waitFor({ timeout: 120_000 });
    await contract.getByText('已纠斜 2 页', { exact: true }).waitFor({ timeout: 120_000 });
    await plan
      .getByText('已拆分 1 张长图，1 页清晰度不足，建议重新扫描', { exact: true })
      .waitFor({ timeout: 120_000 });
    await plan.getByText('已压缩 1 页', { exact: true }).waitFor({ timeout: 120_000 });
    expect(await badgesOf(licence, 1)).toEqual(['已裁切照片撤销']);
    // The fixture leans 3° and 2°: the badge says what was measured, to a tenth of a degree.
    for (const [n, lean] of [
      [1, 3],
      [2, 2],
    ] as const) {
      const [badge, ...more] = await badgesOf(contract, n);
      expect(more).toEqual([]);
      expect(Number(/^已纠斜 (\d\.\d)°撤销$/.exec(badge!)?.[1])).toBeCloseTo(lean, 0);
    }
    const [long, scan] = [plan.locator('.page-review').first(), plan.locator('.page-review').nth(1)];
    expect(await badgesOf(long, 1)).toEqual(['已拆分长图（6 页）撤销', '清晰度不足']);
    expect(await badgesOf(scan, 1)).toEqual(['已压缩到 300 dpi撤销']);
    const warnings = plan.getByRole('list', { name: '「服务机构名单（长截图）.png」的清晰度问题' });
    expect(await warnings.textContent()).toMatch(/^第 1 页：分辨率偏低（约 \d+ dpi，低于 150 dpi）/);
    await shootCard(app, licence, 'pages-6-photo-cropped');
    await shootCard(app, contract, 'pages-6b-straightened');
    await shootCard(app, plan, 'pages-6c-split-reduced-warning');

    // Cropping and splitting are turned off for the whole file with one click, and back on with another.
    const PHOTO = '营业执照（手机拍照）.jpg';
    await licence
      .getByRole('button', { name: `撤销：「${PHOTO}」第 1 页已裁切照片（整份文件都不再裁切照片）` })
      .click();
    await licence.locator('.page-badge[data-kind="no-crop"]').waitFor();
    await licence.getByText('按您的选择不裁切照片 1 页', { exact: true }).waitFor();
    expect(await badgesOf(licence, 1)).toEqual(['不裁切照片（整份文件）恢复裁切照片']);
    expect(await licence.getByText('已裁切 1 张照片', { exact: true }).count()).toBe(0);
    await plan
      .getByRole('button', {
        name: /^撤销：「服务机构名单（长截图）\.png」第 1 页已拆分长图（6 页）（整份文件都不再拆分长图）$/,
      })
      .click();
    await plan.locator('.page-badge[data-kind="no-split"]').waitFor();
    expect(await badgesOf(long, 1)).toEqual(['不拆分长图（整份文件）恢复拆分长图', '清晰度不足']);
    await shootCard(app, licence, 'pages-6d-photo-not-cropped');
    await shootCard(app, plan, 'pages-6e-long-not-split');
    await licence
      .getByRole('button', {
        name: `恢复裁切照片：「${PHOTO}」第 1 页不裁切照片（整份文件）（整份文件恢复自动裁切照片）`,
      })
      .click();
    await licence.getByText('已裁切 1 张照片', { exact: true }).waitFor();
    expect(await badgesOf(licence, 1)).toEqual(['已裁切照片撤销']);
  });
});

/** Renders the checklist's page that lists the page changes (no system fonts: what the PDF itself carries). */
async function renderChecklistPage(pdf: string, text: string, name: string): Promise<void> {
  const pages = text.split('\f');
  const page = pages.findIndex((p) => p.includes('页面处理')) + 1;
  expect(page).toBeGreaterThan(0);
  const prefix = path.join(screenshotDir, name);
  await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '80', '-png', '-singlefile', pdf, prefix], {
    env: noFontsEnv(),
  });
  expect(await readdir(screenshotDir)).toContain(`${name}.png`);
}
