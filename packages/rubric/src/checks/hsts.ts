import type { Check } from './check.js';
import { judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/** RFC 6797: the browser is told to use HTTPS only, so a later visit is never silently downgraded. */
export const hsts: Check = {
  meta: {
    ...HTTPS_META,
    id: 'hsts',
    weight: 1,
    title: { es: 'Cabecera HSTS', en: 'HSTS header' },
    hint: {
      es: 'Envíe la cabecera Strict-Transport-Security en las respuestas HTTPS, p. ej. «Strict-Transport-Security: max-age=31536000; includeSubDomains».',
      en: 'Send the Strict-Transport-Security header on HTTPS responses, e.g. "Strict-Transport-Security: max-age=31536000; includeSubDomains".',
    },
    judgedWhenFatal: true,
  },
  evaluate(evidence) {
    const found = probe(evidence, 'https-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    const detail = https.hsts
      ? `Strict-Transport-Security max-age=${https.hstsMaxAge ?? '?'}${https.hstsIncludeSubdomains ? '; includeSubDomains' : ''}${https.hstsPreload ? '; preload' : ''}`
      : 'no Strict-Transport-Security header';
    return judge(https.hsts, [{ url, detail }], https.hsts);
  },
};
