import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInProfiles, findProfile, parseProfile } from '#shared/profiles/index.ts';
import { voucherProfile } from './sample.ts';

const guide = readFileSync(
  new URL('../../../shared/profiles/guides/sz-model-voucher-2025.zh.txt', import.meta.url),
  'utf8',
);
const squash = (text: string) => text.replace(/\s+/g, '');
const rulesSource = readdirSync(new URL('../../../shared/rules/', import.meta.url))
  .map((file) => readFileSync(new URL(`../../../shared/rules/${file}`, import.meta.url), 'utf8'))
  .join('\n');
const raw = () =>
  structuredClone(voucherProfile()) as unknown as Record<string, unknown> & ReturnType<typeof voucherProfile>;

function quotes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(quotes);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'quote' && typeof v === 'string' ? [v] : quotes(v)));
  }
  return [];
}

function resolvePath(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (Array.isArray(node)) return node.find((item: { id?: string }) => item.id === key);
    return node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }, root);
}

describe('the 2025 model-voucher profile', () => {
  const profile = voucherProfile();

  it('is built in under its id, with the guide’s identity', () => {
    expect(builtInProfiles.map((p) => p.id)).toContain('sz-model-voucher-2025');
    expect(findProfile('sz-model-voucher-2025')?.issuer).toBe('深圳市工业和信息化局');
    expect(profile.basis.join()).toContain('深工信规〔2024〕13号');
    expect(profile.basis.join()).toContain('深工信规〔2025〕3号');
  });

  it('lists the materials in the guide’s order', () => {
    expect(profile.materials.map((m) => m.id)).toEqual([
      'application-form',
      'business-license',
      'financial-statements',
      'credit-report',
      'authenticity-commitment',
      'ethics-materials',
      'service-contract',
      'construction-plan',
    ]);
    const order = profile.materials.map((m) => squash(guide).indexOf(squash(m.quote)));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('quotes only words that are in the guide', () => {
    const missing = quotes(profile).filter((q) => !squash(guide).includes(squash(q)));
    expect(missing).toEqual([]);
  });

  it('traces every rule sentence to a profile field or a rule code that exists', () => {
    const dangling = profile.trace.flatMap((entry) =>
      entry.encodedAt.filter((at) => {
        if (at.startsWith('none:')) return false;
        if (at.startsWith('rule:')) return !rulesSource.includes(`'${at.slice(5)}'`);
        return resolvePath(profile, at) === undefined;
      }),
    );
    expect(dangling).toEqual([]);
  });

  it('holds the guide’s numbers and dates', () => {
    const track = profile.tracks[0]!;
    expect(track.ratePercent).toBe(30);
    expect(track.caps.map((c) => [c.kind, c.scope, c.yuan])).toEqual([
      ['hard', 'company-year', 2000000],
      ['soft', 'company-year', 1000000],
    ]);
    expect(track.eligibleCostKinds!.map((k) => k.id)).toEqual(['subscription', 'api', 'platform', 'agent-tools']);
    expect(track.costPeriod).toEqual({ from: '2024-12-01', to: '2026-08-31' });
    expect(profile.agreements[0]!.servicePeriod).toEqual({ from: '2024-12-01', to: '2026-08-31' });
    expect(profile.dates).toMatchObject({
      onlineFiling: { from: '2025-10-13', to: '2025-10-27T18:00' },
      paperFiling: { from: '2025-10-13', to: '2025-11-10T18:00' },
      resultValidUntil: '2026-08-31',
      reviewWorkingDays: 90,
    });
    expect(profile.paper).toMatchObject({ size: 'A4', duplex: true, copies: 1, binding: 'perfect' });
    expect(profile.submission.phones!.map((p) => p.number)).toEqual([
      '0755-88102402',
      '0755-88101744',
      '0755-88127031',
    ]);
  });
});

describe('parseProfile: importing next year’s profile', () => {
  it('accepts a changed copy as a new programme, no code needed', () => {
    const next = raw();
    next.id = 'sz-model-voucher-2026';
    next.year = 2026;
    next.agreements = [{ ...next.agreements[0]!, servicePeriod: { from: '2025-12-01', to: '2027-08-31' } }];
    const result = parseProfile(next);
    expect(result.ok && result.value.agreements[0]!.servicePeriod!.to).toBe('2027-08-31');
  });

  it('names the field that is wrong', () => {
    const broken = raw();
    broken.dates = { ...broken.dates, onlineFiling: { from: '2025-10-13', to: '10月27日' } };
    expect(parseProfile(broken)).toEqual({ ok: false, error: expect.stringContaining('dates.onlineFiling.to') });
  });

  it('refuses duplicate ids, reversed periods and a soft cap above the hard cap', () => {
    const dup = raw();
    dup.materials = [...dup.materials, dup.materials[0]!];
    expect(parseProfile(dup)).toEqual({ ok: false, error: expect.stringContaining('materials.8.id') });
    const reversed = raw();
    reversed.dates = { ...reversed.dates, paperFiling: { from: '2025-11-10', to: '2025-10-13' } };
    expect(parseProfile(reversed)).toEqual({ ok: false, error: expect.stringContaining('dates.paperFiling') });
    const caps = raw();
    caps.tracks = [
      {
        ...caps.tracks[0]!,
        caps: caps.tracks[0]!.caps.map((c) => ({ ...c, yuan: 3000000 - (c.kind === 'hard' ? 1 : 0) })),
      },
    ];
    expect(parseProfile(caps)).toEqual({ ok: false, error: expect.stringContaining('tracks.0.caps') });
  });

  it('refuses unknown fields, so a typo does not pass silently', () => {
    expect(parseProfile({ ...raw(), fundng: {} })).toEqual({ ok: false, error: expect.stringContaining('fundng') });
    expect(parseProfile('not a profile').ok).toBe(false);
  });
});
