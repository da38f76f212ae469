import type { Check } from './check.js';
import { error, judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/**
 * The negotiated protocol as a number: "TLSv1.3" → 1.3, "TLSv1" → 1.0; SSL versions are below 1 (SSLv3 → 0.3).
 * Null when the name is not a protocol we know.
 */
export function tlsVersionNumber(name: string): number | null {
  const match = /^(TLS|SSL)v?\s*(\d)(?:\.(\d))?$/i.exec(name.trim());
  if (!match) return null;
  const version = Number(`${match[2]}.${match[3] ?? '0'}`);
  return match[1]!.toUpperCase() === 'SSL' ? version / 10 : version;
}

/** TLS 1.0 and 1.1 are deprecated (RFC 8996); TLS 1.2 is the floor. */
export const tlsVersion: Check = {
  meta: {
    ...HTTPS_META,
    id: 'tls-version',
    weight: 2,
    title: { es: 'Versión de TLS actual', en: 'Current TLS version' },
    hint: {
      es: 'Configure el servidor para negociar TLS 1.2 o 1.3 y desactive SSL, TLS 1.0 y TLS 1.1 (RFC 8996).',
      en: 'Configure the server to negotiate TLS 1.2 or 1.3 and disable SSL, TLS 1.0 and TLS 1.1 (RFC 8996).',
    },
    judgedWhenFatal: true,
  },
  evaluate(evidence, settings) {
    const found = probe(evidence, 'https-endpoint');
    if ('output' in found) return found.output;
    const { https, url } = found;
    if (https.tlsVersion === null) return error(url, 'the TLS version was not recorded');
    const version = tlsVersionNumber(https.tlsVersion);
    if (version === null) return error(url, `unrecognised TLS version "${https.tlsVersion}"`);
    const minimum = settings.thresholds.minTlsVersion;
    return judge(
      version >= minimum,
      [{ url, detail: `${https.tlsVersion} (minimum TLS ${minimum.toFixed(1)})` }],
      https.tlsVersion,
    );
  },
};
