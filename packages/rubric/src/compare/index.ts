import type { RunComparison, ScanResults } from '../results.js';
import { compareSite } from './compare-site.js';
import { groupDeltas } from './group-deltas.js';
import { matchSites } from './match-sites.js';

export { accessibilityDiff } from './accessibility-diff.js';
export { changeKind } from './change-kind.js';
export { changeNote } from './change-note.js';
export { checksChanged } from './checks-diff.js';
export { compareSite } from './compare-site.js';
export { criteriaDiff } from './criteria-diff.js';
export { currentForComparison, groupDeltas } from './group-deltas.js';
export { matchSites } from './match-sites.js';
export type { SitePair } from './match-sites.js';

/** The change since the previous run, like Lighthouse CI's base-vs-compare: per site, then per group. */
export function compareRuns(previous: ScanResults, current: ScanResults): RunComparison {
  const pairs = matchSites(previous.sites, current.sites);
  return {
    previousStartedAt: previous.startedAt,
    sites: pairs.map(compareSite),
    groups: groupDeltas(previous.sites, pairs),
  };
}
export { describeFinding, siteRegressions } from './regressions.js';
export type { Regression } from './regressions.js';
