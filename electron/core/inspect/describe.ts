/** The inspection's findings in the clerk's words, for the command line and the checklist. */
import type { PageFindings } from '#shared/page-findings.ts';

const WARNINGS: Record<PageFindings['warnings'][number], (f: PageFindings) => string> = {
  'low-resolution': (f) => `分辨率偏低（约 ${f.dpi} dpi，低于 150 dpi），打印后小字可能看不清，建议重新扫描（300 dpi）`,
  'too-dark': () => '页面过暗，建议调亮后重新扫描',
  'too-light': () => '字迹过浅，建议加深后重新扫描',
  unreadable: () => '图像已损坏或不完整，请重新扫描',
};

/** One short phrase per finding, e.g. "扫描空白背面，将略去". */
export function describeFindings(f: PageFindings): string[] {
  const said: string[] = [];
  const p = f.proposals;
  if (p.skip) said.push('空白页，将略去（不打印、不编页码）');
  if (p.turn) said.push(`内容方向不正，将顺时针旋转 ${p.turn}°`);
  if (p.straighten) said.push(`扫描歪斜约 ${Math.abs(p.straighten).toFixed(1)}°，将扶正`);
  if (p.crop) said.push('翻拍照片，将裁去背景并校正透视');
  if (p.split) said.push(`长图，将按 A4 分成 ${p.split.length} 页`);
  if (p.reduceTo) said.push(`分辨率过高（约 ${f.dpi} dpi），将缩减到 ${p.reduceTo} dpi`);
  said.push(...f.warnings.map((w) => WARNINGS[w](f)));
  return said;
}
