import type { Check } from './check.js';
import { fail, pass } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/**
 * The four response headers OWASP's Secure Headers Project recommends for any site: a Content-Security-Policy,
 * X-Content-Type-Options: nosniff, protection against framing (clickjacking), and a Referrer-Policy.
 */
export const securityHeaders: Check = {
  meta: {
    ...HTTPS_META,
    id: 'security-headers',
    weight: 1,
    title: { es: 'Cabeceras de seguridad', en: 'Security headers' },
    hint: {
      es: 'Envíe Content-Security-Policy, X-Content-Type-Options: nosniff, X-Frame-Options: SAMEORIGIN (o frame-ancestors en la CSP) y Referrer-Policy: strict-origin-when-cross-origin.',
      en: 'Send Content-Security-Policy, X-Content-Type-Options: nosniff, X-Frame-Options: SAMEORIGIN (or CSP frame-ancestors) and Referrer-Policy: strict-origin-when-cross-origin.',
    },
  },
  evaluate(evidence, settings) {
    const found = probe(evidence, 'any-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    const headers = https.securityHeaders;
    const csp = headers.contentSecurityPolicy?.trim() || null;
    const present = {
      'Content-Security-Policy': csp !== null,
      'X-Content-Type-Options': headers.xContentTypeOptions?.trim().toLowerCase() === 'nosniff',
      // Either header protects: X-Frame-Options is the old form, CSP frame-ancestors the standard one.
      'frame protection':
        Boolean(headers.frameProtection?.trim()) || /(^|;)\s*frame-ancestors\s/i.test(csp ?? ''),
      // "unsafe-url" sends the full address, query included, to every third party: no protection at all.
      'Referrer-Policy':
        Boolean(headers.referrerPolicy?.trim()) && !/\bunsafe-url\b/i.test(headers.referrerPolicy ?? ''),
    };
    const missing = Object.entries(present)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    const count = 4 - missing.length;
    const pointers = [
      {
        url,
        detail: [
          `Content-Security-Policy: ${headers.contentSecurityPolicy ?? 'missing'}`,
          `X-Content-Type-Options: ${headers.xContentTypeOptions ?? 'missing'}`,
          `frame protection: ${headers.frameProtection ?? 'missing'}`,
          `Referrer-Policy: ${headers.referrerPolicy ?? 'missing'}`,
        ].join(' | '),
      },
    ];
    if (count >= settings.thresholds.securityHeadersMin) return pass(pointers, count);
    return fail(pointers, count, {
      es: `Agregue las cabeceras que faltan: ${missing.join(', ')}.`,
      en: `Add the missing headers: ${missing.join(', ')}.`,
    });
  },
};
