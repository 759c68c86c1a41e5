/**
 * What `check` finds by opening each listed file, as the window does when a file is attached: a file the dossier
 * could not take (locked, damaged, not a PDF or picture) is an error naming it; what its paper copy leaves out is
 * said. With `--pages`, the page inspection's findings too (blank backs, turned or skewed scans, photos, long
 * pictures, coarse or faint scans), per file, a warning where the clerk should rescan: it reads every page (about
 * 0.1–0.5 s a scanned page), so it is asked for, not done on every check.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { UserFacingError } from '#shared/errors.ts';
import type { Manifest } from '#shared/manifest.ts';
import type { FileInspection, PageFindings } from '#shared/page-findings.ts';
import { manifestFilePath, type Finding } from '#shared/rules/index.ts';
import { DossierInputError } from '../dossier/index.ts';
import { sniffFile } from '../files/sniff.ts';
import { describeFindings } from '../inspect/describe.ts';
import { inspectFiles } from '../inspect/run-inspection.ts';
import { inspectOffThread } from '../safety/inspect-off-thread.ts';

interface ListedFile {
  materialId: string;
  path: string;
  name: string;
}

function listedFiles(manifest: Manifest, baseDir: string): ListedFile[] {
  return manifest.materials.flatMap((m) =>
    (m.files ?? []).map((f) => {
      const listed = manifestFilePath(f);
      return { materialId: m.id, path: isAbsolute(listed) ? listed : resolve(baseDir, listed), name: basename(listed) };
    }),
  );
}

/** Opens the file as the intake does; an error finding when it would be refused, else what its paper copy omits. */
async function openingFindings(file: ListedFile): Promise<Finding[]> {
  const subject = file.materialId;
  try {
    const summary = await inspectOffThread(file.path, file.name, sniffFile(file.path, file.name));
    return (summary.notices ?? []).map((n) => ({
      severity: 'info' as const,
      code: `paper-${n.code}`,
      subject,
      message: `「${file.name}」：${n.message}`,
    }));
  } catch (error) {
    if (!(error instanceof UserFacingError) && !(error instanceof DossierInputError)) throw error;
    return [{ severity: 'error', code: error.code, subject, message: error.message }];
  }
}

/** "第 2 页：空白页，将略去…；第 5 页：…" for the pages with something to say. */
function pagesSaying(inspection: FileInspection, words: (p: PageFindings) => string[]): string {
  return inspection.pages
    .map((p) => [p.page, words(p)] as const)
    .filter(([, said]) => said.length > 0)
    .map(([page, said]) => `第 ${page} 页：${said.join('，')}`)
    .join('；');
}

function pageFindings(file: ListedFile, inspection: FileInspection, autoFix: boolean): Finding[] {
  const subject = file.materialId;
  if (inspection.failed)
    return [
      {
        severity: 'warning',
        code: 'pages-not-inspected',
        subject,
        message: `「${file.name}」的页面没有检查完（超出时间或内存限制），将按原样放入卷宗。请打开它逐页看一遍。`,
      },
    ];
  const findings: Finding[] = [];
  const hardToRead = pagesSaying(inspection, (p) => describeFindings({ ...p, proposals: {} }));
  if (hardToRead)
    findings.push({
      severity: 'warning',
      code: 'pages-hard-to-read',
      subject,
      message: `「${file.name}」${hardToRead}。`,
    });
  const adjusted = pagesSaying(inspection, (p) => describeFindings({ ...p, warnings: [] }));
  const unlessOff = autoFix ? '' : '（清单设了 "autoFix": false，生成时不会自动处理，以下只是建议）';
  if (adjusted)
    findings.push({
      severity: 'info',
      code: 'pages-adjusted',
      subject,
      message: `「${file.name}」${unlessOff}${adjusted}。`,
    });
  return findings;
}

/** The findings of every listed file that exists (a missing one is already an error of the rules). */
export async function fileFindings(manifest: Manifest, baseDir: string, pages: boolean): Promise<Finding[]> {
  const files = listedFiles(manifest, baseDir).filter((f) => existsSync(f.path));
  const findings: Finding[] = [];
  const openable: ListedFile[] = [];
  for (const file of files) {
    const opened = await openingFindings(file);
    findings.push(...opened);
    if (!opened.some((f) => f.severity === 'error')) openable.push(file);
  }
  if (!pages) return findings;
  const inspections = await inspectFiles(openable.map((f) => f.path));
  const autoFix = manifest.options.autoFix !== false;
  inspections.forEach((inspection, i) => findings.push(...pageFindings(openable[i]!, inspection, autoFix)));
  return findings;
}
