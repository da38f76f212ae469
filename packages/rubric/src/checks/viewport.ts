import type { Check } from './check.js';
import { capped, judge, siteUrl } from './check.js';
import { USABILITY_META, usabilityPages } from './usability-pages.js';

/** As Lighthouse's `viewport` audit: a meta viewport that sets a width or an initial scale adapts to phones. */
export function hasMobileViewport(content: string | null): boolean {
  return content !== null && /(^|[,;\s])(width|initial-scale)\s*=/i.test(content);
}

export const viewport: Check = {
  meta: {
    ...USABILITY_META,
    id: 'viewport',
    weight: 2,
    title: { es: 'Adaptado a teléfonos (viewport)', en: 'Fits phones (viewport)' },
    hint: {
      es: 'Agregue <meta name="viewport" content="width=device-width, initial-scale=1"> en el <head> de cada página y use un diseño adaptable.',
      en: 'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to the <head> of every page and use a responsive layout.',
    },
  },
  evaluate(evidence) {
    const found = usabilityPages(evidence);
    if ('output' in found) return found.output;
    const failing = found.pages.filter((page) => !hasMobileViewport(page.viewport));
    if (failing.length === 0) {
      return judge(
        true,
        [
          {
            url: found.pages[0]!.url,
            detail: `viewport "${found.pages[0]!.viewport}" on ${found.pages.length} page(s)`,
          },
        ],
        0,
      );
    }
    const pointers = failing.map((page) => ({
      url: page.url,
      detail: page.viewport === null ? 'no meta viewport' : `meta viewport "${page.viewport}" sets no width`,
    }));
    return judge(false, capped(pointers, siteUrl(evidence)), failing.length);
  },
};
