import type { HttpsEvidence } from '../evidence/standards.js';
import type { SiteEvidence } from '../evidence/site.js';
import type { CheckMeta, CheckOutput } from './check.js';
import { error, fail, gathered } from './check.js';
import { SECURITY } from './implements.js';

export const HTTPS_META: Pick<CheckMeta, 'area' | 'implements' | 'requiredEvidence'> = {
  area: 'security',
  implements: SECURITY,
  requiredEvidence: ['https'],
};

/** The URL a reviewer opens to see an HTTPS finding: the canonical https address, else any live https endpoint. */
export function httpsUrl(https: HttpsEvidence): string {
  if (https.redirectTarget?.startsWith('https://')) return https.redirectTarget;
  const live = https.endpoints.filter((endpoint) => endpoint.live && endpoint.url.startsWith('https://'));
  const canonical = live.find((endpoint) => endpoint.redirectTo === null) ?? live[0];
  return canonical?.url ?? `https://${https.domain}/`;
}

/**
 * The probe's data, or the outcome when there is nothing to judge: no endpoint answered at all (the site is
 * down, that is the scan's error, not an HTTPS finding), or, for checks about the HTTPS connection itself,
 * no HTTPS endpoint answered (a site that offers no HTTPS fails them).
 */
export function probe(
  evidence: SiteEvidence,
  needs: 'any-endpoint' | 'https-endpoint',
): { https: HttpsEvidence; url: string } | { output: CheckOutput } {
  const https = gathered(evidence, 'https');
  const url = httpsUrl(https);
  if (!https.live)
    return { output: error(url, `no endpoint of ${https.domain} answered over http or https`) };
  if (needs === 'https-endpoint' && !https.httpsLive) {
    return {
      output: fail([
        { url: `https://${https.domain}/`, detail: `${https.domain} does not answer over HTTPS` },
      ]),
    };
  }
  return { https, url };
}
