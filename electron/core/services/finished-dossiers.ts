/**
 * The finished dossiers of this run, by job: where the PDF is, its page map, and what the reprint comparison keeps of
 * each page (`snapshotOf`). The dossier job registers them; 标记为已递交 freezes one, the reprint plan compares one.
 */
import { createHash } from 'node:crypto';
import type { PageMap } from '#shared/contract/workflow.ts';
import type { Manifest } from '#shared/manifest.ts';
import type { Profile } from '#shared/profiles/index.ts';
import type { DossierSnapshot, SnapshotPage } from '../dossier/reprint-plan.ts';
import type { StagedFile } from './dossier-manifest.ts';

export interface FinishedDossier {
  applicationId: number;
  /** The dossier PDF in the data folder. */
  pdf: string;
  pageMap: PageMap;
  snapshot: DossierSnapshot;
}

export class FinishedDossiers {
  private readonly byJob = new Map<string, FinishedDossier>();

  add(jobId: string, dossier: FinishedDossier): void {
    this.byJob.set(jobId, dossier);
  }

  get(jobId: string): FinishedDossier | undefined {
    return this.byJob.get(jobId);
  }

  drop(jobId: string): void {
    this.byJob.delete(jobId);
  }
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

type PageEntry = NonNullable<PageMap['pageList']>[number];

/**
 * What the cover and the contents print, as keys. The cover's date is left out: a cover printed on the day of
 * submission stays right when the rest is reprinted later.
 */
function ownPageKeys(manifest: Manifest, profile: Profile, pageMap: PageMap) {
  const cover = digest({ title: profile.guideTitle, applicant: manifest.applicant, sealed: profile.paper });
  const toc = digest({
    sections: pageMap.sections.map((s) => [s.id, s.title, s.firstNumber, s.lastNumber]),
    materials: manifest.materials.map((m) => [m.id, m.exempt ?? null, m.notApplicable ?? null, m.reason ?? null]),
  });
  return { cover: `cover:${cover}`, toc: `toc:${toc}` };
}

function contentKey(entry: PageEntry, hashes: Map<string, string>, own: { cover: string; toc: string }): string {
  if (entry.kind === 'cover') return own.cover;
  if (entry.kind === 'toc') return own.toc;
  if (!entry.source) return '';
  const file = hashes.get(entry.source.file) ?? entry.source.file;
  return `${file}#${entry.source.page}#${JSON.stringify(entry.changes ?? {})}`;
}

/**
 * Which marks the page carries (the 公章's corner, a 骑缝章), not exactly where: the spot clear of ink is looked for
 * within a time budget (ink-map.ts), so on a busy machine the same page may get another spot, which is no reason to
 * reprint it.
 */
function marksKey(entry: PageEntry): string {
  const seal = entry.marks?.seal?.corner ?? '';
  return `${seal}|${entry.marks?.crossPage ? 'cross' : ''}`;
}

function partOf(entry: PageEntry): string | undefined {
  if (entry.kind === 'cover' || entry.kind === 'toc') return entry.kind;
  return entry.source?.material;
}

/**
 * The comparison's view of a finished dossier: each page keyed by what it prints (a source page by its file's
 * content hash, page and changes, so a file renamed or moved keeps its key and a file replaced does not).
 */
export function snapshotOf(
  pageMap: PageMap,
  manifest: Manifest,
  profile: Profile,
  files: StagedFile[],
): DossierSnapshot {
  const hashes = new Map(files.map((f) => [f.path, f.sha256]));
  const own = ownPageKeys(manifest, profile, pageMap);
  const pages: SnapshotPage[] = (pageMap.pageList ?? []).map((entry) => {
    const part = partOf(entry);
    return {
      physical: entry.physical,
      ...(entry.number !== undefined ? { number: entry.number } : {}),
      ...(part !== undefined ? { part } : {}),
      content: contentKey(entry, hashes, own),
      marks: marksKey(entry),
    };
  });
  const titles = Object.fromEntries(pageMap.sections.map((s) => [s.id, s.title]));
  return { duplex: manifest.options.duplex, pages, titles };
}
