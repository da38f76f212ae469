import type { SiteComparison, SiteResult } from '../results.js';

/**
 * Standards checks whose outcome changed, in the current run's check order. A check in only one run is skipped, and
 * so is one inconclusive in either run: unfinished work is not a change of the site.
 */
export function checksChanged(previous: SiteResult, current: SiteResult): SiteComparison['checksChanged'] {
  const before = new Map(previous.checks.map((check) => [check.id, check.outcome]));
  return current.checks.flatMap((check) => {
    const from = before.get(check.id);
    if (from === undefined || from === check.outcome) return [];
    if (from === 'inconclusive' || check.outcome === 'inconclusive') return [];
    return [{ id: check.id, from, to: check.outcome }];
  });
}
