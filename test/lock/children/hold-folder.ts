/** Opens a data folder as its owner, says `ready`, and waits to be killed: a window that dies. */
import { openServices } from '../../../electron/core/services/index.ts';
import { ensureApplication } from '../../crash/children/seed.ts';

const services = await openServices({ dataDir: process.argv[2]!, owner: { role: 'window', task: '窗口' } });
await ensureApplication(services);
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
