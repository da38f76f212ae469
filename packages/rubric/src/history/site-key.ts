/**
 * The one identity of a site in the history: trend keys and the names of the site's pages build on it, so a list
 * that moved from http:// to https:// or dropped a `www.` keeps one trend per site. It is the product's one site
 * identity (identity/url-identity.ts, also the issue marker's and the comparison's). Readers recompute it from each
 * run's URL instead of trusting the stored `id`, so a change of that rule re-keys every run consistently.
 */
import { siteIdentity } from '../identity/url-identity.js';

export function historySiteKey(url: string): string {
  return siteIdentity(url);
}
