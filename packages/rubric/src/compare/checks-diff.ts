import type { SiteComparison, SiteResult } from '../results.js';

/** Standards checks whose outcome changed, in the current run's check order. A check in only one run is skipped. */
export function checksChanged(previous: SiteResult, current: SiteResult): SiteComparison['checksChanged'] {
  const before = new Map(previous.checks.map((check) => [check.id, check.outcome]));
  return current.checks.flatMap((check) => {
    const from = before.get(check.id);
    return from !== undefined && from !== check.outcome ? [{ id: check.id, from, to: check.outcome }] : [];
  });
}
