/**
 * The guide's basic and special conditions, answered yes / no / not sure by the clerk.
 */
import type { Profile } from '../profiles/schema.ts';
import { error, warning } from './findings.ts';
import type { Answer, Finding } from './types.ts';

/**
 * Checks the answers to the profile's conditions. Conditions that the contract rules answer from the contract's
 * data are skipped here so one fault is not reported twice.
 */
export function checkConditions(answers: Record<string, Answer>, profile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const condition of profile.conditions) {
    if (condition.answeredBy !== 'question') continue;
    const subject = `conditions.${condition.id}`;
    const answer = answers[condition.id];
    const asked = `${condition.number}：${condition.question}`;
    if (answer === undefined) {
      findings.push(warning('condition-unanswered', subject, `尚未回答${asked} 请核实后回答“是”或“否”。`));
    } else if (answer === 'unsure') {
      findings.push(
        warning(
          'condition-unsure',
          subject,
          `${asked} 答为“不确定”：请向单位负责人或政策咨询电话核实后改为“是”或“否”。`,
        ),
      );
    } else if (answer === 'no') {
      const make = condition.mandatory ? error : warning;
      findings.push(make('condition-not-met', subject, `${asked} 答为“否”：${condition.noMeans}`));
    }
  }
  return findings;
}
