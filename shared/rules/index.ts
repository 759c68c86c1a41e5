/**
 * The eligibility and completeness rules and the voucher calculator. Pure: no Node, DOM or Electron.
 */
export { checkApplication, sortFindings } from './check-application.ts';
export { applicationFromManifest, checkManifest, manifestFilePath, type ManifestContext } from './from-manifest.ts';
export { voucherAmount } from './voucher.ts';
export {
  creditCodeCheckCharacter,
  creditCodeRegion,
  foreignCreditCodeCharacters,
  hasValidCheckCharacter,
  normalizeCreditCode,
} from './credit-code.ts';
export { addressInRegion, creditCodeRegionVerdict, type CodeRegion } from './applicant.ts';
export { shanghaiNow, isLocalDateTime } from './calendar.ts';
export type * from './types.ts';
