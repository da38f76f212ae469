import type { SiteEvidence } from '../evidence/site.js';
import type { CriterionMeta, CriterionResult } from '../results.js';

/**
 * One criterion of the maturity model, as a Lighthouse audit: metadata plus a pure function over the evidence
 * it declared. `settings` carries the rubric's thresholds and word lists (data, overridable by the user).
 */
export interface Criterion<Settings = unknown> {
  meta: CriterionMeta;
  evaluate(evidence: SiteEvidence, settings: Settings): Omit<CriterionResult, 'id' | 'level'>;
}
