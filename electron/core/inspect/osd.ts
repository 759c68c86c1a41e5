/**
 * Which way a page's text is turned, from the text itself: Tesseract's orientation and script detection (the
 * legacy engine, as Debian's `tesseract --psm 0`), run as WebAssembly by tesseract.js from files inside npm
 * packages — the core, and `osd.traineddata` from @tesseract.js-data/osd. Nothing is fetched.
 * Tesseract classifies up to 250 characters of a page, each in four turns (~400 ms for a page of text): it reads
 * the densest tiles of text first and the whole page only when they do not agree or are not sure.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TesseractModule from 'tesseract.js';
import type { QuarterTurn } from '#shared/page-findings.ts';
import { pictureToPgm, type Picture } from './picture.ts';
import { textTiles } from './text-tiles.ts';

type Tesseract = typeof TesseractModule;
type TesseractWorker = Awaited<ReturnType<Tesseract['createWorker']>>;

/** Below this, Tesseract's own confidence, its answer is no better than a guess (measured on our fixtures). */
const MIN_CONFIDENCE = 2;
/**
 * Other turns read on the tiles with less confidence than this, all told, are guesses outweighed rather than a
 * disagreement (a wrong turn read on a tile of our fixtures came with at most 0.5; a disagreement costs a reading
 * of the whole page).
 */
const GUESS = 0.6;
/** Tiles read before the whole page is: a page of text is mostly told from its first one or two. */
const MAX_TILES = 4;
/**
 * Tesseract's `min_characters_to_try`: it classifies at most 5 × this many characters and answers from no fewer
 * than half of it. A tile holds 60–100 characters: at most 50 of them, and a tile of a few words still answers.
 */
const TILE_CHARACTERS = 10;
/**
 * Below this a picture holds no text Tesseract can read (it takes no character under 10 pixels high: 20 pt at
 * 50 dpi), and is not worth its time.
 */
const MIN_TEXT_DPI = 50;
/** Tesseract's own default, for the whole page. */
const PAGE_CHARACTERS = 50;

let starting: Promise<TesseractWorker> | undefined;

function packageDir(require: NodeJS.Require, name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function osdWorker(): Promise<TesseractWorker> {
  starting ??= (async () => {
    const require = createRequire(import.meta.url);
    const tesseract = require('tesseract.js') as Tesseract;
    const langPath = path.join(packageDir(require, '@tesseract.js-data/osd'), '4.0.0');
    const corePath = packageDir(require, 'tesseract.js-core');
    const worker = await tesseract.createWorker('osd', tesseract.OEM.TESSERACT_ONLY, {
      langPath,
      corePath,
      gzip: true,
      legacyCore: true,
      legacyLang: true,
      cacheMethod: 'none',
      errorHandler: () => undefined,
    });
    await worker.setParameters({ user_defined_dpi: '150' });
    return worker;
  })();
  return starting;
}

interface Reading {
  /** The clockwise turn the text has. */
  turn: QuarterTurn;
  /** How far the best turn's score is above the next one's (a sum over the characters classified). */
  confidence: number;
}

let charactersToTry: number | undefined;

/** Tesseract's reading of `p`, classifying up to 5 × `characters` characters; undefined when it finds too few. */
async function read(worker: TesseractWorker, p: Picture, characters: number): Promise<Reading | undefined> {
  try {
    if (charactersToTry !== characters) {
      charactersToTry = characters;
      await worker.setParameters({ min_characters_to_try: String(characters) });
    }
    const { data } = await worker.detect(pictureToPgm(p));
    if (data.orientation_degrees === null) return undefined;
    // Tesseract reports the clockwise turn that puts the text upright.
    const turn = ((360 - data.orientation_degrees) % 360) as QuarterTurn;
    return { turn, confidence: data.orientation_confidence ?? 0 };
  } catch {
    return undefined; // "too few characters": nothing to read the orientation from
  }
}

/**
 * The turn the tiles read once its confidences, less those of the other turns read, add up to MIN_CONFIDENCE
 * (scores add up over characters: where every tile puts the same turn first, its lead over each other turn is at
 * least the sum of the tiles' leads); undefined when the other turns add up to more than a guess, or the tiles
 * fall short.
 */
async function tilesTurn(worker: TesseractWorker, tiles: Picture[]): Promise<QuarterTurn | undefined> {
  const sums = new Map<QuarterTurn, number>();
  for (const tile of tiles) {
    const reading = await read(worker, tile, TILE_CHARACTERS);
    if (!reading || reading.confidence <= 0) continue;
    sums.set(reading.turn, (sums.get(reading.turn) ?? 0) + reading.confidence);
    const [best, ...others] = [...sums].sort((a, b) => b[1] - a[1]);
    const against = others.reduce((n, [, confidence]) => n + confidence, 0);
    if (against >= GUESS) return undefined;
    if (best![1] - against >= MIN_CONFIDENCE) return best![0];
  }
  return undefined;
}

/** The orientation read from a page's densest tiles of text, under way on Tesseract's thread. */
export interface TilesReading {
  turn: Promise<QuarterTurn | undefined>;
  /** Whether the page has tiles that look like text at all. */
  found: boolean;
}

/**
 * Hands the densest tiles of text on the picture to Tesseract, which reads them on its own thread while this one
 * goes on (to measure the lean of the lines); `textOrientation` takes the reading up.
 */
export async function startOrientation(p: Picture): Promise<TilesReading> {
  if (p.dpi < MIN_TEXT_DPI) return { turn: Promise.resolve(undefined), found: false };
  const tiles = textTiles(p, MAX_TILES);
  const turn = osdWorker().then((worker) => tilesTurn(worker, tiles));
  turn.catch(() => undefined); // taken up by textOrientation, or dropped with a blank page
  // tesseract.js posts a job to its thread a few promise steps after it is asked: one turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  return { turn, found: tiles.length > 0 };
}

/**
 * The clockwise turn the text on the picture has (0 when it reads upright), or undefined when Tesseract finds too
 * little text to tell or is not sure: the tiles' reading when they agree, else the whole page's.
 */
export async function textOrientation(p: Picture, tiles?: TilesReading): Promise<QuarterTurn | undefined> {
  const fromTiles = await (tiles ?? (await startOrientation(p))).turn;
  if (fromTiles !== undefined || p.dpi < MIN_TEXT_DPI) return fromTiles;
  const page = await read(await osdWorker(), p, PAGE_CHARACTERS);
  return page && page.confidence >= MIN_CONFIDENCE ? page.turn : undefined;
}

export async function stopOsd(): Promise<void> {
  const worker = await starting;
  starting = undefined;
  charactersToTry = undefined;
  await worker?.terminate();
}
