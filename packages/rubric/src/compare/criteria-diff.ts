import type { CriterionId, CriterionResult, SiteResult } from '../results.js';
import { CRITERION_IDS } from '../criteria/index.js';

/** A verdict either way: met, or not met after the work was finished (never an inconclusive one). */
function verdicts(site: SiteResult): Map<CriterionId, boolean> {
  const decided = (criterion: CriterionResult) => criterion.met || criterion.outcome !== 'inconclusive';
  return new Map(site.maturity.criteria.filter(decided).map((criterion) => [criterion.id, criterion.met]));
}

/**
 * Criteria met now and not before (gained) and the reverse (lost), in the model's order. An inconclusive criterion
 * in either run is neither gained nor lost: the scanner could not finish the work, which says nothing of the site.
 */
export function criteriaDiff(
  previous: SiteResult,
  current: SiteResult,
): { gained: CriterionId[]; lost: CriterionId[] } {
  const before = verdicts(previous);
  const now = verdicts(current);
  return {
    gained: CRITERION_IDS.filter((id) => now.get(id) === true && before.get(id) === false),
    lost: CRITERION_IDS.filter((id) => before.get(id) === true && now.get(id) === false),
  };
}
