import type { ApplicationDetail, CheckResultDto } from '#shared/contract/index.ts';
import type { Profile } from '#shared/profiles/index.ts';
import type { ApplicationState } from '../hooks/use-application.ts';
import type { StepId } from './steps.ts';

/** What every step receives from the application screen. */
export interface StepProps {
  app: ApplicationState;
  detail: ApplicationDetail;
  profile: Profile;
  check: CheckResultDto | null;
  onStep: (step: StepId) => void;
}
