/**
 * The dossier's data shapes: the page plan (what goes on every physical sheet side) and the page map
 * (what `juanzong assemble --json` prints). Plain data, no Node or PDF objects.
 */
import type { ContentNotice } from '#shared/contract/schemas.ts';
import type { MaterialStatus } from '#shared/dossier/material-status.ts';
import type { EdgeSpot, SealSpot } from '#shared/dossier/mark-spots.ts';
import type { DossierOptions } from '#shared/manifest.ts';
import type { Band, RelativePoint } from '#shared/page-findings.ts';
import type { PaperSize } from '#shared/profiles/schema.ts';

export type { MaterialStatus };

/** Millimetres to points. */
export const mm = (n: number): number => (n * 72) / 25.4;

/** A sheet of paper, portrait or as a page shows it, in PDF points. */
export interface Sheet {
  width: number;
  height: number;
}

/** A4 portrait in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** The paper sizes a profile may name, portrait (GB/T 148: B5 is ISO B5, 176 × 250 mm). */
export const SHEETS: Record<PaperSize, Sheet> = {
  A4,
  A3: { width: 841.89, height: 1190.55 },
  B5: { width: mm(176), height: mm(250) },
  letter: { width: 612, height: 792 },
};

export type QuarterTurn = 0 | 90 | 180 | 270;
export type SealPosition = DossierOptions['sealPosition'];

/**
 * One source page as a PDF viewer shows it (after /Rotate and the CropBox), in points. The size may be left out
 * (a PDF's pages are measured only when it is read for drawing): the plan then leaves the placement to
 * `placePage` at drawing time; nothing else in the plan depends on it.
 */
export interface ShownPage {
  width?: number;
  height?: number;
  /** The clerk's clockwise turn of this page; absent when the clerk left it to the landscape rule. */
  clerkTurn?: QuarterTurn;
  /** Images have no physical size: they are always scaled to fill the printable area. */
  isImage?: boolean;
  /** What is done to the page beyond placing it: decided from the inspection and the clerk's choices. */
  edit?: PageEdit;
}

/** Who decided a change: the clerk (in the manifest or the window), or the inspection's proposal. */
export type DecidedBy = 'clerk' | 'inspection';

/**
 * The changes made to one source page. `crop`, `split`, `straighten` apply to the page's picture as the file shows
 * it (EXIF applied), before the turn (`clerkTurn`), which is made by the placement.
 */
export interface PageEdit {
  /** Left out: not printed, not numbered. */
  skip?: DecidedBy;
  /** The page's clockwise turn and who set it (the same turn is in `ShownPage.clerkTurn`, for the placement). */
  turn?: { by: DecidedBy; degrees: QuarterTurn };
  /** Clockwise degrees (negative: anticlockwise) that level the text lines. */
  straighten?: number;
  /** The sheet's corners in a photo: cut out and flattened. */
  crop?: [RelativePoint, RelativePoint, RelativePoint, RelativePoint];
  /** A tall page printed as several pages, one per band. */
  split?: Band[];
  /** Reduce the picture to this many pixels per inch as printed. */
  reduceTo?: number;
}

/** One printed part of a source page: the whole page, or one band of a split page (index from 0). */
export interface PagePart {
  index: number;
  of: number;
  band: Band;
}

export interface PlanFile {
  /** As written in the manifest, for messages. */
  name: string;
  /** In the file's own order. */
  pages: ShownPage[];
  /** The indexes (0-based) of `pages` in the order they are printed; absent: the file's own order. */
  order?: number[];
}

export interface PlanMaterial {
  id: string;
  title: string;
  status: MaterialStatus;
  /** Why it is exempt or not applicable, as the clerk wrote it. */
  reason?: string;
  files: PlanFile[];
  /** Seal rules from the profile: an official seal on the first page; 骑缝章 when it has several pages. */
  seal: { official: boolean; crossPageWhenMultiPage: boolean };
  /** The profile lets this material keep another paper size ("A4纸（特殊规定的除外）"): an A3 drawing stays A3. */
  keepsOwnSize?: boolean;
}

/** The profile's paper rules that shape the cover and contents; absent: the 2025 call's (numbered, 公章 on the cover). */
export interface PaperRules {
  numberCover: boolean;
  numberContents: boolean;
  sealOnCover: boolean;
  /** The call's paper, portrait; absent: A4. */
  sheet?: Sheet;
}

/** What a page may be laid on: the call's sheet, or, for a material excepted from it, a paper size of its own. */
export interface SheetRule {
  sheet: Sheet;
  keepsOwnSize: boolean;
}

