import type { Check } from './check.js';
import { judge } from './check.js';
import { USABILITY_META, usabilityPages } from './usability-pages.js';

/** Bytes cost time and money on the slow, metered connections of rural areas. */
export const pageWeight: Check = {
  meta: {
    ...USABILITY_META,
    id: 'page-weight',
    weight: 2,
    title: { es: 'Peso de la página', en: 'Page weight' },
    hint: {
      es: 'Reduzca el peso de las páginas: comprima y redimensione imágenes, elimine scripts y fuentes que no se usan, habilite compresión gzip/brotli.',
      en: 'Make pages lighter: compress and resize images, drop unused scripts and fonts, enable gzip/brotli compression.',
    },
  },
  evaluate(evidence, settings) {
    const found = usabilityPages(evidence);
    if ('output' in found) return found.output;
    const maximum = settings.thresholds.maxPageBytes;
    const pointers = found.pages.map((page) => ({
      url: page.url,
      detail: `${page.pageBytes} bytes transferred (maximum ${maximum})`,
    }));
    const heaviest = Math.max(...found.pages.map((page) => page.pageBytes));
    return judge(heaviest <= maximum, pointers, heaviest);
  },
};
