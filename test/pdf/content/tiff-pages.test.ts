/**
 * A multi-page TIFF whose pages are each stored another way (made by ImageMagick, joined by tiffcp): every page
 * reaches the dossier as the source shows it. Each page's image is read back out of the dossier by poppler
 * (pdfimages) and compared pixel by pixel with the page as ImageMagick decodes it: identical (to a rounding step)
 * for what goes in losslessly, close for the JPEG pages; each page is drawn by pdftoppm with its block and its red
 * seal where the source has them. A cut-short and a damaged TIFF are refused by name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../../electron/core/dossier/index.ts';
import { tiffPages } from '../../../electron/core/dossier/tiff.ts';
import { faxRaster } from '../../../electron/core/dossier/tiff-image.ts';
import { readTiffPage, type TiffFax } from '../../../electron/core/dossier/tiff-raster.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { runTool } from '../../fixtures/run-tool.ts';
import { emptyFontConfig, inkIn, renderGray, run } from '../dossier/helpers.ts';
import { assembleOne, colouredPixels, qpdfCheck, renderRgb } from './helpers.ts';

/** Each page: how ImageMagick stores it, where its black block is (fractions of the page), how exact it must come back. */
const PAGES = [
  { name: 'g4', store: ['-monochrome', '-compress', 'Group4'], block: [0, 0, 0.4, 0.3], exact: true, colour: false },
  {
    name: 'g4-min-is-black',
    store: ['-threshold', '50%', '-type', 'Bilevel', '-define', 'quantum:polarity=min-is-black', '-compress', 'Group4'],
    block: [0.6, 0.7, 1, 1],
    exact: true,
    colour: false,
  },
  {
    name: 'lzw-strips',
    store: ['-colorspace', 'Gray', '-depth', '8', '-compress', 'LZW', '-define', 'tiff:rows-per-strip=16'],
    block: [0.6, 0, 1, 0.3],
    exact: true,
    colour: false,
  },
  {
    name: 'deflate-predictor',
    store: ['-type', 'TrueColor', '-depth', '8', '-compress', 'Zip', '-define', 'tiff:predictor=2'],
    block: [0, 0.7, 0.4, 1],
    exact: true,
    colour: true,
  },
  {
    name: 'lzw-16-bit-alpha',
    store: ['-colorspace', 'Gray', '-alpha', 'on', '-depth', '16', '-compress', 'LZW', '-define', 'tiff:predictor=2'],
    block: [0.6, 0.7, 1, 1],
    exact: true,
    colour: false,
  },
  {
    name: 'uncompressed',
    store: ['-type', 'TrueColor', '-compress', 'None'],
    block: [0, 0, 0.4, 0.3],
    exact: true,
    colour: true,
  },
  {
    name: 'packbits',
    store: ['-colorspace', 'Gray', '-compress', 'RLE'],
    block: [0.6, 0, 1, 0.3],
    exact: true,
    colour: false,
  },
  {
    name: 'palette',
    store: ['-type', 'Palette', '-compress', 'LZW'],
    block: [0, 0.7, 0.4, 1],
    exact: true,
    colour: true,
  },
  {
    name: 'bilevel-lzw',
    store: ['-colorspace', 'Gray', '-threshold', '50%', '-alpha', 'off', '-depth', '1', '-compress', 'LZW'],
    block: [0.6, 0, 1, 0.3],
    exact: true,
    colour: false,
  },
  {
    name: 'grey-2-bit-alpha',
    store: ['-colorspace', 'Gray', '-alpha', 'on', '-depth', '2', '-compress', 'None'],
    block: [0, 0, 0.4, 0.3],
    exact: true,
    colour: false,
  },
  {
    name: 'jpeg',
    store: ['-alpha', 'off', '-type', 'TrueColor', '-compress', 'JPEG', '-quality', '90'],
    block: [0.6, 0.7, 1, 1],
    exact: false,
    colour: true,
  },
  { name: 'g3', store: ['-monochrome', '-compress', 'Fax'], block: [0, 0, 0.4, 0.3], exact: false, colour: false },
] as const;
const [W, H] = [300, 420];

let dir: string;

/** A page with a black block, a red seal and a word, stored as `page.store` says, then all joined by tiffcp. */
function makeMixedTiff(): string {
  const singles = PAGES.map((page) => {
    const [x0, y0, x1, y1] = page.block.map((f, i) => Math.round(f * (i % 2 ? H : W) - (f === 1 ? 1 : 0)));
    const file = path.join(dir, `${page.name}.tif`);
    runTool('convert', [
      ...['-size', `${W}x${H}`, 'xc:white', '-fill', 'black', '-draw', `rectangle ${x0},${y0} ${x1},${y1}`],
      ...['-fill', '#d02020', '-draw', 'circle 150,210 150,250', '-fill', 'black', '-pointsize', '30'],
      ...['-annotate', '+90+330', page.name.toUpperCase().slice(0, 6), ...page.store, file],
    ]);
    return file;
  });
  const mixed = path.join(dir, 'mixed.tif');
  runTool('tiffcp', [...singles, mixed]);
  return mixed;
}

