/**
 * Pages that already carry ink where the dossier's seal marks would go, drawn by ImageMagick at 100 dpi and made
 * A4 PDFs by img2pdf (so each page lands on the sheet as it is): the auditor's two red seals in the bottom-right
 * corner, text running to the fore-edge across the middle of the page, a signature scribbled over the corner.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureManifest } from '../fixtures/dossier-fixtures.ts';
import { runTool } from '../fixtures/run-tool.ts';

const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** A4 at 100 dpi. */
const PAGE = '827x1169';

function page(file: string, draw: string[]): void {
  runTool('convert', [
    '-size',
    PAGE,
    'xc:white',
    '-font',
    FONT,
    ...draw,
    '-alpha',
    'off',
    '-depth',
    '8',
    '-type',
    'TrueColor',
    file,
  ]);
}

const text = (x: number, y: number, words: string, size = 22) => [
  '-stroke',
  'none',
  '-fill',
  'black',
  '-pointsize',
  String(size),
  '-draw',
  `text ${x},${y} '${words}'`,
];

/** A red round seal (ring, star, name) centred at (x, y) pixels, 75 px (19 mm) in radius. */
const redSeal = (x: number, y: number, name: string) => [
  '-fill',
  'none',
  '-stroke',
  '#d81e1e',
  '-strokewidth',
  '6',
  '-draw',
  `circle ${x},${y} ${x + 75},${y}`,
  '-stroke',
  'none',
  '-fill',
  '#d81e1e',
  '-draw',
  `polygon ${x},${y - 30} ${x + 9},${y - 8} ${x + 30},${y - 8} ${x + 12},${y + 5} ${x + 18},${y + 27} ${x},${y + 13} ${x - 18},${y + 27} ${x - 12},${y + 5} ${x - 30},${y - 8} ${x - 9},${y - 8}`,
  '-pointsize',
  '16',
  '-draw',
  `text ${x - 40},${y + 50} '${name}'`,
];

export interface SealFixtures {
  dir: string;
  manifest: string;
}

/** Builds the pages and a simplex manifest (seal marks on, bottom-right) into `dir`. */
export function buildSealFixtures(dir: string): SealFixtures {
  const at = (name: string) => path.join(dir, name);
  page(at('seals.png'), [
    ...text(100, 150, '审计报告'),
    ...text(100, 200, '我们审计了深圳市卷宗测试科技有限公司的财务报表。'),
    ...redSeal(689, 972, '审计专用章'),
    ...redSeal(545, 990, '注册会计师'),
  ]);
  const lines = Array.from({ length: 16 }, (_, i) =>
    text(90, 380 + i * 30, `附注${i + 1}：本期发生额与上期发生额的对比说明，文字一直写到页面最右边的边缘处为止。`, 26),
  ).flat();
  page(at('edge-text.png'), [...text(100, 150, '财务报表附注'), ...lines]);
  page(at('signature.png'), [
    ...text(100, 150, '技术服务合同　签字页'),
    '-fill',
    'none',
    '-stroke',
    '#1a237e',
    '-strokewidth',
    '5',
    '-draw',
    "path 'M 600,930 C 640,860 680,1040 720,940 S 780,900 800,1000 M 610,1010 Q 700,960 790,1030'",
  ]);
  runTool('img2pdf', ['--pagesize', 'A4', at('seals.png'), at('edge-text.png'), '-o', at('audit.pdf')]);
  runTool('img2pdf', ['--pagesize', 'A4', at('signature.png'), '-o', at('signed.pdf')]);
  const base = fixtureManifest({ duplex: false, sealMarkers: true });
  const manifest = {
    ...base,
    options: { ...base.options, sealPosition: 'bottom-right' },
    materials: [
      { id: 'financial-statements', files: ['audit.pdf'] },
      { id: 'service-contract', files: ['signed.pdf'] },
    ],
  };
  writeFileSync(at('manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest: at('manifest.json') };
}
