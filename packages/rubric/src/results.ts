/**
 * The judgments the rubric produces and results.json carries (validated by schema/results.schema.json).
 */
import type { CollectorError, EvidencePointer, Localized, SiteGroup } from './evidence/common.js';
import type { EvidenceKind } from './evidence/site.js';

export const CRITERION_IDS = [
  'static_info',
  'many_pages',
  'links_to_agencies',
  'fresh_content',
  'downloadable_forms',
  'email_contact',
  'working_search',
  'interactive_channels',
  'user_accounts',
  'e_payments',
  'citizen_centric_portal',
  'e_participation',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export type MaturityLevel = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * More than two outcomes, as axe and Lighthouse have: `not-applicable` and `error` weigh 0 in scores, and
 * `error` says the evidence could not be gathered (never a silent "not met").
 */
export type Outcome = 'pass' | 'fail' | 'not-applicable' | 'error';

export interface CriterionMeta {
  id: CriterionId;
  level: 1 | 2 | 3 | 4 | 5;
  title: Localized;
  /** The part of the methodology this criterion implements. */
  implements: Localized;
  /** The evidence kinds it reads; a missing or failed one gives an `error` result. */
  requiredEvidence: EvidenceKind[];
}

export interface CriterionResult {
  id: CriterionId;
  level: 1 | 2 | 3 | 4 | 5;
  outcome: Outcome;
  met: boolean;
  evidence: EvidencePointer[];
  /** Why it is met or not, in plain words. */
  reason: Localized;
  /** Set when a reviewer's override decided `met` (see overrides). */
  override?: { met: boolean; reason: string; author: string; stale: boolean };
}

export interface Maturity {
  level: MaturityLevel;
  points: number;
  criteria: CriterionResult[];
}

export interface MergedAxeViolation {
  ruleId: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  /** WCAG tags of the rule, e.g. wcag2a, wcag143. */
  wcag: string[];
  bestPractice: boolean;
  help: string;
  helpUrl: string;
  /** Nodes across all pages. */
  nodes: number;
  pages: string[];
  selectors: string[];
}

export interface AccessibilitySummary {
  pagesScanned: number;
  violations: MergedAxeViolation[];
}

export type SiteStatus = 'ok' | 'error';

export interface SiteResult {
  url: string;
  finalUrl: string;
  name: string;
  acronym?: string;
  institution?: string;
  group: SiteGroup;
  status: SiteStatus;
  error?: CollectorError;
  scannedAt: string;
  maturity: Maturity;
  accessibility: AccessibilitySummary;
}

export interface ScanResults {
  schemaVersion: string;
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  sites: SiteResult[];
}
