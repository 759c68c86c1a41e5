/**
 * `assembleDossier`: from a manifest to one A4 PDF ready to bind. Inputs are checked first (a refused file
 * stops everything before a byte is written), then planned, then drawn into a temporary file beside the target
 * that replaces it only when complete.
 */
import { setImmediate as tick } from 'node:timers/promises';
import type { Manifest } from '#shared/manifest.ts';
import type { FileInspection } from '#shared/page-findings.ts';
import { isPageOrder } from '#shared/page-order.ts';
import { inspectFiles } from '../inspect/run-inspection.ts';
import { decidePage } from './page-edit.ts';
import { findProfile, type Profile } from '#shared/profiles/index.ts';
import { settleWithConcurrency, LookAhead } from './concurrency.ts';
import { assertOutputFolder, DossierInputError, cancelledError } from './errors.ts';
import { DossierDrawer, type ContentPage, type PagePlacer } from './draw.ts';
import { resolveMaterials, type ResolvedFile, type ResolvedMaterial } from './materials.ts';
import { drawCover, drawToc } from './own-pages.ts';
import { installPdfLibPatches } from './pdf-lib-patches.ts';
import { inkGrids, type StoredInk } from './ink-map.ts';
import { placeMarks } from './mark-places.ts';
import { placePage, planDossier, sheetRuleOf } from './plan.ts';
import type { PreparedImage } from './image-input.ts';
import { cachedImage, type ImageCache } from './image-cache.ts';
import type { FileKind } from '#shared/file-kinds.ts';
import { sniffFile } from '../files/sniff.ts';
import { prepareInput, releaseInput, type PreparedInput } from './prepare.ts';
import { paperNotices } from './paper-copy.ts';
import type { PreparedPdf } from './pdf-input.ts';
import { warmUpQpdf } from './qpdf.ts';
import { AtomicFile } from '../safety/atomic-output.ts';
import {
  SHEETS,
  type FileNotice,
  type PageMap,
  type PagePlan,
  type PaperRules,
  type PlanInput,
  type PlanFile,
  type PlanMaterial,
  type ShownPage,
} from './types.ts';

warmUpQpdf();

export interface AssembleInput {
  manifest: Manifest;
  /** The folder the manifest's file paths are relative to (the manifest's own folder). */
  baseDir: string;
  /** Where the dossier PDF goes; an existing file there is replaced only on success. */
  outPath: string;
  /** Defaults to the built-in profile named by `manifest.profile`. */
  profile?: Profile;
}

export interface AssembleOptions {
  /** Pages written so far and in all; called once with (0, total) when the plan is known. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * How the input files' pages are inspected when the manifest asks for the inspection's proposals
   * (`options.autoFix`, or a file's `"crop": "auto"` …). Default: `inspectFiles`, on a worker thread.
   */
  inspect?: (files: string[]) => Promise<FileInspection[]>;
  /**
   * Findings already made (stored at attach time), by the file's absolute path: their pages' ink places the seal
   * marks without drawing the pages again. `inspect` answers from them too where the host wraps it (storedFirst).
   */
  stored?: ReadonlyMap<string, FileInspection>;
  /** Where re-encoded page images are kept between assemblies (the app's dossier job); none: always encoded. */
  imageCache?: ImageCache;
}

export interface AssembleResult {
  /** The path of the written dossier (`input.outPath`). */
  pdf: string;
  pageMap: PageMap;
}

/** Today in Asia/Shanghai, `YYYY-MM-DD`. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function profileFor(input: AssembleInput): Profile {
  const profile = input.profile ?? findProfile(input.manifest.profile);
  if (!profile) throw new DossierInputError('unknown-profile', input.manifest.profile);
  return profile;
}

interface InputFile {
  path: string;
  /** Material and file index in the manifest. */
  i: number;
  j: number;
}

/** A file's kind from its first bytes, or the refusal (missing, empty) to report in its place. */
function sniffed(file: InputFile): FileKind | DossierInputError {
  try {
    return sniffFile(file.path);
  } catch (error) {
    return error as DossierInputError;
  }
}

