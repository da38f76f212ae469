import type { HttpsEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import type { PageSnapshot } from '../page-snapshot.js';
import { probeHttps } from '../https/probe.js';
import type { EgressPolicy } from '../egress/policy.js';
import { fileExtension } from '../url/normalize.js';

/**
 * Network knobs of the HTTPS collector for tests (local servers on ephemeral ports, names mapped to
 * 127.0.0.1 by the policy's resolver). In a scan the CAs, user agent and egress policy come from SiteContext.
 */
export interface NetworkOverrides {
  extraCaPems?: string[];
  userAgent?: string;
  egress?: EgressPolicy;
  ports?: { http: number; https: number };
  timeoutMs?: number;
}

/**
 * Evidence for the HTTPS check (principle 7 *Proporcionalidad*, principle 2 *Legalidad*: privacy of
 * communications): the pshtt-style probe of the site's domain, plus mixed content seen during the crawl.
 */
export function createHttpsCollector(overrides: NetworkOverrides = {}): Collector<'https'> {
  return {
    kind: 'https',
    // The probe needs only the host: it still says something about a site whose home page failed.
    runsWithoutPages: true,
    async collect(site: SiteContext): Promise<HttpsEvidence> {
      const remaining = Math.max(1_000, site.deadline - Date.now());
      // One request's safety net is the page time limit: a server that does not answer within it is not live (pshtt),
      // the same verdict on a busy machine as on an idle one.
      // The domain the list names (pshtt judges the domain, redirects included), not where it ended up.
      const evidence = await probeHttps(site.target.url, {
        extraCaPems: overrides.extraCaPems ?? site.extraCaPems ?? [],
        userAgent: overrides.userAgent ?? site.userAgent,
        ...((overrides.egress ?? site.egress) ? { egress: overrides.egress ?? site.egress } : {}),
        ports: overrides.ports,
        timeoutMs: Math.min(overrides.timeoutMs ?? site.pageTimeoutMs ?? 10_000, remaining),
      });
      return { ...evidence, mixedContent: mixedContent(site.pages) };
    },
  };
}

export const httpsCollector = createHttpsCollector();

// Mixed Content Level 2 (https://www.w3.org/TR/mixed-content/#category-upgradeable): images, audio and video
// are "upgradeable" (Chromium retries them over https and never loads them insecurely); everything else
// (scripts, stylesheets, iframes, fonts, XHR/fetch, objects, workers) is "blockable" and Chromium blocks it.
const UPGRADEABLE_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'svg',
  'ico',
  'bmp',
  'tif',
  'tiff',
  'mp3',
  'mp4',
  'm4a',
  'm4v',
  'webm',
  'ogg',
  'oga',
  'ogv',
  'wav',
  'aac',
  'flac',
  'mov',
]);

/** http:// sub-resources of https pages, one entry per page and resource, in crawl order. */
export function mixedContent(pages: PageSnapshot[]): HttpsEvidence['mixedContent'] {
  const found: HttpsEvidence['mixedContent'] = [];
  for (const page of pages) {
    if (!page.url.startsWith('https:')) continue;
    // Active elements are blockable whatever the file name; a blocked script may never reach `resources`.
    const active = new Set([...page.scripts, ...page.iframes]);
    const candidates = [...new Set([...page.resources, ...page.scripts, ...page.iframes])]
      .filter((url) => url.toLowerCase().startsWith('http://'))
      .sort();
    for (const resourceUrl of candidates) {
      const blocked = active.has(resourceUrl) || !UPGRADEABLE_EXTENSIONS.has(fileExtension(resourceUrl));
      found.push({ pageUrl: page.url, resourceUrl, blocked });
    }
  }
  return found;
}
