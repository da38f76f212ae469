import type { Check } from './check.js';
import { capped, judge, notApplicable } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/** An https page that loads http:// resources leaks them to the network and lets them be tampered with. */
export const noMixedContent: Check = {
  meta: {
    ...HTTPS_META,
    id: 'no-mixed-content',
    weight: 2,
    title: { es: 'Sin contenido mixto', en: 'No mixed content' },
    hint: {
      es: 'Cargue todas las imágenes, scripts, hojas de estilo y marcos por https:// (o con rutas relativas) en las páginas servidas por HTTPS.',
      en: 'Load every image, script, stylesheet and frame over https:// (or with relative paths) on pages served over HTTPS.',
    },
  },
  evaluate(evidence) {
    const found = probe(evidence, 'any-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    if (!https.httpsLive) return notApplicable(url, 'no page is served over HTTPS, so none can mix content');
    const items = [...https.mixedContent].sort(
      (a, b) => a.pageUrl.localeCompare(b.pageUrl) || a.resourceUrl.localeCompare(b.resourceUrl),
    );
    if (items.length === 0)
      return judge(true, [{ url, detail: 'no http:// resource on the https pages crawled' }], 0);
    const pointers = items.map((item) => ({
      url: item.pageUrl,
      detail: `loads ${item.resourceUrl}${item.blocked ? ' (blocked by the browser)' : ''}`,
    }));
    return judge(false, capped(pointers, url), items.length);
  },
};
