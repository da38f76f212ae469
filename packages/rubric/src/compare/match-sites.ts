import type { SiteResult } from '../results.js';
import { normalizeSiteUrl } from './normalize-url.js';

export interface SitePair {
  key: string;
  previous: SiteResult | null;
  current: SiteResult | null;
}

/**
 * Pairs each site of the current run with the same site of the previous one, by normalised URL: current sites in
 * their list order, then the sites that left the list in theirs. Should a list repeat a site, the n-th copy pairs
 * with the n-th copy.
 */
export function matchSites(previous: SiteResult[], current: SiteResult[]): SitePair[] {
  const waiting = new Map<string, SiteResult[]>();
  for (const site of previous) {
    const key = normalizeSiteUrl(site.url);
    waiting.set(key, [...(waiting.get(key) ?? []), site]);
  }
  const pairs: SitePair[] = current.map((site) => {
    const key = normalizeSiteUrl(site.url);
    const match = waiting.get(key)?.shift() ?? null;
    return { key, previous: match, current: site };
  });
  for (const site of previous) {
    const key = normalizeSiteUrl(site.url);
    const left = waiting.get(key);
    if (left?.[0] === site) {
      left.shift();
      pairs.push({ key, previous: site, current: null });
    }
  }
  return pairs;
}
