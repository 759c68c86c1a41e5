import type { Services } from '../../../electron/core/services/index.ts';

/**
 * An applicant with one application (the 2025 call unless `call` names another profile), made through the core
 * services (the window is not under test here).
 */
export async function seedApplication(
  services: Services,
  name = '深圳市卷宗测试科技有限公司',
  call = { profileId: 'sz-model-voucher-2025', year: 2025 },
): Promise<number> {
  const applicant = await services.handlers['applicants:create']({
    name,
    creditCode: '',
    kind: 'enterprise',
    registeredIn: '',
    established: null,
    contact: '',
    phone: '',
    address: '',
  });
  const application = await services.handlers['applications:create']({
    applicantId: applicant.id,
    ...call,
  });
  return application.id;
}
