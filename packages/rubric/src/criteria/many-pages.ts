import type { PageRecord } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, count, settingsSchema } from './settings-schema.js';
import { fail, pageKey, pass } from './support.js';

export interface ManyPagesSettings {
  /** Distinct same-site HTML pages with real content reachable by links. */
  minPages: number;
  /** Visible words a page needs to count as "real content". */
  minWords: number;
}

type Exclusion = 'status' | 'not-html' | 'soft404' | 'search-result' | 'sitemap-only' | 'thin' | 'duplicate';

function exclusionOf(page: PageRecord, minWords: number): Exclusion | undefined {
  if (page.status !== 200) return 'status';
  if (!/html/i.test(page.contentType)) return 'not-html';
  // soft 404: the site answers 200 with a "no encontrada" page, so the status alone lies
  if (page.soft404) return 'soft404';
  if (page.isSearchResult) return 'search-result';
  // The report's evaluator followed the menus: a page only the sitemap knows is not part of the site a person sees.
  if (!page.linkedFromSite && page.foundVia !== 'start') return 'sitemap-only';
  if (page.words < minWords) return 'thin';
  return undefined;
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<ManyPagesSettings> = {
  schema: settingsSchema({ minPages: atLeastOne, minWords: count }),
  defaults: {
    minPages: 15,
    minWords: 50,
  },
};

export const manyPages = defineCriterion({
  meta: {
    id: 'many_pages',
    level: 2,
    title: { es: 'Tiene un número mayor de páginas', en: 'Has a larger number of pages' },
    implements: { es: 'Número mayor de páginas web.', en: 'A larger number of web pages.' },
    requiredEvidence: ['crawl'],
  },
  settings: SETTINGS,
  judge({ crawl }, settings, evidence) {
    const counted = new Map<string, PageRecord>();
    const excluded: Record<Exclusion, number> = {
      status: 0,
      'not-html': 0,
      soft404: 0,
      'search-result': 0,
      'sitemap-only': 0,
      thin: 0,
      duplicate: 0,
    };
    // URL order puts `/` before `/?vecinos=true`: the plainer address of a document is the one kept.
    const sorted = [...crawl.pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const documents = new Set<string>();
    for (const page of sorted) {
      const why = exclusionOf(page, settings.minWords);
      if (why) {
        excluded[why] += 1;
        continue;
      }
      const key = pageKey(page.url);
      // A query that does not change the document (`/?vecinos=true` is the home page again) is the same page: the
      // content decides, not the address.
      if (counted.has(key) || (page.fingerprint !== undefined && documents.has(page.fingerprint))) {
        excluded.duplicate += 1;
        continue;
      }
      counted.set(key, page);
      if (page.fingerprint !== undefined) documents.add(page.fingerprint);
    }

    const notCounted = (Object.entries(excluded) as [Exclusion, number][])
      .filter(([, n]) => n > 0)
      .map(([why, n]) => `${why}: ${n}`)
      .join(', ');
    const budget = crawl.budget.exhausted ? `; crawl stopped early (${crawl.budget.exhausted})` : '';
    const summary = {
      url: crawl.homeUrl || evidence.finalUrl,
      detail: `${counted.size} distinct HTML pages with ≥ ${settings.minWords} words reachable by links, of ${crawl.pages.length} crawled${notCounted ? ` (not counted — ${notCounted})` : ''}${budget}`,
    };
    const pointers = [...counted.values()].slice(0, settings.minPages).map((page) => ({
      url: page.url,
      detail: `HTTP 200, ${page.words} words, depth ${page.depth}: "${page.title}"`,
    }));

    if (counted.size >= settings.minPages) {
      return pass(
        {
          es: `Se encontraron ${counted.size} páginas distintas con contenido, alcanzables desde el inicio (se piden ${settings.minPages}).`,
          en: `${counted.size} distinct pages with content, reachable from the home page, were found (${settings.minPages} required).`,
        },
        [summary, ...pointers],
      );
    }
    return fail(
      {
        es: `Solo se encontraron ${counted.size} páginas distintas con contenido alcanzables desde el inicio; se piden ${settings.minPages}.`,
        en: `Only ${counted.size} distinct pages with content reachable from the home page were found; ${settings.minPages} are required.`,
      },
      [summary, ...pointers],
    );
  },
});
