import { siteIdentity } from '../identity/url-identity.js';
import type { SiteResult } from '../results.js';

export interface SitePair<P extends { url: string } = SiteResult, C extends { url: string } = SiteResult> {
  key: string;
  previous: P | null;
  current: C | null;
}

/**
 * Pairs each site of the current run with the same site of the previous one, by normalised URL: current sites in
 * their list order, then the sites that left the list in theirs. Should a list repeat a site, the n-th copy pairs
 * with the n-th copy.
 */
export function matchSites<P extends { url: string }, C extends { url: string }>(
  previous: readonly P[],
  current: readonly C[],
): SitePair<P, C>[] {
  const waiting = new Map<string, P[]>();
  for (const site of previous) {
    const key = siteIdentity(site.url);
    const same = waiting.get(key);
    if (same) same.push(site);
    else waiting.set(key, [site]);
  }
  const pairs: SitePair<P, C>[] = current.map((site) => {
    const key = siteIdentity(site.url);
    const match = waiting.get(key)?.shift() ?? null;
    return { key, previous: match, current: site };
  });
  for (const site of previous) {
    const key = siteIdentity(site.url);
    const left = waiting.get(key);
    if (left?.[0] === site) {
      left.shift();
      pairs.push({ key, previous: site, current: null });
    }
  }
  return pairs;
}
