import type { AxeViolation } from './evidence/maturity.js';
import type { SiteEvidence } from './evidence/site.js';
import type { AccessibilitySummary, AxeOccurrence, MergedAxeViolation } from './results.js';

const MAX_SELECTORS = 5;

/** Worst first; axe's own order of impact. */
const IMPACT_RANK: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };
const rank = (impact: AxeViolation['impact']) => (impact === null ? 4 : (IMPACT_RANK[impact] ?? 4));

/** axe's WCAG tags: levels (wcag2a, wcag21aa) and success criteria (wcag143); not "wcag2a-obsolete" and the like. */
const isWcagTag = (tag: string) => /^wcag\d[\da]*$/.test(tag);

/** One class of axe results (violations or needs-review) merged by rule across the pages that ran. */
function mergeByRule(ran: { url: string; results: AxeViolation[] }[]): MergedAxeViolation[] {
  const merged = new Map<
    string,
    MergedAxeViolation & { pageSet: Set<string>; tagSet: Set<string>; occurrences: AxeOccurrence[] }
  >();
  for (const page of ran) {
    for (const violation of page.results) {
      let rule = merged.get(violation.ruleId);
      if (!rule) {
        rule = {
          ruleId: violation.ruleId,
          impact: violation.impact,
          wcag: [],
          bestPractice: false,
          help: violation.help,
          helpUrl: violation.helpUrl,
          nodes: 0,
          pages: [],
          selectors: [],
          occurrences: [],
          pageSet: new Set(),
          tagSet: new Set(),
        };
        merged.set(violation.ruleId, rule);
      }
      rule.nodes += violation.nodes;
      rule.pageSet.add(page.url);
      rule.occurrences.push({ page: page.url, nodes: violation.nodes, targets: [...violation.selectors] });
      for (const tag of violation.tags) rule.tagSet.add(tag);
      if (rank(violation.impact) < rank(rule.impact)) rule.impact = violation.impact;
      for (const selector of violation.selectors) {
        if (rule.selectors.length < MAX_SELECTORS && !rule.selectors.includes(selector))
          rule.selectors.push(selector);
      }
    }
  }
  return [...merged.values()]
    .map(({ pageSet, tagSet, ...rule }): MergedAxeViolation => ({
      ...rule,
      wcag: [...tagSet].filter(isWcagTag).sort(),
      bestPractice: tagSet.has('best-practice'),
      pages: [...pageSet].sort(),
    }))
    .sort((a, b) => rank(a.impact) - rank(b.impact) || a.ruleId.localeCompare(b.ruleId));
}

/**
 * The site's axe violations merged by rule across every page that ran: how many elements, on which pages, a few
 * example selectors, the worst impact seen; axe's "needs review" results apart, merged the same way. Pages where
 * axe failed are not counted as scanned.
 */
export function summarizeAccessibility(evidence: SiteEvidence): AccessibilitySummary {
  const entry = evidence.gathered.accessibility;
  if (!entry || entry.status !== 'ok') return { pagesScanned: 0, pages: [], violations: [] };
  const ran = entry.data.pages.filter((page) => !page.error).sort((a, b) => a.url.localeCompare(b.url));
  const violations = mergeByRule(ran.map((page) => ({ url: page.url, results: page.violations })));
  const summary: AccessibilitySummary = {
    pagesScanned: ran.length,
    pages: ran.map((page) => page.url),
    violations,
  };
  // Evidence from a scanner that did not keep them has no needs-review list: absent, not "none".
  if (ran.some((page) => page.needsReview !== undefined)) {
    summary.needsReview = mergeByRule(
      ran.map((page) => ({ url: page.url, results: page.needsReview ?? [] })),
    );
  }
  return summary;
}