/**
 * Checks every file; the first refusal in manifest order wins. qpdf runs on this thread one PDF at a time,
 * while sharp reads the images on libuv's threads, several at once.
 */
async function prepareAll(materials: ResolvedMaterial[], signal?: AbortSignal): Promise<PreparedInput[][]> {
  const files: InputFile[] = materials.flatMap((m, i) => m.files.map((f, j) => ({ path: f.path, i, j })));
  const kinds = files.map(sniffed);
  const check = async (k: number): Promise<PreparedInput> => {
    if (signal?.aborted) throw cancelledError();
    const kind = kinds[k]!;
    if (kind instanceof Error) throw kind;
    const prepared = await prepareInput(files[k]!.path, kind);
    await tick();
    return prepared;
  };
  const indices = files.map((_, k) => k);
  const [pdfs, others] = [indices.filter((k) => kinds[k] === 'pdf'), indices.filter((k) => kinds[k] !== 'pdf')];
  const [pdfOutcomes, otherOutcomes] = await Promise.all([
    settleWithConcurrency(pdfs, 1, check),
    settleWithConcurrency(others, 8, check),
  ]);
  const outcomes: PromiseSettledResult<PreparedInput>[] = [];
  pdfs.forEach((k, n) => (outcomes[k] = pdfOutcomes[n]!));
  others.forEach((k, n) => (outcomes[k] = otherOutcomes[n]!));
  const prepared: PreparedInput[][] = materials.map(() => []);
  outcomes.forEach((o, k) => {
    if (o.status === 'fulfilled') prepared[files[k]!.i]![files[k]!.j] = o.value;
  });
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (signal?.aborted || failed) {
    prepared.flat().forEach(releaseInput);
    throw signal?.aborted ? cancelledError() : (failed as PromiseRejectedResult).reason;
  }
  return prepared;
}

/** Whether a file's pages take any of the inspection's proposals. */
function wantsInspection(file: ResolvedFile, autoFix: boolean): boolean {
  const p = file.pages ?? {};
  return autoFix || [p.crop, p.split, p.straighten, p.reduce].includes('auto');
}

type Inspections = Map<string, FileInspection>;

/** Inspects the included files whose proposals are wanted; a file whose inspection failed keeps only the clerk's choices. */
async function inspectInputs(
  manifest: Manifest,
  materials: ResolvedMaterial[],
  options: AssembleOptions,
): Promise<Inspections> {
  const files = materials.flatMap((m) => m.files).filter((f) => wantsInspection(f, manifest.options.autoFix));
  const paths = [...new Set(files.map((f) => f.path))];
  if (paths.length === 0) return new Map();
  const results = await (options.inspect ?? inspectFiles)(paths);
  return new Map(results.map((r, i) => [paths[i]!, r]));
}

function shownPages(
  input: PreparedInput,
  file: ResolvedFile,
  inspection: FileInspection | undefined,
  autoFix: boolean,
): ShownPage[] {
  const count = input.kind === 'pdf' ? input.pageCount : input.pages.length;
  const choices = { turns: file.turns, autoFix, ...(file.pages ? { pages: file.pages } : {}) };
  return Array.from({ length: count }, (_, i) => {
    const { turn, edit } = decidePage(i, inspection?.pages[i], choices);
    const size = input.kind === 'image' ? { width: input.pages[i]!.width, height: input.pages[i]!.height } : {};
    const changed = Object.keys(edit).length > 0;
    return {
      ...size,
      ...(turn === undefined ? {} : { clerkTurn: turn }),
      isImage: input.kind === 'image',
      ...(changed ? { edit } : {}),
    };
  });
}

/** The clerk's page order as indexes; refused when it does not list each of the file's pages once. */
function printOrderOf(file: ResolvedFile, count: number): Pick<PlanFile, 'order'> {
  const order = file.pages?.order;
  if (!order) return {};
  if (!isPageOrder(order, count)) throw new DossierInputError('page-order-invalid', file.name, `共 ${count} 页`);
  return { order: order.map((page) => page - 1) };
}

