/** Records made through the core's services as the window makes them (`dispatch`, with the contract's checks). */
import path from 'node:path';
import type { Services } from '../../electron/core/services/index.ts';
import { ask } from './ask.ts';
import { bytesOf } from './make-pdf.ts';

/** A company (with a valid credit code) and one application for the 2025 call; answers the application's id. */
export async function newApplication(services: Services, companyName = '深圳市卷宗测试有限公司'): Promise<number> {
  const applicant = await ask<{ id: number }>(services, 'applicants:create', {
    name: companyName,
    creditCode: '91440300MA5FXXXX0X',
  });
  const { id } = await ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
  return id;
}

/** Attaches `file` to a material as the window does (its name as the clerk's file name); answers the attachment's id. */
export async function attachFile(
  services: Services,
  applicationId: number,
  materialId: string,
  file: string,
  fileName = path.basename(file),
): Promise<number> {
  const added = await ask<{ id: number }>(services, 'attachments:add', {
    applicationId,
    materialId,
    fileName,
    bytes: await bytesOf(file),
  });
  return added.id;
}
