import type { Localized } from '../evidence/common.js';
import type { RecommendationKind } from '../evidence/standards.js';
import type { Check } from './check.js';
import { capped, gathered, judge, siteUrl } from './check.js';

/** A recommendation of the report is met when the scanner found it on the site; each finding is its evidence. */
export function recommendationCheck(options: {
  id: string;
  /** Its weight within its area (the default config; a rubric file may change it). */
  weight: number;
  kind: RecommendationKind;
  title: Localized;
  implements: Localized;
  hint: Localized;
  /** What a reviewer reads when nothing was found, e.g. "no privacy policy". */
  missing: string;
}): Check {
  return {
    meta: {
      id: options.id,
      weight: options.weight,
      area: 'recommendations',
      title: options.title,
      implements: options.implements,
      hint: options.hint,
      requiredEvidence: ['recommendations'],
    },
    evaluate(evidence) {
      const findings = gathered(evidence, 'recommendations')
        .findings.filter((finding) => finding.kind === options.kind)
        .map((finding) => ({ url: finding.url, detail: finding.detail }))
        .sort((a, b) => a.url.localeCompare(b.url) || a.detail.localeCompare(b.detail));
      const url = siteUrl(evidence);
      if (findings.length === 0) {
        return judge(false, [{ url, detail: `${options.missing} on the pages analysed` }], 0);
      }
      return judge(true, capped(findings, url), findings.length);
    },
  };
}