function planInput(
  profile: Profile,
  manifest: Manifest,
  materials: ResolvedMaterial[],
  prepared: PreparedInput[][],
  inspections: Inspections,
): PlanInput {
  const planMaterials: PlanMaterial[] = materials.map((m, i) => ({
    id: m.id,
    title: m.title,
    status: m.status,
    ...(m.reason ? { reason: m.reason } : {}),
    seal: m.seal,
    ...(keepsOwnSize(profile, m.id) ? { keepsOwnSize: true } : {}),
    files: m.files.map((f, j) => {
      const pages = shownPages(prepared[i]![j]!, f, inspections.get(f.path), manifest.options.autoFix);
      return { name: f.name, pages, ...printOrderOf(f, pages.length) };
    }),
  }));
  const { duplex, sealMarkers, landscape, sealPosition } = manifest.options;
  return {
    options: { duplex, sealMarkers, landscape, sealPosition },
    paper: paperRules(profile),
    materials: planMaterials,
  };
}

/** The profile's paper rules the page plan reads. */
function paperRules(profile: Profile): PaperRules {
  const { numbering, officialSealOnCover, size } = profile.paper;
  return {
    numberCover: numbering.cover,
    numberContents: numbering.contents,
    sealOnCover: officialSealOnCover,
    sheet: SHEETS[size],
  };
}

/** Whether the profile lets this material keep paper of another size ("特殊规定的除外"). */
function keepsOwnSize(profile: Profile, materialId: string): boolean {
  const exceptions = profile.paper.sizeExceptions;
  return exceptions === 'any' || (exceptions?.includes(materialId) ?? false);
}

/** Places a PDF page the plan could not place (its size is known only now that the file is read). */
function placer(manifest: Manifest, planned: PlanInput, material: number, shown: ShownPage[]): PagePlacer {
  const rule = sheetRuleOf(planned, planned.materials[material]);
  return (page, size) => {
    const clerkTurn = shown[page]?.clerkTurn;
    return placePage({ ...size, ...(clerkTurn === undefined ? {} : { clerkTurn }) }, manifest.options.landscape, rule);
  };
}

/** Draws one PDF's pages as planned (`place` places those the plan could not); returns the notices about its paper copy. */
async function drawPdf(
  drawer: DossierDrawer,
  source: PreparedPdf,
  group: ContentPage[],
  place: PagePlacer,
  material: ResolvedMaterial,
  j: number,
): Promise<FileNotice[]> {
  const file = material.files[j]!;
  const loss = await drawer.writePdfPages(source, group, place, file.keepMarkup);
  const context = {
    keepMarkup: file.keepMarkup,
    ...(material.electronicCopy ? { electronicCopyOf: material.title } : {}),
  };
  return paperNotices(loss, context).map((n) => ({ ...n, materialId: material.id, file: file.name }));
}

