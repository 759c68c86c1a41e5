/**
 * What the material's card says of each page of a file (the badges on its thumbnail, and what one click on a badge
 * undoes) and of the file as a whole ("已略去 2 页空白背面，已转正 1 页"). Pure data from `pages:get`.
 */
import type { FileFix, FilePage } from '#shared/contract/index.ts';

/** A change to send to `pages:decide` (null takes the clerk's own choice back, so that the proposal applies). */
export interface PageChoice {
  skip?: boolean | null;
  turn?: 0 | 90 | 180 | 270 | null;
  /** For the whole file: false turns the automatic fix off, null back on. */
  fixes?: Partial<Record<FileFix, boolean | null>>;
}

export interface PageBadgeInfo {
  /** Stable per kind of badge (for React keys and tests). */
  kind: 'skip' | 'kept' | 'turn' | 'unturned' | FileFix | `no-${FileFix}` | 'legibility';
  text: string;
  /** `warn`: a warning the clerk should act on (scan again), nothing the window can undo. */
  tone: 'change' | 'choice' | 'warn';
  /** What the badge's button does, when it has one. */
  undo?: {
    label: string;
    choice: PageChoice;
    /** Said with the button when it changes the whole file, not only this page: "整份文件都不再裁切照片". */
    scope?: string;
  };
}

const turnBadge = (page: FilePage): PageBadgeInfo | undefined => {
  const turn = page.applied.turn;
  const proposed = page.findings?.proposals.turn;
  if (turn?.by === 'inspection')
    return {
      kind: 'turn',
      text: `已转正 ${turn.degrees}°`,
      tone: 'change',
      undo: { label: '撤销', choice: { turn: 0 } },
    };
  if (turn?.by !== 'clerk') return undefined;
  if (turn.degrees === 0 && proposed)
    return {
      kind: 'unturned',
      text: '保持原方向',
      tone: 'choice',
      undo: { label: '恢复转正', choice: { turn: null } },
    };
  if (turn.degrees === 0) return undefined;
  return {
    kind: 'turn',
    text: `已顺时针转 ${turn.degrees}°`,
    tone: 'choice',
    undo: { label: '撤销', choice: { turn: proposed ? 0 : null } },
  };
};

const skipBadge = (page: FilePage): PageBadgeInfo | undefined => {
  const skip = page.applied.skip;
  const proposed = page.findings?.proposals.skip === true;
  if (skip === 'inspection')
    return { kind: 'skip', text: '略去空白背面', tone: 'change', undo: { label: '撤销', choice: { skip: false } } };
  if (skip === 'clerk')
    return {
      kind: 'skip',
      text: '已略去',
      tone: 'choice',
      undo: { label: '撤销', choice: { skip: proposed ? false : null } },
    };
  if (page.decision.skip === false && proposed)
    return {
      kind: 'kept',
      text: '保留（不略去）',
      tone: 'choice',
      undo: { label: '恢复略去', choice: { skip: null } },
    };
  return undefined;
};

/** How each automatic fix reads on a badge: applied, turned off by the clerk, and the buttons' scope. */
const FIXES: Record<
  FileFix,
  { done: (p: FilePage) => string | undefined; proposed: (p: FilePage) => boolean; off: string; name: string }
> = {
  straighten: {
    done: ({ applied: a }) => (a.straighten ? `已纠斜 ${Math.abs(a.straighten).toFixed(1)}°` : undefined),
    proposed: (p) => Boolean(p.findings?.proposals.straighten),
    off: '不纠斜（整份文件）',
    name: '纠斜',
  },
  crop: {
    done: ({ applied: a }) => (a.crop ? '已裁切照片' : undefined),
    proposed: (p) => Boolean(p.findings?.proposals.crop),
    off: '不裁切照片（整份文件）',
    name: '裁切照片',
  },
  split: {
    done: ({ applied: a }) => (a.split ? `已拆分长图（${a.split} 页）` : undefined),
    proposed: (p) => (p.findings?.proposals.split?.length ?? 0) > 1,
    off: '不拆分长图（整份文件）',
    name: '拆分长图',
  },
  reduce: {
    done: ({ applied: a }) => (a.reduceTo ? `已压缩到 ${a.reduceTo} dpi` : undefined),
    proposed: (p) => Boolean(p.findings?.proposals.reduceTo),
    off: '不压缩（整份文件）',
    name: '压缩',
  },
};

