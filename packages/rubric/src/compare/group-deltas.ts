import {
  GROUP_LABELS,
  GROUP_ORDER,
  OVERALL_KEY,
  OVERALL_LABEL,
  averagePoints,
  isEvaluated,
  round2,
} from '../aggregate.js';
import type { RunComparison, SiteSummary } from '../results.js';
import type { SitePair } from './match-sites.js';

/**
 * The current run as the comparison sees it: a site evaluated before that failed to load now counts with its
 * previous result, so one failed load does not move its group's average; so does a site whose level fell but is
 * provisional (unfinished work, not a verdict).
 */
export function currentForComparison(pairs: readonly SitePair<SiteSummary, SiteSummary>[]): SiteSummary[] {
  return pairs.flatMap(({ previous, current }) => {
    if (!current) return [];
    const keepPrevious =
      current.status === 'error' ||
      (current.maturity.provisional === true && current.maturity.points < (previous?.maturity.points ?? 0));
    if (keepPrevious && previous && isEvaluated(previous)) return [{ ...previous, group: current.group }];
    return [current];
  });
}

/** Average points per group (and overall) in each run, and the change. */
export function groupDeltas(
  previousSites: readonly SiteSummary[],
  pairs: readonly SitePair<SiteSummary, SiteSummary>[],
): RunComparison['groups'] {
  const currentSites = currentForComparison(pairs);
  const row = (key: string, label: string, before: readonly SiteSummary[], now: readonly SiteSummary[]) => {
    const previousAverage = averagePoints(before);
    const currentAverage = averagePoints(now);
    const delta =
      previousAverage === null || currentAverage === null ? null : round2(currentAverage - previousAverage);
    return { key, label, previousAverage, currentAverage, delta };
  };
  const groups = GROUP_ORDER.filter((group) =>
    [...previousSites, ...currentSites].some((site) => site.group === group),
  ).map((group) =>
    row(
      group,
      GROUP_LABELS[group],
      previousSites.filter((site) => site.group === group),
      currentSites.filter((site) => site.group === group),
    ),
  );
  return [...groups, row(OVERALL_KEY, OVERALL_LABEL, previousSites, currentSites)];
}
