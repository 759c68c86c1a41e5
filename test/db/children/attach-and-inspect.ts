/**
 * Kill child: opens the data folder as the app does (pages inspected in the background), attaches the file given,
 * prints `ATTACHED <sha256>` once the attach has answered, and then waits: the parent kills it with SIGKILL while
 * the background inspection of the file is under way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openServices } from '../../../electron/core/services/index.ts';
import { ask } from '../../helpers/ask.ts';

const [dataDir, file] = [process.argv[2]!, process.argv[3]!];
const services = await openServices({ dataDir, inspectInBackground: true });
const applicant = await ask<{ id: number }>(services, 'applicants:create', { name: '深圳市卷宗测试有限公司' });
const application = await ask<{ id: number }>(services, 'applications:create', {
  applicantId: applicant.id,
  profileId: 'sz-model-voucher-2025',
  year: 2025,
});
const row = await services.handlers['attachments:add']({
  applicationId: application.id,
  materialId: 'application-form',
  fileName: path.basename(file),
  bytes: new Uint8Array(await readFile(file)),
});
process.stdout.write(`ATTACHED ${row.sha256}\n`);
setInterval(() => undefined, 1000);
