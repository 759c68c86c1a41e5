/**
 * The data the rules read (`Application`) and what they say about it (`Finding`, `Voucher`).
 */
import type { SetAside } from '../dossier/material-status.ts';
import type { Fen } from '../money.ts';
import type { applicantKinds, answers, deploymentKinds } from '../manifest.ts';

/** Whom a cap counts against: a company in a year, one project, the whole track. */
export type CapScope = 'company-year' | 'project' | 'track';

/** The clerk's answer to a yes / no / not-sure question. */
export type Answer = (typeof answers)[number];

export type ApplicantKind = (typeof applicantKinds)[number];

export interface ApplicantFacts {
  name: string;
  creditCode: string;
  kind?: ApplicantKind;
  /** The registered address or district, e.g. "深圳市南山区". */
  registeredIn?: string;
  established?: string;
  /** Figures the profile's thresholds read: last year's revenue, employees, shares (0–100) by name. */
  facts?: { revenueYuan?: number; employees?: number; shares?: Record<string, number> };
  contact?: string;
  phone?: string;
}

/** One material as the clerk left it: files attached, or marked exempt / not applicable. */
export interface MaterialState {
  id: string;
  /** How many files are attached (found or not). */
  attachedFiles: number;
  /** Attached file paths that could not be found. */
  missingFiles: string[];
  /**
   * Marked exempt (the reason is the profile's exemption id or label, or the clerk's words) or not applicable
   * (the clerk's reason); absent when not marked.
   */
  setAside?: SetAside;
}

/** The service contract as entered so far: an unanswered question or an empty date is absent. */
export interface ContractFacts {
  provider: string;
  providerListed?: boolean;
  relatedParty?: boolean;
  model: string;
  modelFiling: string;
  signedOn?: string;
  serviceFrom?: string;
  serviceTo?: string;
  deployment?: (typeof deploymentKinds)[number];
  /** Answers to the profile's related-party questions, by question id. */
  relatedPartyAnswers: Record<string, Answer>;
}

export interface CostFacts {
  kind: string;
  amountFen: Fen;
  /** Absent (or empty) while the payment date is not known. */
  paidOn?: string;
  note?: string;
}

/** The applicant's name and code as written somewhere else, e.g. on the contract; `subject` is that place. */
export interface RecordedIdentity {
  subject: string;
  name?: string;
  creditCode?: string;
}

/** Another applicant's contact person and phone, from the local records, for the guide's note 2. */
export interface OtherApplicantContact {
  name: string;
  creditCode?: string;
  contact?: string;
  phone?: string;
  year: number;
}

/** One application as plain data: what `checkApplication` judges. */
export interface Application {
  profileId: string;
  applicant: ApplicantFacts;
  materials: MaterialState[];
  contract?: ContractFacts;
  costs: CostFacts[];
  /** Answers to the profile's conditions, by condition id. */
  conditions: Record<string, Answer>;
  /** Dates of events the profile counts from (`first-contract`), by event id. */
  events: Record<string, string>;
  recordedIdentities: RecordedIdentity[];
  otherApplicants: OtherApplicantContact[];
}

export type Severity = 'error' | 'warning' | 'info';

/** One thing the clerk should know: `message` says in Chinese what is wrong and what to do. */
export interface Finding {
  severity: Severity;
  code: string;
  /** A material id or a field path such as `contract.serviceFrom`. */
  subject: string;
  message: string;
}

/** Why one cost line is left out of the eligible cost. */
export interface ExcludedCost {
  index: number;
  reason: 'kind' | 'date';
}

/** The voucher worked out in fen. */
export interface Voucher {
  /** The profile's track the amount is worked out on. */
  trackId: string;
  totalCostFen: Fen;
  eligibleCostFen: Fen;
  ratePercent: number;
  /** `ratePercent` of the eligible cost before the cap. */
  uncappedFen: Fen;
  amountFen: Fen;
  /** The lowest soft cap ("原则上不超过") and its scope; absent when the track has none. */
  softCapFen?: Fen;
  softCapScope?: CapScope;
  /** The lowest hard cap ("最高") and its scope; absent when the track has none. */
  hardCapFen?: Fen;
  hardCapScope?: CapScope;
  excluded: ExcludedCost[];
}

export interface CheckResult {
  voucher: Voucher;
  findings: Finding[];
}
