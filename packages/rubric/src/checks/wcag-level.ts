import type { EvidencePointer, Localized } from '../evidence/common.js';
import type { AxeViolation } from '../evidence/maturity.js';
import type { SiteEvidence } from '../evidence/site.js';
import { ACCESSIBILITY } from './implements.js';
import type { Check, CheckOutput } from './check.js';
import { capped, error, gathered, judge, notApplicable, siteUrl } from './check.js';

/** axe-core's tags for each WCAG conformance level (https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#axe-core-tags). */
export const WCAG_A_TAGS = ['wcag2a', 'wcag21a', 'wcag22a'] as const;
export const WCAG_AA_TAGS = ['wcag2aa', 'wcag21aa', 'wcag22aa'] as const;

/**
 * A violation counts for a level when axe tags it with one of the level's tags. Rules tagged `best-practice`
 * are reported apart (accessibility summary) and never fail a WCAG check: they are advice, not the standard.
 */
export function violatesLevel(violation: AxeViolation, levelTags: readonly string[]): boolean {
  return !violation.tags.includes('best-practice') && violation.tags.some((tag) => levelTags.includes(tag));
}

function evaluateLevel(evidence: SiteEvidence, levelTags: readonly string[], levelName: string): CheckOutput {
  const axe = gathered(evidence, 'accessibility');
  const url = siteUrl(evidence);
  // An empty tag list means axe ran its default rule set, which includes every WCAG A/AA rule.
  if (axe.tags.length > 0 && !axe.tags.some((tag) => levelTags.includes(tag))) {
    return notApplicable(
      url,
      `axe ${axe.axeVersion} did not run WCAG ${levelName} rules (tags: ${axe.tags.join(', ')})`,
    );
  }
  const ran = axe.pages.filter((page) => !page.error);
  if (ran.length === 0) {
    const reasons = [...new Set(axe.pages.map((page) => page.error))].join('; ');
    return error(
      url,
      axe.pages.length === 0 ? 'axe scanned no page' : `axe failed on every page: ${reasons}`,
    );
  }
  const pointers: EvidencePointer[] = [];
  const rules = new Set<string>();
  for (const page of [...ran].sort((a, b) => a.url.localeCompare(b.url))) {
    const found = page.violations
      .filter((violation) => violatesLevel(violation, levelTags))
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId));
    for (const violation of found) {
      rules.add(violation.ruleId);
      const where = violation.selectors.length > 0 ? `: ${violation.selectors[0]}` : '';
      pointers.push({
        url: page.url,
        detail: `${violation.ruleId} (${violation.impact ?? 'unknown impact'}), ${violation.nodes} element(s)${where}`,
      });
    }
  }
  if (rules.size === 0) {
    return judge(
      true,
      [{ url, detail: `no WCAG ${levelName} violation on ${ran.length} page(s) (axe ${axe.axeVersion})` }],
      0,
    );
  }
  return judge(false, capped(pointers, url), rules.size);
}

export function wcagLevelCheck(options: {
  id: string;
  /** Its weight within its area (the default config; a rubric file may change it). */
  weight: number;
  levelTags: readonly string[];
  levelName: string;
  title: Localized;
  hint: Localized;
}): Check {
  return {
    meta: {
      id: options.id,
      weight: options.weight,
      area: 'accessibility',
      title: options.title,
      implements: ACCESSIBILITY,
      hint: options.hint,
      requiredEvidence: ['accessibility'],
      // A violation axe found is there whatever pages the scan could not read.
      failsOnFindings: true,
    },
    evaluate: (evidence) => evaluateLevel(evidence, options.levelTags, options.levelName),
  };
}
