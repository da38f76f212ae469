import type { Check } from './check.js';
import { judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/** HSTS that lasts: max-age of at least a year (pshtt's "Strong HSTS", the HSTS preload list's minimum). */
export const hstsStrong: Check = {
  meta: {
    ...HTTPS_META,
    id: 'hsts-strong',
    weight: 1,
    title: { es: 'HSTS de larga duración', en: 'Long-lived HSTS' },
    hint: {
      es: 'Aumente el max-age de Strict-Transport-Security a un año como mínimo (31536000 segundos).',
      en: 'Raise the Strict-Transport-Security max-age to at least one year (31536000 seconds).',
    },
    judgedWhenFatal: true,
  },
  evaluate(evidence, settings) {
    const found = probe(evidence, 'https-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    const minimum = settings.thresholds.hstsMinMaxAgeSeconds;
    const maxAge = https.hsts ? https.hstsMaxAge : null;
    const detail =
      maxAge === null ? 'no Strict-Transport-Security max-age' : `max-age=${maxAge} (minimum ${minimum})`;
    return judge(maxAge !== null && maxAge >= minimum, [{ url, detail }], maxAge);
  },
};
