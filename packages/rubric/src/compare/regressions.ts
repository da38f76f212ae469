import type { AccessibilityFinding, SiteComparison } from '../results.js';

/** One thing that got worse on a site since the baseline, as the regression gate lists it. */
export interface Regression {
  url: string;
  name: string;
  kind: 'level' | 'criterion' | 'check' | 'accessibility' | 'unreachable';
  /** The criterion or check id, or the axe rule. */
  id?: string;
  /** The axe finding (kind accessibility). */
  finding?: AccessibilityFinding;
  /** One line: "level 3 → 2", "criterion working_search met before, not met now", "image-alt on https://…: img.logo". */
  text: string;
}

/** How an axe finding reads in one line: the rule, the page, the element (or how many more elements fail). */
export function describeFinding(finding: AccessibilityFinding): string {
  const where = `${finding.ruleId} on ${finding.page}`;
  if (finding.target !== undefined) return `${where}: ${finding.target}`;
  if (finding.moreNodes !== undefined) return `${where}: ${finding.moreNodes} more element(s) fail`;
  return where;
}

/**
 * What got worse on one site since the baseline: a lower level, a criterion met before and not now, a check that
 * passed and now fails, a new axe finding (rule, page and element). Inconclusive never counts (the comparison
 * already leaves it out, and a provisional lower level is not `regressed`). A site that could not be scanned this
 * time is listed as `unreachable`: nothing about it can be vouched for. A site new to the list has no baseline and
 * nothing to be worse than.
 */
export function siteRegressions(site: SiteComparison): Regression[] {
  const base = { url: site.url, name: site.name };
  if (site.kind === 'unreachable') {
    return [
      {
        ...base,
        kind: 'unreachable',
        text: 'could not be scanned this time: nothing to compare with the baseline',
      },
    ];
  }
  const found: Regression[] = [];
  if (
    site.kind === 'regressed' &&
    site.previous &&
    site.current &&
    site.current.level < site.previous.level
  ) {
    found.push({
      ...base,
      kind: 'level',
      text: `maturity level ${site.previous.level} → ${site.current.level}`,
    });
  }
  for (const id of site.criteriaLost) {
    found.push({ ...base, kind: 'criterion', id, text: `criterion ${id}: met before, not met now` });
  }
  for (const change of site.checksChanged) {
    if (change.from === 'pass' && change.to === 'fail') {
      found.push({
        ...base,
        kind: 'check',
        id: change.id,
        text: `check ${change.id}: passed before, fails now`,
      });
    }
  }
  for (const finding of site.accessibility.new) {
    found.push({
      ...base,
      kind: 'accessibility',
      id: finding.ruleId,
      finding,
      text: `new accessibility violation ${describeFinding(finding)}`,
    });
  }
  return found;
}
