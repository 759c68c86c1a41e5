// Worker bootstrap: a worker thread starts without the parent's TypeScript loader, and Node 20 checks the
// entry file's extension before `--import` hooks apply, so register tsx here and then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./assemble-worker.ts');