/** Draws every page of the plan; returns the notices about the inputs' paper copies. */
async function drawPlan(
  drawer: DossierDrawer,
  plan: PagePlan,
  input: AssembleInput,
  materials: ResolvedMaterial[],
  planned: PlanInput,
  prepared: PreparedInput[][],
  options: AssembleOptions,
): Promise<FileNotice[]> {
  const notices: FileNotice[] = [];
  const profile = profileFor(input);
  const { manifest } = input;
  const total = plan.pages.length;
  let done = 0;
  const progress = async (n: number) => {
    await drawer.settle();
    done += n;
    options.onProgress?.(done, total);
    if (options.signal?.aborted) throw cancelledError();
    await tick();
  };
  options.onProgress?.(0, total);
  const imagePages = plan.pages.filter(
    (p): p is ContentPage => p.kind === 'content' && prepared[p.source.material]![p.source.file]!.kind === 'image',
  );
  const images = new LookAhead(imagePages, 8, (p) => {
    const image = prepared[p.source.material]![p.source.file] as PreparedImage;
    const made = { page: p.source.page, edit: p.edit, part: p.part, placement: p.placement };
    return cachedImage(options.imageCache, image.file, made, () => drawer.encodeImagePage(image, p));
  });
  const cover = {
    callTitle: profile.guideTitle.replace(/项目申请指南$/, ''),
    applicant: manifest.applicant,
    date: manifest.options.date ?? todayInShanghai(),
    sealed: profile.paper.officialSealOnCover,
  };
  for (let i = 0; i < plan.pages.length;) {
    const page = plan.pages[i]!;
    if (page.kind !== 'content') {
      const content =
        page.kind === 'cover'
          ? drawCover(drawer.font, cover, page.marks.seal, plan.sheet)
          : page.kind === 'toc'
            ? drawToc(drawer.font, plan, page.tocIndex)
            : undefined;
      drawer.writeOwnPage(page, content);
      i += 1;
      await progress(1);
      continue;
    }
    const { material, file } = page.source;
    const group: ContentPage[] = [];
    for (
      let p = plan.pages[i];
      p?.kind === 'content' && p.source.material === material && p.source.file === file;
      p = plan.pages[++i]
    )
      group.push(p);
    const source = prepared[material]![file]!;
    if (source.kind === 'pdf') {
      const shown = planned.materials[material]!.files[file]!.pages;
      const place = placer(manifest, planned, material, shown);
      notices.push(...(await drawPdf(drawer, source, group, place, materials[material]!, file)));
    } else for (const p of group) drawer.writeImagePage(await images.get(p), p);
    await progress(group.length);
  }
  await drawer.finish(`${manifest.applicant.name} ${profile.title} 申请材料`);
  return notices;
}

/** A page's ink kept by its file's inspection (made now or stored), when the inspection covers the page. */
function storedInk(materials: ResolvedMaterial[], findings: (file: string) => FileInspection | undefined): StoredInk {
  return ({ source }) => {
    const found = findings(materials[source.material]!.files[source.file]!.path)?.pages[source.page];
    return found?.page === source.page + 1 ? found.ink : undefined;
  };
}

/** The plan with its seal marks moved clear of the ink on their pages (see mark-places.ts). */
async function placedMarks(
  plan: PagePlan,
  prepared: PreparedInput[][],
  planned: PlanInput,
  stored: StoredInk,
): Promise<PagePlan> {
  if (!planned.options.sealMarkers) return plan;
  return placeMarks(plan, await inkGrids(plan, prepared, planned, stored));
}

/**
 * Assembles the dossier described by a manifest into `input.outPath`.
 * Throws DossierInputError (code, file, Chinese message) for an input it refuses; nothing is written then.
 * @example
 * const { pageMap } = await assembleDossier({ manifest, baseDir, outPath: 'dossier.pdf' }, { onProgress: (d, t) => bar(d / t) });
 */
export async function assembleDossier(input: AssembleInput, options: AssembleOptions = {}): Promise<AssembleResult> {
  installPdfLibPatches();
  const profile = profileFor(input);
  assertOutputFolder(input.outPath);
  const materials = resolveMaterials(input.manifest, profile, input.baseDir);
  const prepared = await prepareAll(materials, options.signal);
  let inspections: Inspections;
  try {
    inspections = await inspectInputs(input.manifest, materials, options);
  } catch (error) {
    prepared.flat().forEach(releaseInput);
    throw error;
  }
  // Not durable: a dossier is made again in seconds from what the database holds (see safety/atomic-output.ts).
  const output = await AtomicFile.create(input.outPath, { durable: false });
  let drawer: DossierDrawer | undefined;
  try {
    const planned = planInput(profile, input.manifest, materials, prepared, inspections);
    const findings = (file: string) => inspections.get(file) ?? options.stored?.get(file);
    const plan = await placedMarks(planDossier(planned), prepared, planned, storedInk(materials, findings));
    drawer = await DossierDrawer.open(output.tempPath, plan, input.manifest.options.numberStyle);
    const notices = await drawPlan(drawer, plan, input, materials, planned, prepared, options);
    await output.commit();
    return { pdf: input.outPath, pageMap: { ...plan.pageMap, notices: [...plan.pageMap.notices, ...notices] } };
  } catch (error) {
    await drawer?.abandon();
    await output.abandon();
    throw error;
  } finally {
    prepared.flat().forEach(releaseInput);
  }
}
