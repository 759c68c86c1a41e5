/**
 * `juanzong dossier <项目编号>`: the window's 生成 and 导出 from the command line, on a real data folder. The dossier
 * follows what the window stored (the pages' inspection, the clerk's decisions), and is read back by poppler.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageMap } from '../../electron/core/dossier/types.ts';
import { databaseFileName } from '../../electron/core/paths.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { pageFixtures, type PageFixtures } from '../fixtures/page-fixtures.ts';
import { qpdfPageCount } from '../fixtures/run-tool.ts';
import { ask } from '../helpers/ask.ts';
import { ghostscriptPdf, pdfText } from '../helpers/make-pdf.ts';
import { attachFile, newApplication } from '../helpers/application.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { explain, juanzong } from './run-cli.ts';

const tempDir = useTempDir('juanzong-dossier-');
const LONG = 10 * 60_000;
let fx: PageFixtures;

beforeAll(() => {
  fx = pageFixtures();
}, LONG);

/** A company and an application with a 1-page form and the 6-page duplex scan (3 fronts, 3 blank backs). */
async function application(services: Services, dir: string) {
  const applicationId = await newApplication(services, '深圳市命令行生成测试有限公司');
  const form = await ghostscriptPdf(dir, 'form.pdf', 'FORM', 1);
  await attachFile(services, applicationId, 'application-form', form);
  const scanId = await attachFile(services, applicationId, 'financial-statements', fx.duplex);
  return { applicationId, scanId };
}

async function withData<T>(dataDir: string, work: (services: Services) => Promise<T>): Promise<T> {
  const services = await openServices({ dataDir });
  try {
    return await work(services);
  } finally {
    services.close();
  }
}

const sectionPages = (map: PageMap, id: string): number => {
  const section = map.sections.find((s) => s.id === id)!;
  return section.lastPage - section.firstPage + 1;
};

function storedInspections(dataDir: string): number {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM page_inspections').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('juanzong dossier <项目编号>', () => {
  it(
    'generates the application as the window does: blank backs left out, the clerk’s choice kept, then saved',
    async () => {
      const dir = await tempDir();
      const dataDir = path.join(dir, 'data');
      const { applicationId, scanId } = await withData(dataDir, (s) => application(s, dir));
      const [out, checklist] = [path.join(dir, '卷宗.pdf'), path.join(dir, '核对清单.pdf')];

      const first = await juanzong(
        ['--data', dataDir, 'dossier', String(applicationId), '--out', out, '--checklist', checklist, '--json'],
        { timeoutMs: LONG },
      );
      expect(first.code, explain(first)).toBe(0);
      const map = JSON.parse(first.stdout) as PageMap;
      expect(qpdfPageCount(out)).toBe(map.pages);
      // The three blank backs are left out: the fronts alone, numbered.
      expect(sectionPages(map, 'financial-statements')).toBe(3);
      expect(await pdfText(checklist)).toMatch(/扫描空白背面，已略去/);
      // The job stored what it inspected, as the window's would: the form and the scan.
      expect(storedInspections(dataDir)).toBe(2);

      // The clerk keeps the first blank back (page 2 of the scan) in the window; the command line follows.
      await withData(dataDir, (s) => ask(s, 'pages:decide', { attachmentId: scanId, page: 2, skip: false }));
      const again = await juanzong(['--data', dataDir, 'dossier', String(applicationId), '--out', out, '--json'], {
        timeoutMs: LONG,
      });
      expect(again.code, explain(again)).toBe(0);
      expect(sectionPages(JSON.parse(again.stdout) as PageMap, 'financial-statements')).toBe(4);
      expect(storedInspections(dataDir)).toBe(2);
      expect(await pdfText(out)).toContain('FORM 1');
    },
    LONG,
  );

  it('refuses, before generating anything, an output folder that does not exist or a checklist on the dossier', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const missing = path.join(dir, '没有这个文件夹', '卷宗.pdf');
    const run = await juanzong(['--data', dataDir, 'dossier', '1', '--out', missing]);
    expect(run.code, explain(run)).toBe(2);
    expect(run.stderr).toContain(`--out 要保存到的文件夹“${path.dirname(missing)}”不存在。请先建好这个文件夹`);
    expect(existsSync(dataDir)).toBe(false);

    const same = path.join(dir, 'x.pdf');
    const twice = await juanzong(['--data', dataDir, 'dossier', '1', '--out', same, '--checklist', same]);
    expect(twice.code, explain(twice)).toBe(2);
    expect(twice.stderr).toContain('--out 和 --checklist 指向同一个文件');
  });

  it('names an application that is not there', async () => {
    const dir = await tempDir();
    const run = await juanzong(['--data', path.join(dir, 'data'), 'dossier', '7', '--out', path.join(dir, 'x.pdf')]);
    expect(run.code, explain(run)).toBe(1);
    expect(run.stderr).toContain('找不到申报项目（编号 7）');
    expect(existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
