/** One folder of every input kind the engine takes, made once per test file with public tools. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { A3_LANDSCAPE, A4, LETTER, makePdf, run } from './helpers.ts';

export interface TestInputs {
  dir: string;
  form: string;
  rotated: string;
  mixed: string;
  photo: string;
  alphaPng: string;
  grayPng: string;
  tiff: string;
}

/** An upright test image: white, a black block top-left, a grey bar at the bottom. */
function uprightImage(file: string, w: number, h: number, extra: string[] = []): void {
  run('convert', [
    '-size',
    `${w}x${h}`,
    'xc:white',
    '-fill',
    'black',
    '-draw',
    `rectangle 0,0 ${w / 4},${h / 5}`,
    '-fill',
    'gray50',
    '-draw',
    `rectangle 0,${h - 20} ${w},${h}`,
    ...extra,
    file,
  ]);
}

export async function makeInputs(): Promise<TestInputs> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-dossier-test-'));
  const at = (name: string) => path.join(dir, name);
  await makePdf(at('form-plain.pdf'), [
    { size: A4, label: 'FORM1' },
    { size: A4, label: 'FORM2' },
  ]);
  run('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', at('form-plain.pdf'), at('form.pdf')]);
  await makePdf(at('rotated.pdf'), [
    { size: A4, label: 'ROTA' },
    { size: A4, label: 'ROTB', rotate: 90 },
    { size: A4, label: 'ROTC', rotate: 180 },
    { size: A4, label: 'ROTD', rotate: 270 },
  ]);
  await makePdf(at('mixed.pdf'), [
    { size: A4, label: 'MIXA' },
    { size: LETTER, label: 'MIXB' },
    { size: A3_LANDSCAPE, label: 'MIXC' },
    { size: A4, label: 'MIXD', cropBox: [100, 150, 495, 700] },
  ]);
  // The stored photo lies on its side; EXIF Orientation 6 tells viewers to turn it a quarter clockwise.
  uprightImage(at('photo-upright.png'), 300, 400);
  run('convert', [at('photo-upright.png'), '-rotate', '-90', at('photo.jpg')]);
  run('exiftool', ['-q', '-overwrite_original', '-Orientation=6', '-n', at('photo.jpg')]);
  run('convert', [
    '-size',
    '200x300',
    'xc:none',
    '-fill',
    'black',
    '-draw',
    'rectangle 0,0 50,60',
    `PNG32:${at('alpha.png')}`,
  ]);
  uprightImage(at('gray-src.png'), 240, 340);
  run('convert', [
    at('gray-src.png'),
    '-colorspace',
    'Gray',
    '-depth',
    '8',
    '-define',
    'png:color-type=0',
    at('gray.png'),
  ]);
  for (const k of [1, 2, 3]) uprightImage(at(`t${k}.png`), 200 + k * 10, 280);
  run('convert', [at('t1.png'), at('t2.png'), at('t3.png'), '-compress', 'lzw', at('scan.tiff')]);
  return {
    dir,
    form: 'form.pdf',
    rotated: 'rotated.pdf',
    mixed: 'mixed.pdf',
    photo: 'photo.jpg',
    alphaPng: 'alpha.png',
    grayPng: 'gray.png',
    tiff: 'scan.tiff',
  };
}
