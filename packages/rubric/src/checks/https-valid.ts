import type { Check } from './check.js';
import { judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/** pshtt's "Valid HTTPS": the https endpoint answers with a trusted, matching, unexpired certificate. */
export const httpsValid: Check = {
  meta: {
    ...HTTPS_META,
    id: 'https-valid',
    weight: 3,
    title: { es: 'HTTPS con certificado válido', en: 'HTTPS with a valid certificate' },
    hint: {
      es: 'Sirva el sitio por HTTPS con un certificado emitido por una autoridad reconocida, para el nombre exacto del sitio, vigente y con la cadena intermedia completa (p. ej. Let’s Encrypt).',
      en: 'Serve the site over HTTPS with a certificate from a trusted authority, for the exact host name, unexpired and with the full intermediate chain (e.g. Let’s Encrypt).',
    },
    judgedWhenFatal: true,
  },
  evaluate(evidence) {
    const found = probe(evidence, 'https-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    const defects = [
      https.badChain && 'untrusted or incomplete certificate chain',
      https.badHostname && 'certificate does not match the host name',
      https.expired && 'certificate expired',
      https.selfSigned && 'self-signed certificate',
    ].filter((defect): defect is string => typeof defect === 'string');
    const detail = https.validHttps ? 'valid certificate' : defects.join('; ') || 'certificate not valid';
    return judge(https.validHttps, [{ url, detail }], https.validHttps);
  },
};
