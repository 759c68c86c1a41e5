/**
 * Real qpdf (12, compiled to WebAssembly by @neslinesli93/qpdf-wasm) run in-process: it counts pages, tells
 * owner-password files from user-password ones, decrypts and repairs. Files are reached through Emscripten's
 * NODEFS mounts, so a large PDF is not copied into WebAssembly memory first.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import createModule, { type QpdfInstance } from '@neslinesli93/qpdf-wasm';

/** Where qpdf.wasm is; `JUANZONG_QPDF_WASM` overrides it (a packaged app puts it beside its bundle). */
function wasmPath(): string {
  return (
    process.env.JUANZONG_QPDF_WASM ?? createRequire(import.meta.url).resolve('@neslinesli93/qpdf-wasm/dist/qpdf.wasm')
  );
}

interface Fs {
  mkdir(p: string): void;
  mount(type: unknown, opts: { root: string }, mountPoint: string): void;
  unmount(mountPoint: string): void;
  init(stdin: null, stdout: (c: number | null) => void, stderr: (c: number | null) => void): void;
}

interface Instance {
  callMain(args: string[]): number;
  FS: Fs;
  NODEFS: unknown;
}

/** argv[0]; fixed, so that the stack it takes is known (Emscripten's default is the host script's path). */
const PROGRAM = 'qpdf';

let instance: Promise<Instance> | undefined;
let stdout: number[] = [];
let stderr: number[] = [];
/**
 * Emscripten's callMain copies argv onto qpdf's 64 KB stack and never gives it back. The stack sits just above
 * qpdf's static data: after a few hundred calls, one instance overwrites that data and from then on fails every
 * file with std::bad_cast, without throwing. So the stack bytes argv has taken are counted, and the instance is
 * replaced long before they matter.
 */
let stackTaken = 0;
const STACK_BUDGET = 16 * 1024;

/** What callMain leaves on the stack for `argv`: the pointer array and each string, 16-byte aligned. */
function argvStackBytes(argv: string[]): number {
  const align16 = (n: number) => Math.ceil(n / 16) * 16;
  const all = [PROGRAM, ...argv];
  return all.reduce((n, a) => n + align16(Buffer.byteLength(a) + 1), align16(4 * (all.length + 1)));
}

/** Drops `used` (after an abort, or once its stack budget is spent) unless a newer instance replaced it already. */
function retire(used: Promise<Instance>): void {
  if (instance !== used) return;
  instance = undefined;
  stackTaken = 0;
}

function load(): Promise<Instance> {
  instance ??= (createModule as unknown as (opts: object) => Promise<QpdfInstance>)({
    locateFile: wasmPath,
    thisProgram: PROGRAM,
    noFSInit: true,
    preRun: [
      (m: Instance) =>
        m.FS.init(
          null,
          (c) => c !== null && stdout.push(c),
          (c) => c !== null && stderr.push(c),
        ),
    ],
  }).then((q) => {
    const i = q as unknown as Instance;
    i.FS.mkdir('/in');
    i.FS.mkdir('/out');
    return i;
  });
  return instance;
}

/**
 * Starts compiling qpdf's WebAssembly (50–250 ms, done by V8 off the main thread) as soon as the engine is
 * loaded, so that it is ready by the time the first PDF is checked.
 */
export function warmUpQpdf(): void {
  load().catch(() => {
    instance = undefined;
  });
}

export interface QpdfResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs qpdf with `file`'s folder mounted at /in and `outDir` (if any) at /out. `args` refer to `IN` and
 * `OUT/<name>`, replaced here. A qpdf that aborts is dropped and made anew for the next call.
 */
export async function runQpdf(file: string, args: string[], outDir?: string): Promise<QpdfResult> {
  const current = load();
  const q = await current;
  const inName = `/in/${path.basename(file)}`;
  const argv = args.map((a) => (a === 'IN' ? inName : a.startsWith('OUT/') ? `/out/${a.slice(4)}` : a));
  stdout = [];
  stderr = [];
  q.FS.mount(q.NODEFS, { root: path.dirname(path.resolve(file)) }, '/in');
  if (outDir) q.FS.mount(q.NODEFS, { root: outDir }, '/out');
  let code: number;
  // Emscripten's exit() sets process.exitCode (3 after qpdf's warnings); the host process's own code must stay.
  const exitCode = process.exitCode;
  stackTaken += argvStackBytes(argv);
  try {
    code = q.callMain(argv);
  } catch (error) {
    retire(current);
    return { code: -1, stdout: '', stderr: `qpdf stopped: ${String(error)}` };
  } finally {
    process.exitCode = exitCode;
    safeUnmount(q, '/in');
    if (outDir) safeUnmount(q, '/out');
    if (stackTaken > STACK_BUDGET) retire(current);
  }
  const text = (b: number[]) => Buffer.from(b).toString('utf8');
  return { code, stdout: text(stdout), stderr: text(stderr).replaceAll(inName, path.basename(file)) };
}

function safeUnmount(q: Instance, point: string): void {
  try {
    q.FS.unmount(point);
  } catch {
    // already gone after an abort
  }
}

export type Encryption = 'none' | 'owner' | 'user';

export interface QpdfFacts {
  /** Pages as qpdf counts them (after its own repair), or undefined when it cannot. */
  pages: number | undefined;
  encryption: Encryption;
  /** qpdf warned (exit 3): the file needed repair to be read. */
  repaired: boolean;
  message: string;
}

/** What qpdf says of a PDF, in one run: its page count, its encryption, whether it needed repair. */
export async function qpdfFacts(file: string): Promise<QpdfFacts> {
  const r = await runQpdf(file, ['--show-npages', '--show-encryption', 'IN']);
  const message = r.stderr.trim().split('\n').slice(0, 3).join(' ');
  if (/invalid password/.test(r.stderr)) return { pages: undefined, encryption: 'user', repaired: false, message };
  const [first, ...rest] = r.stdout.split('\n');
  const pages = /^\s*(\d+)\s*$/.exec(first ?? '')?.[1];
  const ok = (r.code === 0 || r.code === 3) && pages !== undefined;
  const encryption: Encryption = ok && !rest.some((l) => /File is not encrypted/.test(l)) ? 'owner' : 'none';
  return { pages: ok ? Number(pages) : undefined, encryption, repaired: r.code === 3, message };
}

/** Writes a decrypted (and, if need be, repaired) copy of `file` into `outDir/name`. Returns qpdf's result. */
export function qpdfRewrite(file: string, outDir: string, name: string): Promise<QpdfResult> {
  return runQpdf(file, ['--decrypt', 'IN', `OUT/${name}`], outDir);
}
