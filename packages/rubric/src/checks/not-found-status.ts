import type { Check } from './check.js';
import { gathered, judge } from './check.js';
import { USABILITY_META } from './usability-pages.js';

/**
 * A missing page must say so with 404 (or 410 Gone): a "soft 404" (200 with an error page, or a redirect to the
 * home page) misleads people, search engines and link checkers alike.
 */
export const notFoundStatus: Check = {
  meta: {
    ...USABILITY_META,
    id: 'not-found-status',
    weight: 1,
    title: { es: 'Páginas inexistentes responden 404', en: 'Missing pages answer 404' },
    hint: {
      es: 'Configure el servidor para que una dirección inexistente responda con el código 404 y una página de ayuda, no con 200 ni con una redirección a la portada.',
      en: 'Configure the server so a missing address answers with status 404 and a helpful page, not with 200 or a redirect to the home page.',
    },
  },
  evaluate(evidence) {
    const { notFoundProbe } = gathered(evidence, 'usability');
    // The status decides; a 404 whose page also reads "no encontrada" is the right answer, not a soft 404.
    const ok = notFoundProbe.status === 404 || notFoundProbe.status === 410;
    const detail =
      !ok && notFoundProbe.soft404
        ? `answers ${notFoundProbe.status} with a "not found" page (soft 404)`
        : `answers ${notFoundProbe.status}`;
    return judge(ok, [{ url: notFoundProbe.url, detail }], notFoundProbe.status);
  },
};
