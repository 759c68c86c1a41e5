// Worker bootstrap from the sources (tests, `npm run juanzong` without a bundle): register tsx, then load the
// TypeScript entry. The bundles carry intake-worker.cjs beside them instead.
import { register } from 'tsx/esm/api';

register();
await import('./intake-worker.ts');
