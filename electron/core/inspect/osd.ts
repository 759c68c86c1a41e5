/**
 * Which way a page's text is turned, from the text itself: Tesseract's orientation and script detection (the
 * legacy engine, as Debian's `tesseract --psm 0`), run as WebAssembly by tesseract.js from files inside npm
 * packages — the core, and `osd.traineddata` from @tesseract.js-data/osd. Nothing is fetched.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TesseractModule from 'tesseract.js';
import type { QuarterTurn } from '#shared/page-findings.ts';

type Tesseract = typeof TesseractModule;
type TesseractWorker = Awaited<ReturnType<Tesseract['createWorker']>>;

/** Below this, Tesseract's own confidence, its answer is no better than a guess (measured on our fixtures). */
const MIN_CONFIDENCE = 2;

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

/**
 * The clockwise turn the text on `png` has (0 when it reads upright), or undefined when Tesseract finds too
 * little text to tell or is not sure.
 */
export async function textOrientation(png: Buffer): Promise<QuarterTurn | undefined> {
  const worker = await osdWorker();
  try {
    const { data } = await worker.detect(png);
    if (data.orientation_degrees === null || (data.orientation_confidence ?? 0) < MIN_CONFIDENCE) return undefined;
    // Tesseract reports the clockwise turn that puts the text upright.
    return ((360 - data.orientation_degrees) % 360) as QuarterTurn;
  } catch {
    return undefined; // "too few characters": nothing to read the orientation from
  }
}

export async function stopOsd(): Promise<void> {
  const worker = await starting;
  starting = undefined;
  await worker?.terminate();
}
