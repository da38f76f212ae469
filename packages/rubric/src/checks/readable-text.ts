import type { Check } from './check.js';
import { judge } from './check.js';
import { USABILITY_META, usabilityPages } from './usability-pages.js';

/** As Lighthouse's font-size audit: too much text under 12px is hard to read on a phone. */
export const readableText: Check = {
  meta: {
    ...USABILITY_META,
    id: 'readable-text',
    weight: 1,
    title: { es: 'Texto legible en el teléfono', en: 'Text readable on a phone' },
    hint: {
      es: 'Use un tamaño de letra de al menos 12px (mejor 16px) para el texto del contenido.',
      en: 'Use a font size of at least 12px (16px is better) for body text.',
    },
  },
  evaluate(evidence, settings) {
    const found = usabilityPages(evidence);
    if ('output' in found) return found.output;
    const maximum = settings.thresholds.maxSmallTextRatio;
    const pointers = found.pages.map((page) => ({
      url: page.url,
      detail: `${(page.smallTextRatio * 100).toFixed(1)}% of the text below 12px (maximum ${(maximum * 100).toFixed(1)}%)`,
    }));
    const worst = Math.max(...found.pages.map((page) => page.smallTextRatio));
    return judge(worst <= maximum, pointers, Math.round(worst * 1000) / 1000);
  },
};
