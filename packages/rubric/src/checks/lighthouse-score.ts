import type { Localized } from '../evidence/common.js';
import type { LighthouseEvidence } from '../evidence/standards.js';
import type { ComplianceArea } from '../results.js';
import type { Check, CheckSettings } from './check.js';
import { error, gathered, judge, siteUrl } from './check.js';

export type LighthouseCategory = keyof LighthouseEvidence['pages'][number]['scores'];

/** The lowest score of a Lighthouse category over the key pages must reach the configured minimum. */
export function lighthouseScoreCheck(options: {
  id: string;
  /** Its weight within its area (the default config; a rubric file may change it). */
  weight: number;
  area: ComplianceArea;
  category: LighthouseCategory;
  title: Localized;
  implements: Localized;
  hint: Localized;
}): Check {
  const { category } = options;
  return {
    meta: {
      id: options.id,
      weight: options.weight,
      area: options.area,
      title: options.title,
      implements: options.implements,
      hint: options.hint,
      requiredEvidence: ['lighthouse'],
    },
    evaluate(evidence, settings: CheckSettings) {
      const lighthouse = gathered(evidence, 'lighthouse');
      const minimum = settings.thresholds.lighthouseMinScore[category];
      const scored = lighthouse.pages
        .filter((page) => !page.error && page.scores[category] !== null)
        .map((page) => ({ url: page.url, score: page.scores[category] as number }))
        .sort((a, b) => a.score - b.score || a.url.localeCompare(b.url));
      if (scored.length === 0) {
        const reasons = lighthouse.pages.map((page) => page.error).filter(Boolean);
        return error(
          siteUrl(evidence),
          `Lighthouse ${lighthouse.lighthouseVersion} scored no page for ${category}${reasons.length ? `: ${reasons.join('; ')}` : ''}`,
        );
      }
      const lowest = scored[0]!.score;
      return judge(
        lowest >= minimum,
        scored.map((page) => ({
          url: page.url,
          detail: `Lighthouse ${category} ${page.score} (minimum ${minimum})`,
        })),
        lowest,
      );
    },
  };
}
