import type { Check } from './check.js';
import { judge } from './check.js';
import { USABILITY_META, usabilityPages } from './usability-pages.js';

// WCAG 2.2 SC 2.5.8 Target Size (Minimum): targets of at least 24×24 CSS px, or spaced as if they were.
export const tapTargets: Check = {
  meta: {
    ...USABILITY_META,
    id: 'tap-targets',
    weight: 1,
    title: { es: 'Botones y enlaces fáciles de tocar', en: 'Buttons and links easy to tap' },
    hint: {
      es: 'Haga que botones, enlaces e íconos midan al menos 24×24 px o deje espacio suficiente entre ellos (WCAG 2.2, criterio 2.5.8).',
      en: 'Make buttons, links and icons at least 24×24 px or leave enough space between them (WCAG 2.2 SC 2.5.8).',
    },
  },
  evaluate(evidence, settings) {
    const found = usabilityPages(evidence);
    if ('output' in found) return found.output;
    const maximum = settings.thresholds.maxSmallTapTargets;
    const pointers = found.pages.map((page) => ({
      url: page.url,
      detail: `${page.smallTapTargets} target(s) smaller than 24×24 px (maximum ${maximum})`,
    }));
    const worst = Math.max(...found.pages.map((page) => page.smallTapTargets));
    return judge(worst <= maximum, pointers, worst);
  },
};
