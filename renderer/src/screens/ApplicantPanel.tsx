import { useState } from 'react';
import type { Applicant } from '#shared/contract/index.ts';
import { ApplicationList } from '../components/ApplicationList.tsx';
import { CompanyActions } from '../components/CompanyActions.tsx';
import type { UndoOffer } from '../components/UndoBar.tsx';
import { FilingDates } from '../components/FilingDates.tsx';
import { ProfilePicker } from '../components/ProfilePicker.tsx';
import { useProfile, useProfileList } from '../hooks/use-profiles.ts';

/** The chosen applicant on the home screen: its applications with their progress, and the filing dates. */
export function ApplicantPanel({
  applicant,
  onOpen,
  onRenamed,
  onRemoved,
}: {
  applicant: Applicant;
  onOpen: (applicationId: number) => void;
  onRenamed: () => void | Promise<void>;
  onRemoved: (offer: UndoOffer) => void | Promise<void>;
}) {
  const { profiles, error, reload } = useProfileList();
  const [chosenId, setChosenId] = useState<string>();
  const chosen = profiles.find((p) => p.id === chosenId) ?? profiles[0];
  const { profile } = useProfile(chosen?.id);
  return (
    <>
      <section className="card applicant-summary" aria-labelledby="applicant-heading">
        <h2 id="applicant-heading">{applicant.name}</h2>
        <p className="hint">
          {applicant.creditCode ? `统一社会信用代码 ${applicant.creditCode}` : '还没有填写统一社会信用代码'}
          {applicant.registeredIn ? ` · ${applicant.registeredIn}` : ''}
          {' · '}单位信息在申报项目的第 1 步「申报单位」中填写和修改。
        </p>
        <CompanyActions key={applicant.name} applicant={applicant} onRenamed={onRenamed} onRemoved={onRemoved} />
      </section>
      <ApplicationList applicant={applicant} profile={chosen} onOpen={onOpen}>
        <ProfilePicker
          profiles={profiles}
          chosenId={chosen?.id}
          onChoose={setChosenId}
          onImported={async (id) => {
            await reload();
            setChosenId(id);
          }}
        />
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </ApplicationList>
      {profile && <FilingDates profile={profile} />}
    </>
  );
}
