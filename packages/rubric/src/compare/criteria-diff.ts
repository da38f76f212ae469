import type { CriterionId, SiteResult } from '../results.js';
import { CRITERION_IDS } from '../results.js';

function metSet(site: SiteResult): Set<CriterionId> {
  return new Set(site.maturity.criteria.filter((criterion) => criterion.met).map((criterion) => criterion.id));
}

/** Criteria met now and not before (gained) and the reverse (lost), in the model's order. */
export function criteriaDiff(previous: SiteResult, current: SiteResult): { gained: CriterionId[]; lost: CriterionId[] } {
  const before = metSet(previous);
  const now = metSet(current);
  return {
    gained: CRITERION_IDS.filter((id) => now.has(id) && !before.has(id)),
    lost: CRITERION_IDS.filter((id) => before.has(id) && !now.has(id)),
  };
}
