import type { Check } from './check.js';
import { capped, judge, siteUrl } from './check.js';
import { USABILITY_META, usabilityPages } from './usability-pages.js';

/** A title and a meta description say what a page is, in the tab, in bookmarks and in search results. */
export const titleDescription: Check = {
  meta: {
    ...USABILITY_META,
    id: 'title-description',
    weight: 1,
    title: { es: 'Título y descripción de cada página', en: 'Title and description on every page' },
    hint: {
      es: 'Dé a cada página un <title> propio y una <meta name="description"> que resuma su contenido.',
      en: 'Give every page its own <title> and a <meta name="description"> summarising its content.',
    },
  },
  evaluate(evidence) {
    const found = usabilityPages(evidence);
    if ('output' in found) return found.output;
    const pointers = found.pages.flatMap((page) => {
      const missing = [!page.title.trim() && 'title', !page.description?.trim() && 'meta description'].filter(
        Boolean,
      );
      return missing.length ? [{ url: page.url, detail: `missing ${missing.join(' and ')}` }] : [];
    });
    if (pointers.length === 0) {
      return judge(
        true,
        [{ url: found.pages[0]!.url, detail: `title and description on ${found.pages.length} page(s)` }],
        0,
      );
    }
    return judge(false, capped(pointers, siteUrl(evidence)), pointers.length);
  },
};
