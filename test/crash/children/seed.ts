/** The applicant and application every crash child writes into; created once, found again after each kill. */
import type { Services } from '../../../electron/core/services/index.ts';
import { dispatch } from '../../../electron/core/services/dispatch.ts';
import type { ChannelInput, ChannelOutput, CoreChannel, Handlers } from '#shared/contract/index.ts';
import { pdfFromObjects } from '../../helpers/raw-pdf.ts';

/** Calls a channel the way the window does (input validated by its schema); throws what it answers as an error. */
export async function call<C extends CoreChannel>(services: Services, channel: C, input: ChannelInput<C>) {
  // Only core channels are called here, so the shell's handlers are never looked up.
  const result = await dispatch(services.handlers as Handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

export async function ensureApplication(services: Services): Promise<number> {
  const existing = await call(services, 'applications:list', {});
  if (existing[0]) return existing[0].id;
  const applicant = await call(services, 'applicants:create', { name: '深圳市测试科技有限公司' });
  const application = await call(services, 'applications:create', {
    applicantId: applicant.id,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
  return application.id;
}

/**
 * A valid one-page PDF, written out by hand (not by Juanzong), whose content stream carries `size` bytes of
 * random comment so every add stores a new object.
 */
export function randomPdfBytes(size: number): Uint8Array<ArrayBuffer> {
  const noise = Buffer.alloc(Math.max(16, size >> 1));
  crypto.getRandomValues(noise.subarray(0, Math.min(noise.length, 65536)));
  const content = `% ${noise.toString('hex')}\n0 0 m 100 100 l S\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  return pdfFromObjects(objects);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
