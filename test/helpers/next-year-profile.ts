import { findProfile, type Profile } from '#shared/profiles/index.ts';

/** A fictional 2026 call for the import tests: the 2025 profile with a new id, year and title, every date a year later. */
export function profile2026(): Profile {
  const p = structuredClone(findProfile('sz-model-voucher-2025')!);
  const later = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
  const shift = (period: { from: string; to: string }) => ({ from: later(period.from), to: later(period.to) });
  p.id = 'sz-model-voucher-2026';
  p.year = 2026;
  p.title = '2026年模型券（申领）';
  const agreement = p.agreements[0]!;
  agreement.servicePeriod = shift(agreement.servicePeriod!);
  p.tracks[0]!.costPeriod = { ...agreement.servicePeriod };
  p.dates = {
    ...p.dates,
    onlineFiling: shift(p.dates.onlineFiling),
    paperFiling: shift(p.dates.paperFiling),
    resultValidUntil: later(p.dates.resultValidUntil!),
  };
  return p;
}
