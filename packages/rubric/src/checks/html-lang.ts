import type { Check } from './check.js';
import { capped, judge, siteUrl } from './check.js';
import { USABILITY_META, usabilityPages } from './usability-pages.js';
import type { UsabilityPage } from './usability-pages.js';

function primarySubtag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * WCAG 2.x SC 3.1.1: the page declares its language, so screen readers pronounce it right. A declared language
 * that contradicts the text (lang="en" on a Spanish page) is as wrong as none; when the text's language could not
 * be detected, the declaration alone is judged.
 */
export function langProblem(page: UsabilityPage): string | null {
  if (!page.lang?.trim()) return 'no lang attribute on <html>';
  if (page.contentLang && primarySubtag(page.lang) !== primarySubtag(page.contentLang)) {
    return `lang="${page.lang}" but the text reads as "${page.contentLang}"`;
  }
  return null;
}

export const htmlLang: Check = {
  meta: {
    ...USABILITY_META,
    id: 'html-lang',
    weight: 1,
    title: { es: 'Idioma de la página declarado', en: 'Page language declared' },
    hint: {
      es: 'Declare el idioma real del contenido en la etiqueta <html>, p. ej. <html lang="es">.',
      en: 'Declare the real language of the content on the <html> tag, e.g. <html lang="es">.',
    },
  },
  evaluate(evidence) {
    const found = usabilityPages(evidence);
    if ('output' in found) return found.output;
    const pointers = found.pages.flatMap((page) => {
      const problem = langProblem(page);
      return problem ? [{ url: page.url, detail: problem }] : [];
    });
    if (pointers.length === 0) {
      const first = found.pages[0]!;
      return judge(
        true,
        [{ url: first.url, detail: `lang="${first.lang}" on ${found.pages.length} page(s)` }],
        0,
      );
    }
    return judge(false, capped(pointers, siteUrl(evidence)), pointers.length);
  },
};
