/**
 * The assembly worker's entry: bundled to `out/main/assembly-worker.cjs` for the app (run in a `utilityProcess`)
 * and to `out/cli/assembly-worker.cjs` for the command line (a Node child process); run from this source through
 * tsx in development and tests. See `assembly-worker.ts` for what it does.
 */
import { serveAssembly } from './assembly-worker.ts';
import { portToHost } from './worker-port.ts';

serveAssembly(portToHost());
