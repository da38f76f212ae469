import type { SiteChangeKind, SiteResult } from '../results.js';

/**
 * What happened to a site between two runs. A site that loaded before and not now is `unreachable`, never
 * "regressed to level 0": one failed load says nothing about its services (flapping). One back from an error is
 * `recovered`, whatever its level. A lower level that is provisional (inconclusive criteria could raise it) is
 * `provisional`, never `regressed`: the scan did not finish the work that would tell.
 */
export function changeKind(previous: SiteResult | null, current: SiteResult | null): SiteChangeKind {
  if (!previous) return 'new';
  if (!current) return 'removed';
  if (current.status === 'error') return 'unreachable';
  if (previous.status === 'error') return 'recovered';
  if (current.maturity.points > previous.maturity.points) return 'improved';
  if (current.maturity.points < previous.maturity.points)
    return current.maturity.provisional ? 'provisional' : 'regressed';
  return 'unchanged';
}