export interface PlanInput {
  options: Pick<DossierOptions, 'duplex' | 'sealMarkers' | 'landscape' | 'sealPosition'>;
  paper?: PaperRules;
  /** In the profile's order; materials not included are listed in the contents only. */
  materials: PlanMaterial[];
}

/**
 * Where a source page lands on the sheet: its shown box is turned clockwise by `turn`, scaled by `scale`,
 * and its lower-left corner put at (x, y) on `sheet` (points, origin bottom-left).
 * `copy` means the page, once turned, is the sheet's size: it goes on the sheet as it is.
 */
export interface Placement {
  mode: 'copy' | 'fit';
  /** The sheet the page is printed on: the call's paper, or the page's own size when its material may keep it. */
  sheet: Sheet;
  turn: QuarterTurn;
  /** Clockwise degrees the content is turned about the placed box's centre, to level a leaning scan. */
  tilt?: number;
  scale: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type NumberSide = 'left' | 'right' | 'center';

export interface PageMarks {
  /** The printed page number and where it sits; absent on blank pages. */
  number?: { value: number; side: NumberSide };
  /** The 盖章处 circle. */
  seal?: SealPosition;
  /** The 骑缝章 mark on the fore-edge (right edge of a front side). */
  crossPage?: boolean;
  /** Where the 公章 circle goes once the page's ink was looked at (absent: at `seal` as laid out). */
  sealAt?: SealSpot;
  /** Where the 骑缝章 mark goes on the fore-edge once the ink was looked at (absent: the middle). */
  crossPageAt?: EdgeSpot;
}

export type PlannedPage =
  | { physical: number; kind: 'cover'; section: 'cover'; marks: PageMarks }
  | { physical: number; kind: 'toc'; section: 'toc'; tocIndex: number; marks: PageMarks }
  | {
      physical: number;
      kind: 'content';
      section: string;
      source: { material: number; file: number; page: number };
      /** Absent when the page's size was not known to the plan. */
      placement?: Placement;
      /** What is done to the source page (its skip is never set here: skipped pages are not planned). */
      edit?: PageEdit;
      /** Set when this is one band of a split page. */
      part?: PagePart;
      marks: PageMarks;
    }
  | { physical: number; kind: 'blank'; marks: PageMarks };

export interface TocEntry {
  id: string;
  title: string;
  status: MaterialStatus;
  reason?: string;
  firstNumber?: number;
  lastNumber?: number;
}

export interface PageMapSection {
  id: string;
  title: string;
  firstPage: number;
  lastPage: number;
  /** The printed numbers; for a section printed without numbers (a cover the guide leaves unnumbered), 0. */
  firstNumber: number;
  lastNumber: number;
}

/** A notice about one input file's paper copy, with the material and the file as the manifest names them. */
export interface FileNotice extends ContentNotice {
  materialId: string;
  file: string;
}

/** Changes made to a source page as the page map reports them. */
export interface PageChanges {
  turn?: { by: DecidedBy; degrees: QuarterTurn };
  straighten?: number;
  crop?: true;
  split?: { part: number; of: number };
  reduceTo?: number;
}

/** One physical page of the dossier: where it comes from (file names as in the manifest, pages 1-based). */
export interface PageMapEntry {
  physical: number;
  kind: PlannedPage['kind'];
  number?: number;
  source?: { material: string; file: string; page: number };
  changes?: PageChanges;
  /** Where the page's 公章 and 骑缝章 marks are. */
  marks?: { seal?: SealSpot & { corner: SealPosition }; crossPage?: EdgeSpot };
}

/** A source page left out of the dossier, and why. */
export interface SkippedPage {
  material: string;
  file: string;
  page: number;
  by: DecidedBy;
}

/** What `juanzong assemble --json` prints; physical pages count from 1, blank pages belong to no section. */
export interface PageMap {
  pages: number;
  sections: PageMapSection[];
  blankPages: number[];
  warnings: string[];
  /** What the paper copy of each file leaves out or changes (markup removed, attachments, a seal mark moved…). */
  notices: FileNotice[];
  /** Every physical page in order (the plan always gives it; page maps stored by older versions lack it). */
  pageList?: PageMapEntry[];
  /** Source pages left out (blank backs, the clerk's choice): not printed, not numbered. */
  skipped?: SkippedPage[];
}

export interface PagePlan {
  /** The call's paper: cover, contents, and every page not kept at its own size. */
  sheet: Sheet;
  pages: PlannedPage[];
  /** One entry per material of the profile, in order, with the printed range of the included ones. */
  toc: TocEntry[];
  /** Entries per contents page, and how many contents pages there are. */
  tocPerPage: number;
  tocPages: number;
  pageMap: PageMap;
}
