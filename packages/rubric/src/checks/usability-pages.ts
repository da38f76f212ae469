import type { UsabilityEvidence } from '../evidence/standards.js';
import type { SiteEvidence } from '../evidence/site.js';
import type { CheckMeta, CheckOutput } from './check.js';
import { error, gathered, siteUrl } from './check.js';
import { USABILITY } from './implements.js';

export const USABILITY_META: Pick<CheckMeta, 'area' | 'implements' | 'requiredEvidence' | 'failsOnFindings'> =
  {
    area: 'usability',
    implements: USABILITY,
    requiredEvidence: ['usability'],
    // Each fails on a page measured with the defect (no viewport, small text, a heavy page): a fact, however many
    // pages the scan could read.
    failsOnFindings: true,
  };

export type UsabilityPage = UsabilityEvidence['pages'][number];

/** The measured pages in URL order, or an error when none was measured (nothing to judge is not a pass). */
export function usabilityPages(evidence: SiteEvidence): { pages: UsabilityPage[] } | { output: CheckOutput } {
  const pages = [...gathered(evidence, 'usability').pages].sort((a, b) => a.url.localeCompare(b.url));
  if (pages.length === 0) return { output: error(siteUrl(evidence), 'no page was measured for usability') };
  return { pages };
}
