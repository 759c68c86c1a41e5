import type { Applicant } from '../../../shared/contract/index.ts';
import { ApplicantForm } from '../components/ApplicantForm.tsx';
import { ApplicationList } from '../components/ApplicationList.tsx';

export function ApplicantPanel({ applicant, onChanged }: { applicant: Applicant; onChanged: () => void }) {
  return (
    <>
      <ApplicantForm applicant={applicant} onSaved={onChanged} />
      <ApplicationList applicant={applicant} />
    </>
  );
}
