/**
 * OpenCV (the 4.5 WebAssembly build from @techstark/opencv-js), loaded once per thread on first use: ~1.3 s and
 * ~90 MiB, so only the inspection and an assembly that flattens a photo pay for it.
 */
import { createRequire } from 'node:module';
import type CvModule from '@techstark/opencv-js';

export type Cv = typeof CvModule;
export type Mat = InstanceType<Cv['Mat']>;

let loading: Promise<Cv> | undefined;

/**
 * OpenCV, ready. The Emscripten module is a "thenable" whose `then` hands back the module itself, which a promise
 * would follow for ever: its `then` is taken away once the runtime is up.
 */
export function openCv(): Promise<Cv> {
  loading ??= new Promise<Cv>((resolve) => {
    const cv = createRequire(import.meta.url)('@techstark/opencv-js') as Cv & {
      onRuntimeInitialized?: () => void;
      then?: unknown;
    };
    const ready = () => {
      delete cv.then;
      resolve(cv);
    };
    if (cv.Mat) ready();
    else cv.onRuntimeInitialized = ready;
  });
  return loading;
}

/** Runs `use` with Mats that are deleted afterwards whatever happens (WebAssembly memory is not collected). */
export function withMats<T>(cv: Cv, count: number, use: (...mats: Mat[]) => T): T {
  const mats = Array.from({ length: count }, () => new cv.Mat());
  try {
    return use(...mats);
  } finally {
    mats.forEach((m) => m.delete());
  }
}
