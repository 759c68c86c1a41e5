/**
 * Crash child in a deliberately WRONG order: commits the row first, then writes the file, with a pause between.
 * A kill in that pause leaves a row pointing at nothing: the crash test must see it, or the check is blind.
 */
import { createHash } from 'node:crypto';
import { insertAttachment } from '../../../electron/core/db/queries/attachments.ts';
import { openServices } from '../../../electron/core/services/index.ts';
import { ensureApplication, randomPdfBytes, sleep } from './seed.ts';

const dataDir = process.argv[2]!;
const services = await openServices({ dataDir });
const applicationId = await ensureApplication(services);
process.stdout.write('READY\n');
for (let i = 0; ; i += 1) {
  const bytes = randomPdfBytes(2048);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = insertAttachment(
    services.db,
    {
      applicationId,
      materialId: 'material-0',
      originalName: `错序-${i}.pdf`,
      sha256,
      size: bytes.byteLength,
      mediaType: 'application/pdf',
      pageCount: null,
    },
    new Date().toISOString(),
  );
  await sleep(40);
  await services.store.putBytes(bytes);
  process.stdout.write(`ACK ${row.id} ${row.sha256}\n`);
}
