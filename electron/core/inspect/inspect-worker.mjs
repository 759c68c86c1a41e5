// Worker bootstrap: a worker thread starts without the parent's TypeScript loader, so register tsx here and then
// load the TypeScript entry (the CLI bundle has its own compiled copy, out/cli/inspect-worker.cjs).
import { register } from 'tsx/esm/api';

register();
await import('./inspect-worker.ts');
