import type { Check } from './check.js';
import { error, judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/** Enough validity left that a forgotten renewal does not take the service down next week. */
export const certificateExpiry: Check = {
  meta: {
    ...HTTPS_META,
    id: 'certificate-expiry',
    weight: 2,
    title: { es: 'Vigencia del certificado', en: 'Certificate validity left' },
    hint: {
      es: 'Renueve el certificado antes de que venza y automatice la renovación (p. ej. ACME / Let’s Encrypt).',
      en: 'Renew the certificate before it expires and automate renewal (e.g. ACME / Let’s Encrypt).',
    },
    judgedWhenFatal: true,
  },
  evaluate(evidence, settings) {
    const found = probe(evidence, 'https-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    const days = https.certificateDaysLeft;
    if (days === null) return error(url, 'the certificate expiry date was not recorded');
    const minimum = settings.thresholds.certificateMinDaysLeft;
    const detail = days < 0 ? `expired ${-days} day(s) ago` : `${days} day(s) left (minimum ${minimum})`;
    return judge(days >= minimum, [{ url, detail }], days);
  },
};
