/**
 * Makes the sample application through the same handlers the window and the CLI use: the company, the
 * application, the contract, costs and answers, then each generated file attached as a clerk would attach it.
 */
import type { Application, CoreHandlers } from '#shared/contract/index.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { sampleFiles } from './sample-materials.ts';
import { isClerkQuestion } from '#shared/profiles/reading.ts';
import {
  SAMPLE_PROFILE_ID,
  SAMPLE_YEAR,
  sampleApplicant,
  sampleContract,
  sampleCosts,
  sampleEthicsReason,
} from './sample-records.ts';

export type SampleHandlers = Pick<
  CoreHandlers,
  | 'applicants:create'
  | 'applications:create'
  | 'applications:saveContract'
  | 'applications:saveCosts'
  | 'applications:answer'
  | 'applications:setMaterialState'
  | 'attachments:add'
>;

export { SAMPLE_PROFILE_ID };

/** The questions a clerk answers, each in the company's favour: every condition 是, every related-party test 否. */
function favourableAnswers(profile: Profile): [questionId: string, answer: 'yes' | 'no'][] {
  const conditions = profile.conditions.filter(isClerkQuestion);
  const relatedPartyQuestions = profile.agreements.flatMap((a) => a.relatedPartyQuestions);
  return [
    ...conditions.map((c) => [c.id, 'yes'] as [string, 'yes']),
    ...relatedPartyQuestions.map((q) => [q.id, 'no'] as [string, 'no']),
  ];
}

export async function createSampleApplication(handlers: SampleHandlers, profile: Profile): Promise<Application> {
  const files = await sampleFiles(profile.words); // drawn first: a failure leaves no half-made company behind
  const applicant = await handlers['applicants:create'](sampleApplicant);
  const application = await handlers['applications:create']({
    applicantId: applicant.id,
    profileId: profile.id,
    year: SAMPLE_YEAR,
  });
  const applicationId = application.id;
  await handlers['applications:saveContract']({ applicationId, contract: sampleContract });
  await handlers['applications:saveCosts']({ applicationId, costs: sampleCosts });
  for (const [questionId, answer] of favourableAnswers(profile))
    await handlers['applications:answer']({ applicationId, questionId, answer });
  await handlers['applications:setMaterialState']({
    applicationId,
    materialId: 'ethics-materials',
    state: 'not-applicable',
    reason: sampleEthicsReason,
  });
  // One file per material, so their order within a material cannot mix: the checks run side by side.
  await Promise.all(files.map((file) => handlers['attachments:add']({ applicationId, ...file })));
  return application;
}
