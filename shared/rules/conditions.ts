/**
 * The guide's basic and special conditions: yes/no questions answered by the clerk, numeric thresholds on the
 * applicant's facts (years established, revenue, employees, a share), and dates that must fall in a window.
 */
import type { Profile, ProfileCondition } from '../profiles/schema.ts';
import { chineseDate } from './calendar.ts';
import { eventDateRequest } from './event-dates.ts';
import { error, warning } from './findings.ts';
import { applies, windowDates, type Claimant } from './tracks.ts';
import type { Answer, ApplicantFacts, Finding } from './types.ts';

/** What the conditions read beyond the answers: the applicant's facts, event dates, and today. */
export interface ConditionContext {
  applicant?: ApplicantFacts;
  events?: Record<string, string>;
  today?: string;
}

type Test<K extends ProfileCondition['test']['kind']> = Extract<ProfileCondition['test'], { kind: K }>;

const notMet = (c: ProfileCondition, subject: string, what: string) =>
  (c.mandatory ? error : warning)('condition-not-met', subject, `${c.number}：${what}：${c.noMeans}`);

function checkQuestion(c: ProfileCondition, test: Test<'question'>, answer: Answer | undefined): Finding[] {
  const subject = `conditions.${c.id}`;
  const asked = `${c.number}：${test.question}`;
  if (answer === undefined)
    return [warning('condition-unanswered', subject, `尚未回答${asked} 请核实后回答“是”或“否”。`)];
  if (answer === 'unsure') {
    return [
      warning('condition-unsure', subject, `${asked} 答为“不确定”：请向单位负责人或政策咨询电话核实后改为“是”或“否”。`),
    ];
  }
  if (answer === 'no')
    return [(c.mandatory ? error : warning)('condition-not-met', subject, `${asked} 答为“否”：${c.noMeans}`)];
  return [];
}

/** Whole years from `from` to `today` (a birthday-style count). */
function fullYears(from: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(from.slice(0, 4));
  return today.slice(5, 10) < from.slice(5, 10) ? years - 1 : years;
}

function factValue(test: Test<'threshold'>, context: ConditionContext): number | undefined {
  const applicant = context.applicant;
  switch (test.fact) {
    case 'yearsEstablished':
      return applicant?.established && context.today ? fullYears(applicant.established, context.today) : undefined;
    case 'revenueYuan':
      return applicant?.facts?.revenueYuan;
    case 'employees':
      return applicant?.facts?.employees;
    case 'share':
      return test.shareOf ? applicant?.facts?.shares?.[test.shareOf] : undefined;
  }
}

const COMPARE = {
  '>=': (a: number, b: number) => a >= b,
  '>': (a: number, b: number) => a > b,
  '<=': (a: number, b: number) => a <= b,
  '<': (a: number, b: number) => a < b,
} as const;
const COMPARE_WORDS = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于' } as const;

function checkThreshold(c: ProfileCondition, test: Test<'threshold'>, context: ConditionContext): Finding[] {
  const subject =
    test.fact === 'yearsEstablished' ? 'applicant.established' : `applicant.facts.${test.shareOf ?? test.fact}`;
  const value = factValue(test, context);
  const wanted = `${test.label}${COMPARE_WORDS[test.compare]}${test.value}${test.unit}`;
  if (value === undefined) {
    return [
      warning(
        'condition-fact-missing',
        subject,
        `${c.number}要求${wanted}，还没有填写${test.label}：请按营业执照或审计报告填写。`,
      ),
    ];
  }
  if (COMPARE[test.compare](value, test.value)) return [];
  return [notMet(c, subject, `要求${wanted}，填写的是${value}${test.unit}`)];
}

function checkDated(c: ProfileCondition, test: Test<'dated'>, profile: Profile, context: ConditionContext): Finding[] {
  const subject = `events.${test.subject}`;
  const date = context.events?.[test.subject];
  const window = windowDates(test.window, context.events);
  if (!date) {
    const what = `${c.number}要按日期判断，还没有填写“${test.subjectLabel}”：请在“资格自查”这一条下方填写。`;
    return [warning('condition-date-missing', subject, what)];
  }
  if (!window) {
    // Only a window counted from another event has no dates: that event's date is not known yet.
    const eventLabel = 'eventLabel' in test.window ? test.window.eventLabel : test.subjectLabel;
    const event = 'event' in test.window ? test.window.event : test.subject;
    const what = `${c.number}要按${eventLabel}的日期判断，还没有填写这一日期。${eventDateRequest(profile, event, eventLabel)}`;
    return [warning('condition-date-missing', subject, what)];
  }
  if (date >= window.from && date <= window.to) return [];
  return [
    notMet(
      c,
      subject,
      `${test.subjectLabel}是${chineseDate(date)}，不在${chineseDate(window.from)}至${chineseDate(window.to)}期间`,
    ),
  ];
}

/**
 * Checks the profile's conditions that apply to this applicant. Questions that the contract rules answer from the
 * contract's data are skipped here so one fault is not reported twice.
 */
export function checkConditions(
  answers: Record<string, Answer>,
  profile: Profile,
  context: ConditionContext = {},
): Finding[] {
  const claimant: Claimant = { kind: context.applicant?.kind, answers, events: context.events };
  return profile.conditions
    .filter((c) => applies(c.appliesTo, claimant))
    .flatMap((c) => {
      const test = c.test;
      if (test.kind === 'question') return test.answeredBy === 'question' ? checkQuestion(c, test, answers[c.id]) : [];
      if (test.kind === 'threshold') return checkThreshold(c, test, context);
      return checkDated(c, test, profile, context);
    });
}
