import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findProfile, isClerkQuestion, modelServiceAgreement } from '#shared/profiles/index.ts';
import { dossierFixtures, TEST_CREDIT_CODE } from '../fixtures/dossier-fixtures.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { repoRoot } from './support/app-harness.ts';
import { appPerTest } from './support/per-test.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

const run = promisify(execFile);
const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;

/** The fixture files (made with qpdf, ghostscript, ImageMagick) for each material. */
const filesFor: Record<string, string[]> = {
  'application-form': ['form.pdf'],
  'business-license': ['营业执照.jpg'],
  'financial-statements': ['statements.pdf'],
  'credit-report': ['credit-report.tiff'],
  'authenticity-commitment': ['commitment.png'],
  'service-contract': ['contract.pdf'],
  'construction-plan': ['plan.pdf', 'plan-annex.pdf'],
};

describe('a clerk prepares the whole dossier in the window', () => {
  const each = appPerTest({ screenshotOnFailure: 'workflow-failed' });

  it('walks every step and exports a dossier that passes the independent check', { timeout: 240_000 }, async () => {
    const fixtures = dossierFixtures();
    const downloads = await each.scratch('juanzong-e2e-downloads-');
    const shell = new ShellStandIn(() => each.app.services, downloads);
    const app = await each.start({ shell: shell.handlers });
    const { page } = app;
    const home = new HomePage(page);
    const steps = new ApplicationPage(page);

    await home.createApplicant('深圳市卷宗测试科技有限公司');
    await home.createApplication();

    // 1 申报单位: a wrong check character is caught as typed, the right code is confirmed.
    const code = page.getByLabel('统一社会信用代码', { exact: true });
    await code.fill(TEST_CREDIT_CODE.slice(0, 17) + (TEST_CREDIT_CODE.endsWith('0') ? '1' : '0'));
    await page.getByText(/校验位不对/).waitFor();
    await steps.fillAndLeave('统一社会信用代码', TEST_CREDIT_CODE);
    await page.getByText('校验位正确，登记地区码属于深圳。').waitFor();
    await steps.fillAndLeave('注册地（区）', '南山区');
    await steps.fillAndLeave('联系人', '李会计');
    await steps.fillAndLeave('联系电话', '0755-86000000');
    await steps.fillAndLeave('通讯地址', '深圳市南山区科技园');
    await page.getByText('申报单位信息没有发现问题。').waitFor();
    await app.screenshot('workflow-1-applicant');

    // 2 资格自查: every question answered yes; a "no" shows what it means, then is corrected.
    await steps.goTo('资格自查');
    const asked = profile.conditions.filter(isClerkQuestion);
    await steps.answer(asked[0]!.question, '否');
    await page.getByText(`选“否”意味着：${asked[0]!.noMeans}`).waitFor();
    for (const c of asked) await steps.answer(c.question, '是');
    await page.getByText(`已答 ${asked.length}/${asked.length}`).waitFor();
    await app.screenshot('workflow-2-conditions');

    // 3 合同与费用
    await steps.goTo('合同与费用');
    await steps.fillAndLeave('模型服务机构（乙方）', '深圳市模型服务有限公司');
    await steps.answer('模型服务机构是否已入库', '是');
    await steps.fillAndLeave('模型名称', '先锋大模型 V2');
    await steps.fillAndLeave('模型的网信办备案号', 'Guangdong-XianFeng-20240101');
    await page.getByLabel('合同签订日期').fill('2025-01-05');
    await page.getByLabel('服务开始日期').fill('2025-01-10');
    await page.getByLabel('服务结束日期').fill('2025-12-31');
    await page.getByLabel('部署方式').selectOption('api');
    for (const q of modelServiceAgreement(profile)!.relatedPartyQuestions) await steps.answer(q.question, '否');
    await page.getByRole('button', { name: '添加一笔费用' }).click();
    await steps.fillAndLeave('第 1 笔费用的金额（元）', '200000');
    await page.getByLabel('第 1 笔费用的支付日期').fill('2025-03-15');
    await page.getByLabel('第 1 笔费用的支付日期').blur();
    await page.getByRole('button', { name: '添加一笔费用' }).click();
    await page.getByLabel('第 2 笔费用的类别').selectOption('platform');
    await steps.fillAndLeave('第 2 笔费用的金额（元）', '50000.50');
    await page.getByLabel('第 2 笔费用的支付日期').fill('2025-06-30');
    await page.getByLabel('第 2 笔费用的支付日期').blur();
    const voucher = page.getByRole('region', { name: /模型券额度/ });
    await voucher.locator('.voucher-total').getByText('¥75,000.15').waitFor(); // (200,000 + 50,000.50) × 30 %
    await app.screenshot('workflow-3-contract');

    // 4 申报材料: every required material gets its files; the ethics materials are marked not applicable.
    await steps.goTo('申报材料');
    for (const [id, names] of Object.entries(filesFor)) {
      await steps.attach(
        title(id),
        names.map((n) => path.join(fixtures.dir, n)),
      );
    }
    const plan = steps.materialCard(title('construction-plan'));
    await plan.getByRole('button', { name: '下移「plan.pdf」' }).click();
    await plan.locator('.attachments > li').first().getByText('plan-annex.pdf').waitFor();
    await plan.getByRole('button', { name: '上移「plan.pdf」' }).click();
    await plan.locator('.attachments > li').first().getByText('plan.pdf', { exact: true }).waitFor();
    const ethics = steps.materialCard(title('ethics-materials'));
    await ethics.getByLabel('不适用的原因').fill('本项目为财务数据智能分析，不涉及科技伦理敏感领域');
    await ethics.getByRole('button', { name: '标记为不适用' }).click();
    await ethics.getByText('已标记不适用').waitFor();
    await page.locator('canvas[aria-label="「statements.pdf」第 1 页"]').waitFor();
    await app.screenshotWithThumbnails('workflow-4-materials');
    await plan.getByRole('button', { name: '查看和转动「plan.pdf」的各页' }).click();
    await plan.getByRole('img', { name: '「plan.pdf」第 2 页' }).waitFor();
    const turn = plan.getByRole('button', { name: '把「plan.pdf」第 2 页顺时针转 90°' });
    await turn.click();
    const secondPage = plan.locator('.page-review-strip > li').nth(1);
    await secondPage.locator('.page-badge', { hasText: '已顺时针转 90°' }).waitFor();
    await plan.getByText('1 页已转向').waitFor();
    await plan.screenshot({ path: path.join(repoRoot, 'test-results/screenshots/workflow-4b-material-pages.png') });
    for (const degrees of [180, 270]) {
      await turn.click();
      await secondPage.locator('.page-badge', { hasText: `已顺时针转 ${degrees}°` }).waitFor();
    }
    await turn.click(); // a full turn: upright again, as the checker expects
    await plan.getByText('1 页已转向').waitFor({ state: 'detached' });

    // 5 生成与预览
    await steps.goTo('生成与预览');
    await page.getByRole('button', { name: '生成卷宗' }).click();
    await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });
    await page.getByRole('img', { name: /^第 1 页：页码 1/ }).waitFor();
    await app.screenshotWithThumbnails('workflow-5-preview-pages');
    await page.getByRole('button', { name: /按纸张/ }).click();
    await app.screenshotWithThumbnails('workflow-5b-preview-sheets');

    // 6 导出与打印
    await steps.goTo('导出与打印');
    await page.getByRole('button', { name: '导出卷宗 PDF' }).click();
    await page.getByText(/^已保存到 .*申报材料\.pdf$/).waitFor();
    await page.getByRole('button', { name: '打印清单' }).click();
    await page.getByText('清单已送去打印。').waitFor();
    await page.getByRole('button', { name: '导出清单 PDF' }).click();
    await page.getByText(/^已保存到 .*材料清单\.pdf$/).waitFor();
    await page.getByRole('table', { name: /用印单/ }).waitFor();
    await app.screenshot('workflow-6-export');
    // Home: the application with its progress, the findings that stand, and the filing dates (closed by now).
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.getByText('材料 8/8').waitFor();
    await page.getByText(/纸质材料递交：已截止/).waitFor();
    await app.screenshot('workflow-0-home');
    expect(shell.printed).toHaveLength(1);
    expect(shell.saved).toHaveLength(2);

    // The exported PDF, checked by the independent checker with the page map and what the window chose.
    const jobId = (await readdir(path.join(app.dataDir, 'dossiers')))[0]!;
    const status = await app.services.handlers['dossier:status']({ jobId });
    const detail = await app.services.handlers['applications:get']({ id: 1 });
    const work = await each.scratch('juanzong-e2e-check-');
    const pageMapFile = path.join(work, 'pagemap.json');
    const manifestFile = path.join(work, 'manifest.json');
    await writeFile(pageMapFile, JSON.stringify(status.pageMap));
    const materials = profile.materials.map((m) => ({
      id: m.id,
      ...(detail.materialStates[m.id]?.state === 'not-applicable' ? { notApplicable: true } : {}),
    }));
    await writeFile(manifestFile, JSON.stringify({ options: detail.options, materials }));
    const checker = path.resolve(repoRoot, '../shared/acceptance/check_dossier.py');
    const args = [checker, shell.saved[0]!, pageMapFile, '--manifest', manifestFile, '--expect', fixtures.expect];
    const result = await run('python3', args).catch((e: { stdout: string; stderr: string }) => e);
    expect(result.stdout).toMatch(/ 0 failed/);
  });
});