/** A picture as 8-bit RGB through ImageMagick, flattened on white. */
function rgbOf(file: string): Buffer {
  return execFileSync(
    'convert',
    [file, '-background', 'white', '-alpha', 'remove', '-alpha', 'off', '-depth', '8', 'rgb:-'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

/** The largest and the mean difference of one sample between two pictures of the same size. */
function difference(a: Buffer, b: Buffer): { max: number; mean: number } {
  let [max, sum] = [0, 0];
  for (let i = 0; i < a.length; i += 1) {
    const d = Math.abs(a[i]! - b[i]!);
    max = Math.max(max, d);
    sum += d;
  }
  return { max, mean: sum / a.length };
}

beforeAll(() => {
  dir = scratchDir('content-tiff-pages');
  makeMixedTiff();
}, 120_000);

describe('a multi-page TIFF of every common storage', () => {
  it('puts each page into the dossier as the source shows it, in a valid PDF', async () => {
    expect(run('tiffinfo', [path.join(dir, 'mixed.tif')]).match(/TIFF Directory/g)).toHaveLength(PAGES.length);
    const { out, first } = await assembleOne(dir, 'mixed.pdf', 'financial-statements', ['mixed.tif']);
    expect(qpdfCheck(out).code).toBe(0);
    const env = emptyFontConfig(dir);
    for (const [k, page] of PAGES.entries()) {
      const prefix = path.join(dir, `img-${k}`);
      run('pdfimages', ['-f', String(first + k), '-l', String(first + k), '-png', out, prefix]);
      const images = fs.readdirSync(dir).filter((f) => f.startsWith(`img-${k}-`));
      expect(images, page.name).toHaveLength(1);
      const embedded = path.join(dir, images[0]!);
      expect(run('identify', ['-format', '%w %h', embedded]), page.name).toBe(`${W} ${H}`);
      const source = rgbOf(`${path.join(dir, 'mixed.tif')}[${k}]`);
      const diff = difference(rgbOf(embedded), source);
      if (page.exact) expect(diff.max, page.name).toBeLessThanOrEqual(1);
      else expect(diff.mean, page.name).toBeLessThan(4);

      const drawn = renderGray(out, first + k, 40, env);
      // A page of A4's shape fills the sheet within its margins (about 5 % a side); the block, a little inside it.
      const box = page.block.map((f, i) => 0.05 + f * 0.9 + (i < 2 ? 0.03 : -0.03));
      expect(inkIn(drawn, box as [number, number, number, number]), page.name).toBeGreaterThan(0.9);
      if (page.colour) expect(colouredPixels(renderRgb(out, first + k, 40, env)), page.name).toBeGreaterThan(20);
    }
  }, 120_000);
});

describe('Group 4 pages decoded for their ink and the inspection', () => {
  it('come out as ImageMagick decodes them, pixel for pixel, an A4 page of text included', () => {
    const text = Array.from({ length: 40 }, (_, i) => `${i} The quick brown fox jumps over the lazy dog 0123456789`);
    const file = path.join(dir, 'text-g4.tif');
    runTool('convert', [
      ...['-size', '1240x1754', 'xc:white', '-fill', 'black', '-pointsize', '24', '-annotate', '+60+100'],
      ...[text.join('\n'), '-draw', 'circle 900,1500 900,1650', '-threshold', '50%', '-type', 'Bilevel'],
      ...['-compress', 'Group4', file],
    ]);
    for (const [name, k] of [
      ['text-g4.tif', 0],
      ['mixed.tif', 0],
      ['mixed.tif', 1],
    ] as const) {
      const at = path.join(dir, name);
      const found = readTiffPage(at, tiffPages(at)!.pages[k]!.ifd);
      expect(found?.kind, name).toBe('fax');
      const pixels = faxRaster(found as TiffFax)!;
      const grey = execFileSync('convert', [`${at}[${k}]`, '-depth', '8', 'gray:-'], { maxBuffer: 64 << 20 });
      const rowBytes = Math.ceil(pixels.width / 8);
      let differing = 0;
      for (let y = 0; y < pixels.height; y += 1)
        for (let x = 0; x < pixels.width; x += 1) {
          const white = (pixels.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
          if (white * 255 !== grey[y * pixels.width + x]) differing += 1;
        }
      expect(differing, `${name}[${k}]`).toBe(0);
    }
  });
});

describe('a multi-page TIFF that is damaged', () => {
  it('refuses one cut short (its last pages gone) by name, at attach time and when assembling', async () => {
    const whole = fs.readFileSync(path.join(dir, 'mixed.tif'));
    fs.writeFileSync(path.join(dir, 'cut.tif'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(inspectInput(path.join(dir, 'cut.tif'))).rejects.toMatchObject({
      code: 'image-truncated',
      message: expect.stringContaining('“cut.tif”不完整'),
    });
    await expect(assembleOne(dir, 'cut.pdf', 'financial-statements', ['cut.tif'])).rejects.toMatchObject({
      code: 'image-truncated',
    });
    expect(fs.existsSync(path.join(dir, 'cut.pdf'))).toBe(false);
  });

  it('refuses one whose page data is damaged by name, when assembling', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'mixed.tif'));
    // The multi-strip LZW page: from its first strip on, a run of bytes no LZW coder writes.
    const lzw = PAGES.findIndex((p) => p.name === 'lzw-strips');
    const directory = run('tiffdump', [path.join(dir, 'mixed.tif')]).split(`Directory ${lzw}:`)[1]!;
    const offset = Number(/StripOffsets \(273\) LONG \(4\) \d+<(\d+)/.exec(directory)![1]);
    bytes.fill(0xff, offset + 2, offset + 40);
    fs.writeFileSync(path.join(dir, 'damaged.tif'), bytes);
    await expect(assembleOne(dir, 'damaged.pdf', 'financial-statements', ['damaged.tif'])).rejects.toMatchObject({
      code: 'image-unreadable',
      message: expect.stringContaining('“damaged.tif”无法读取'),
    });
    expect(fs.existsSync(path.join(dir, 'damaged.pdf'))).toBe(false);
  });
});

/**
 * A two-page TIFF written byte by byte (Python's struct and zlib): 8-bit grey pages, one Deflate strip each. `strip`
 * is the first page's decoded strip, `size` the size its directory claims.
 */
function handMadeTiff(file: string, first: { size: [number, number]; stripBytes: number }): void {
  const script = `
import struct, sys, zlib
def page(w, h, data, next_at, at):
    strip = zlib.compress(data, 9)
    entries = [(256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, 8), (259, 3, 1, 8), (262, 3, 1, 1),
               (273, 4, 1, at + 2 + 12 * 9 + 4), (277, 3, 1, 1), (278, 4, 1, h), (279, 4, 1, len(strip))]
    ifd = struct.pack('<H', len(entries)) + b''.join(struct.pack('<HHII', *e) for e in entries)
    return ifd + struct.pack('<I', next_at) + strip
w, h = ${first.size[0]}, ${first.size[1]}
one = page(w, h, b'\\xff' * ${first.stripBytes}, 0, 8)
two_at = 8 + len(one) + (len(one) % 2)
one = page(w, h, b'\\xff' * ${first.stripBytes}, two_at, 8) + b'\\0' * (len(one) % 2)
two = page(100, 100, b'\\x00' * 10000, 0, two_at)
open(sys.argv[1], 'wb').write(b'II*\\0' + struct.pack('<I', 8) + one + two)
`;
  execFileSync('python3', ['-c', script, file]);
}

describe('a hostile multi-page TIFF', () => {
  it('is not inflated past its rows: a 64 MiB strip behind a 100 × 100 page goes to sharp, which reads its rows', async () => {
    const file = path.join(dir, 'strip-bomb.tif');
    handMadeTiff(file, { size: [100, 100], stripBytes: 64 * 1024 * 1024 });
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    const [first] = tiffPages(file)!.pages;
    expect(readTiffPage(file, first!.ifd)).toBeUndefined();
    const result = await assembleOne(dir, 'strip-bomb.pdf', 'financial-statements', ['strip-bomb.tif']);
    expect(qpdfCheck(result.out).code).toBe(0);
  });

  it('claiming a page of 20,000 × 20,000 pixels is refused by name, nothing allocated for it here', async () => {
    const file = path.join(dir, 'huge-page.tif');
    handMadeTiff(file, { size: [20_000, 20_000], stripBytes: 1000 });
    const [first] = tiffPages(file)!.pages;
    expect(readTiffPage(file, first!.ifd)).toBeUndefined();
    await expect(assembleOne(dir, 'huge-page.pdf', 'financial-statements', ['huge-page.tif'])).rejects.toMatchObject({
      message: expect.stringContaining('“huge-page.tif”'),
    });
    expect(fs.existsSync(path.join(dir, 'huge-page.pdf'))).toBe(false);
  });
});