/** Whether the clerk turned this fix off where the inspection proposes it. */
const fixOff = (page: FilePage, fix: FileFix): boolean =>
  Boolean(page.decision.fixesOff?.includes(fix)) && FIXES[fix].proposed(page);

/** An automatic fix applied (undone for the whole file), or turned off by the clerk where it was proposed. */
function fixBadge(page: FilePage, fix: FileFix): PageBadgeInfo | undefined {
  const { done, off, name } = FIXES[fix];
  const text = done(page);
  if (text)
    return {
      kind: fix,
      text,
      tone: 'change',
      undo: { label: '撤销', choice: { fixes: { [fix]: false } }, scope: `整份文件都不再${name}` },
    };
  if (!fixOff(page, fix)) return undefined;
  return {
    kind: `no-${fix}`,
    text: off,
    tone: 'choice',
    undo: { label: `恢复${name}`, choice: { fixes: { [fix]: null } }, scope: `整份文件恢复自动${name}` },
  };
}

/** The badges of one page, in the order the dossier applies the changes; a page left out shows only that. */
export function pageBadges(page: FilePage): PageBadgeInfo[] {
  const skip = skipBadge(page);
  if (page.applied.skip) return [skip!];
  const badges: (PageBadgeInfo | undefined)[] = [
    skip,
    turnBadge(page),
    ...(['straighten', 'crop', 'split', 'reduce'] as const).map((fix) => fixBadge(page, fix)),
    page.findings?.warnings.length ? { kind: 'legibility', text: '清晰度不足', tone: 'warn' } : undefined,
  ];
  return badges.filter((b): b is PageBadgeInfo => b !== undefined);
}

/** How each kind of change is counted on the card, in this order. */
const COUNTS: [test: (p: FilePage) => boolean, say: (n: number) => string][] = [
  [(p) => p.applied.skip === 'inspection', (n) => `已略去 ${n} 页空白背面`],
  [(p) => p.applied.skip === 'clerk', (n) => `按您的选择略去 ${n} 页`],
  [(p) => !p.applied.skip && p.applied.turn?.by === 'inspection', (n) => `已转正 ${n} 页`],
  [
    (p) => !p.applied.skip && p.applied.turn?.by === 'clerk' && p.applied.turn.degrees !== 0,
    (n) => `按您的选择转动 ${n} 页`,
  ],
  [(p) => !p.applied.skip && Boolean(p.applied.straighten), (n) => `已纠斜 ${n} 页`],
  [(p) => !p.applied.skip && Boolean(p.applied.crop), (n) => `已裁切 ${n} 张照片`],
  [(p) => !p.applied.skip && Boolean(p.applied.split), (n) => `已拆分 ${n} 张长图`],
  [(p) => !p.applied.skip && Boolean(p.applied.reduceTo), (n) => `已压缩 ${n} 页`],
  ...(Object.keys(FIXES) as FileFix[]).map((fix): (typeof COUNTS)[number] => [
    (p) => !p.applied.skip && fixOff(p, fix),
    (n) => `按您的选择不${FIXES[fix].name} ${n} 页`,
  ]),
  [(p) => !p.applied.skip && Boolean(p.findings?.warnings.length), (n) => `${n} 页清晰度不足，建议重新扫描`],
];

/** "已略去 2 页空白背面，已转正 1 页", or undefined when no page is changed. */
export function pageChangeCount(pages: FilePage[]): string | undefined {
  const parts = COUNTS.flatMap(([test, say]) => {
    const n = pages.filter(test).length;
    return n ? [say(n)] : [];
  });
  return parts.length ? parts.join('，') : undefined;
}

/** The legibility warnings of a file's pages in full, "第 3 页：页面过暗，建议调亮后重新扫描" (they close `said`). */
export function pageWarningLines(pages: FilePage[]): string[] {
  return pages.flatMap((p) => {
    const count = p.applied.skip ? 0 : (p.findings?.warnings.length ?? 0);
    return count ? p.said.slice(-count).map((s) => `第 ${p.page} 页：${s}`) : [];
  });
}
