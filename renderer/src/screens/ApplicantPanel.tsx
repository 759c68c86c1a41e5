import type { Applicant } from '../../../shared/contract/index.ts';
import { findProfile } from '../../../shared/profiles/index.ts';
import { ApplicationList } from '../components/ApplicationList.tsx';
import { FilingDates } from '../components/FilingDates.tsx';

const PROFILE_ID = 'sz-model-voucher-2025';

/** The chosen applicant on the home screen: its applications with their progress, and the filing dates. */
export function ApplicantPanel({ applicant, onOpen }: { applicant: Applicant; onOpen: (applicationId: number) => void }) {
  const profile = findProfile(PROFILE_ID);
  return (
    <>
      <section className="card applicant-summary" aria-labelledby="applicant-heading">
        <h2 id="applicant-heading">{applicant.name}</h2>
        <p className="hint">
          {applicant.creditCode ? `统一社会信用代码 ${applicant.creditCode}` : '还没有填写统一社会信用代码'}
          {applicant.registeredIn ? ` · ${applicant.registeredIn}` : ''}
          {' · '}单位信息在申报项目的第 1 步「申报单位」中填写和修改。
        </p>
      </section>
      <ApplicationList applicant={applicant} profileId={PROFILE_ID} onOpen={onOpen} />
      {profile && <FilingDates profile={profile} />}
    </>
  );
}
