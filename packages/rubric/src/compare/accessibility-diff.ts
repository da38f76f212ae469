import type { AccessibilityFinding, SiteComparison, SiteResult } from '../results.js';
import { pageIdentity } from '../identity/url-identity.js';

/** One rule on one page: the elements recorded there (null in files written before `occurrences` existed). */
interface RulePage {
  ruleId: string;
  page: string;
  nodes: number | null;
  targets: string[] | null;
}

function rulePages(site: SiteResult): Map<string, RulePage> {
  const found = new Map<string, RulePage>();
  for (const violation of site.accessibility.violations) {
    const recorded = new Map((violation.occurrences ?? []).map((item) => [pageIdentity(item.page), item]));
    for (const page of violation.pages) {
      // Pages compare by normalised URL, so a move to https:// does not turn every violation into new + fixed.
      const identity = pageIdentity(page);
      const occurrence = recorded.get(identity);
      found.set(`${violation.ruleId}\u0000${identity}`, {
        ruleId: violation.ruleId,
        page,
        nodes: occurrence?.nodes ?? null,
        targets: occurrence ? occurrence.targets : null,
      });
    }
  }
  return found;
}

/** Every element of the rule on the page was recorded, so an element absent from the list was not failing. */
const complete = (item: RulePage): item is RulePage & { targets: string[]; nodes: number } =>
  item.targets !== null && item.nodes !== null && item.nodes <= item.targets.length;

/** The findings of a rule on a page: one per recorded element, or the rule and page when none were recorded. */
function findings(item: RulePage, targets: readonly string[] | null = item.targets): AccessibilityFinding[] {
  if (!targets || targets.length === 0) return [{ ruleId: item.ruleId, page: item.page }];
  return targets.map((target) => ({ ruleId: item.ruleId, page: item.page, target }));
}

/**
 * What is new on a page where the rule failed before too: the elements not recorded before (only when the earlier
 * list was complete, else an unlisted element may have been failing all along), and, when more elements fail than
 * those named, how many more.
 */
function newOnSamePage(before: RulePage, now: RulePage): AccessibilityFinding[] {
  if (now.targets === null || before.targets === null || now.nodes === null || before.nodes === null)
    return [];
  const known = new Set(before.targets);
  const named = complete(before) ? now.targets.filter((target) => !known.has(target)) : [];
  const items: AccessibilityFinding[] = findings(now, named).filter((item) => item.target !== undefined);
  const more = now.nodes - before.nodes - named.length;
  if (more > 0) items.push({ ruleId: now.ruleId, page: now.page, moreNodes: more });
  return items;
}

/** The elements of a rule on a page that fail no more (only when this run's list is complete). */
function fixedOnSamePage(before: RulePage, now: RulePage): AccessibilityFinding[] {
  if (before.targets === null || !complete(now)) return [];
  const still = new Set(now.targets);
  return before.targets
    .filter((target) => !still.has(target))
    .map((target) => ({ ruleId: before.ruleId, page: before.page, target }));
}

function persistingOnSamePage(before: RulePage, now: RulePage): AccessibilityFinding[] {
  if (before.targets === null || now.targets === null) return findings(now, null);
  const known = new Set(before.targets);
  const both = now.targets.filter((target) => known.has(target));
  return both.length > 0 ? findings(now, both) : findings(now, null);
}

const order = (a: AccessibilityFinding, b: AccessibilityFinding) =>
  a.ruleId.localeCompare(b.ruleId) ||
  a.page.localeCompare(b.page) ||
  (a.target ?? '').localeCompare(b.target ?? '') ||
  (a.moreNodes ?? 0) - (b.moreNodes ?? 0);

/**
 * axe violations by rule, page and element (`target`, when both runs recorded the elements): new this run, fixed
 * since the previous one, and still there. When axe ran on no page in one of the runs there is nothing to compare:
 * its silence would read as "all fixed" or "all new". Only pages axe ran on in both runs are compared: a page the
 * crawl did not reach last time has no "before" (its findings are not new), and one it did not reach this time
 * proves nothing fixed.
 */
export function accessibilityDiff(
  previous: SiteResult,
  current: SiteResult,
): SiteComparison['accessibility'] {
  if (previous.accessibility.pagesScanned === 0 || current.accessibility.pagesScanned === 0) {
    return { new: [], fixed: [], persisting: [] };
  }
  const before = rulePages(previous);
  const now = rulePages(current);
  // Results written before `pages` existed say nothing about which pages ran: then every page counts as scanned.
  const scanned = (site: SiteResult) =>
    site.accessibility.pages && new Set(site.accessibility.pages.map(pageIdentity));
  const scannedBefore = scanned(previous);
  const scannedNow = scanned(current);
  const inBoth = (item: RulePage) => {
    const identity = pageIdentity(item.page);
    return (!scannedBefore || scannedBefore.has(identity)) && (!scannedNow || scannedNow.has(identity));
  };
  const result: SiteComparison['accessibility'] = { new: [], fixed: [], persisting: [] };
  for (const [key, item] of now) {
    if (!inBoth(item)) continue;
    const earlier = before.get(key);
    if (!earlier) result.new.push(...findings(item));
    else {
      result.new.push(...newOnSamePage(earlier, item));
      result.persisting.push(...persistingOnSamePage(earlier, item));
    }
  }
  for (const [key, item] of before) {
    if (!inBoth(item)) continue;
    const later = now.get(key);
    if (!later) result.fixed.push(...findings(item));
    else result.fixed.push(...fixedOnSamePage(item, later));
  }
  result.new.sort(order);
  result.fixed.sort(order);
  result.persisting.sort(order);
  return result;
}
