import type { Check } from './check.js';
import { gathered, judge, notApplicable, siteUrl } from './check.js';
import { OPEN_FORMATS } from './implements.js';

/**
 * Principle 6 (technological ownership): nobody should need a proprietary program to read what the state
 * publishes. Passes when documents are offered in at least one open format; fails when every document linked is
 * in a proprietary one; not applicable when the site links no document.
 */
export const openFormats: Check = {
  meta: {
    id: 'open-formats',
    weight: 1,
    area: 'recommendations',
    title: { es: 'Documentos en formatos abiertos', en: 'Documents in open formats' },
    implements: OPEN_FORMATS,
    hint: {
      es: 'Ofrezca los documentos también en formatos abiertos (PDF, ODT, ODS, CSV), no solo en DOC/XLS.',
      en: 'Offer documents in open formats too (PDF, ODT, ODS, CSV), not only in DOC/XLS.',
    },
    requiredEvidence: ['recommendations'],
  },
  evaluate(evidence, settings) {
    const recommendations = gathered(evidence, 'recommendations');
    const counts = new Map<string, number>();
    for (const [type, count] of Object.entries(recommendations.documentFormats)) {
      const key = type.trim().toLowerCase().replace(/^\./, '');
      counts.set(key, (counts.get(key) ?? 0) + count);
    }
    const sum = (formats: string[]) =>
      formats.reduce((total, format) => total + (counts.get(format) ?? 0), 0);
    const open = sum(settings.documentFormats.open);
    const proprietary = sum(settings.documentFormats.proprietary);
    const url = siteUrl(evidence);
    if (open + proprietary === 0) return notApplicable(url, 'the site links no document');
    const tally = [...counts.entries()]
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([format, count]) => `${format}: ${count}`)
      .join(', ');
    const examples = recommendations.findings
      .filter((finding) => finding.kind === 'open_formats')
      .map((finding) => ({ url: finding.url, detail: finding.detail }))
      .sort((a, b) => a.url.localeCompare(b.url))
      .slice(0, 5);
    return judge(open > 0, [{ url, detail: `documents linked by format: ${tally}` }, ...examples], open);
  },
};
