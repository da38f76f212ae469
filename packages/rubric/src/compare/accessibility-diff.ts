import type { SiteComparison, SiteResult } from '../results.js';
import { normalizeSiteUrl } from './normalize-url.js';

type RulePage = { ruleId: string; page: string };

function rulePages(site: SiteResult): Map<string, RulePage> {
  const found = new Map<string, RulePage>();
  for (const violation of site.accessibility.violations) {
    for (const page of violation.pages) {
      // Pages compare by normalised URL, so a move to https:// does not turn every violation into new + fixed.
      found.set(`${violation.ruleId}\u0000${normalizeSiteUrl(page)}`, { ruleId: violation.ruleId, page });
    }
  }
  return found;
}

const order = (a: RulePage, b: RulePage) => a.ruleId.localeCompare(b.ruleId) || a.page.localeCompare(b.page);

/**
 * axe violations by (rule, page): new this run, fixed since the previous one, and still there. When axe ran on no
 * page in one of the runs there is nothing to compare: its silence would read as "all fixed" or "all new".
 */
export function accessibilityDiff(previous: SiteResult, current: SiteResult): SiteComparison['accessibility'] {
  if (previous.accessibility.pagesScanned === 0 || current.accessibility.pagesScanned === 0) {
    return { new: [], fixed: [], persisting: [] };
  }
  const before = rulePages(previous);
  const now = rulePages(current);
  return {
    new: [...now].filter(([key]) => !before.has(key)).map(([, item]) => item).sort(order),
    fixed: [...before].filter(([key]) => !now.has(key)).map(([, item]) => item).sort(order),
    persisting: [...now].filter(([key]) => before.has(key)).map(([, item]) => item).sort(order),
  };
}
