/**
 * Crash child: adds attachments through the real `attachments:add` handler, forever, printing
 * `ACK <id> <sha256>` once each add has been answered. The parent kills it with SIGKILL.
 */
import { openServices } from '../../../electron/core/services/index.ts';
import { ensureApplication, randomPdfBytes } from './seed.ts';

const dataDir = process.argv[2]!;
const services = await openServices({ dataDir });
const applicationId = await ensureApplication(services);
process.stdout.write('READY\n');
for (let i = 0; ; i += 1) {
  const size = 1024 + Math.floor(Math.random() * 128 * 1024);
  const row = await services.handlers['attachments:add']({
    applicationId,
    materialId: `material-${i % 5}`,
    fileName: `扫描件-${i}.pdf`,
    bytes: randomPdfBytes(size),
  });
  process.stdout.write(`ACK ${row.id} ${row.sha256}\n`);
}
