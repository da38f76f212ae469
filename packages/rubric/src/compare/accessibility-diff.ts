import type { SiteComparison, SiteResult } from '../results.js';
import { pageIdentity } from '../identity/url-identity.js';

type RulePage = { ruleId: string; page: string };

function rulePages(site: SiteResult): Map<string, RulePage> {
  const found = new Map<string, RulePage>();
  for (const violation of site.accessibility.violations) {
    for (const page of violation.pages) {
      // Pages compare by normalised URL, so a move to https:// does not turn every violation into new + fixed.
      found.set(`${violation.ruleId}\u0000${pageIdentity(page)}`, { ruleId: violation.ruleId, page });
    }
  }
  return found;
}

const order = (a: RulePage, b: RulePage) => a.ruleId.localeCompare(b.ruleId) || a.page.localeCompare(b.page);

/**
 * axe violations by (rule, page): new this run, fixed since the previous one, and still there. When axe ran on no
 * page in one of the runs there is nothing to compare: its silence would read as "all fixed" or "all new". A
 * violation is fixed only on a page axe ran on again: a page the crawl did not reach this time proves nothing.
 */
export function accessibilityDiff(previous: SiteResult, current: SiteResult): SiteComparison['accessibility'] {
  if (previous.accessibility.pagesScanned === 0 || current.accessibility.pagesScanned === 0) {
    return { new: [], fixed: [], persisting: [] };
  }
  const before = rulePages(previous);
  const now = rulePages(current);
  // Results written before `pages` existed say nothing about which pages ran: then every page counts as scanned.
  const scannedNow = current.accessibility.pages && new Set(current.accessibility.pages.map(pageIdentity));
  const scannedAgain = (item: RulePage) => !scannedNow || scannedNow.has(pageIdentity(item.page));
  return {
    new: [...now].filter(([key]) => !before.has(key)).map(([, item]) => item).sort(order),
    fixed: [...before]
      .filter(([key, item]) => !now.has(key) && scannedAgain(item))
      .map(([, item]) => item)
      .sort(order),
    persisting: [...now].filter(([key]) => before.has(key)).map(([, item]) => item).sort(order),
  };
}
