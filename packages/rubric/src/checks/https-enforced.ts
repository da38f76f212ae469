import type { Check } from './check.js';
import { judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/**
 * pshtt's "Strictly Forces HTTPS" or "Defaults to HTTPS", and never "Downgrades HTTPS": whoever types the
 * address without https:// ends up on the encrypted site.
 */
export const httpsEnforced: Check = {
  meta: {
    ...HTTPS_META,
    id: 'https-enforced',
    weight: 2,
    title: { es: 'Redirección de HTTP a HTTPS', en: 'HTTP redirects to HTTPS' },
    hint: {
      es: 'Redirija (301) toda petición http:// a la misma dirección en https://, tanto con www como sin www, y no redirija de https a http.',
      en: 'Redirect (301) every http:// request to the same address on https://, with and without www, and never redirect from https to http.',
    },
    judgedWhenFatal: true,
  },
  evaluate(evidence) {
    const found = probe(evidence, 'https-endpoint');
    if ('output' in found) return found.output;
    const { https } = found;
    const enforced = (https.strictlyForcesHttps || https.defaultsToHttps) && !https.downgradesHttps;
    const pointers = https.endpoints
      .filter((endpoint) => endpoint.url.startsWith('http://'))
      .map((endpoint) => ({
        url: endpoint.url,
        detail: !endpoint.live
          ? `does not answer${endpoint.error ? ` (${endpoint.error})` : ''}`
          : endpoint.redirectTo
            ? `${endpoint.status ?? '?'} → ${endpoint.redirectTo}`
            : `${endpoint.status ?? '?'} served over plain http, no redirect`,
      }));
    if (https.downgradesHttps) pointers.push({ url: found.url, detail: 'https redirects down to http' });
    return judge(enforced, pointers);
  },
};
