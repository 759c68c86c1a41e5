/** An application whose materials hold long Ghostscript PDFs (attached through the core), opened at 生成与预览. */
import { readFile } from 'node:fs/promises';
import { ghostscriptLongPdf } from '../../helpers/make-pdf.ts';
import { ApplicationPage } from '../pages/application-page.ts';
import { HomePage } from '../pages/home-page.ts';
import type { AppHarness } from './app-harness.ts';
import { seedApplication } from './seed.ts';

/** Each file as [material id, name, pages]: `name.pdf`, page k reading "name page k". */
export type LongPdf = [materialId: string, name: string, pages: number];

/** Seeds an application with the files, then opens it in the window at 生成与预览; answers its id. */
export async function openWithLongPdfs(app: AppHarness, dir: string, files: LongPdf[]): Promise<number> {
  const applicationId = await seedApplication(app.services);
  for (const [materialId, name, pages] of files) {
    const file = await ghostscriptLongPdf(dir, `${name}.pdf`, `${name} page`, pages);
    await app.services.handlers['attachments:add']({
      applicationId,
      materialId,
      fileName: `${name}.pdf`,
      bytes: new Uint8Array(await readFile(file)),
    });
  }
  await app.page.reload();
  await new HomePage(app.page).openFirstApplication();
  await new ApplicationPage(app.page).goTo('生成与预览');
  return applicationId;
}
