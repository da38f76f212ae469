/**
 * The one identity of a site in the history: trend keys and the names of the site's pages build on it, so a list
 * that moved from http:// to https:// or dropped a `www.` keeps one trend per site. Readers recompute it from each
 * run's URL instead of trusting the stored `id`, so swapping this body for #11's `siteIdentity()` re-keys every
 * run consistently.
 */
import { normalizeSiteUrl } from '../compare/normalize-url.js';

export function historySiteKey(url: string): string {
  return normalizeSiteUrl(url);
}
