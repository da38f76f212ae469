import { getDomain } from 'tldts-icann';

/**
 * Which hosts are "this site": the start host, its www twin, and the host the home page ended at after redirects
 * (mineduc.gob.gt → www.mineduc.gob.gt, or a new domain the agency moved to) with its twin. Other subdomains of a
 * government domain are usually other agencies' sites, so they are not followed.
 */

/** The registrable domain from the public-suffix list (ICANN section): www.mineduc.gob.gt → mineduc.gob.gt. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return getDomain(h) ?? h;
}

export function wwwTwin(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : `www.${host}`;
}

/** The site's hosts, sorted, from the start URL and the URL the home page ended at. */
export function siteHostsFor(startUrl: string, finalUrl: string): string[] {
  const hosts = new Set<string>();
  const start = new URL(startUrl).host.toLowerCase();
  hosts.add(start);
  if (!/^[\d.[\]:]+$/.test(new URL(startUrl).hostname)) hosts.add(wwwTwin(start));
  try {
    // Where the home page ended up is the site, even on a new domain (an agency that moved keeps its old URL).
    const finalHost = new URL(finalUrl).host.toLowerCase();
    hosts.add(finalHost);
    if (!/^[\d.[\]:]+$/.test(new URL(finalUrl).hostname)) hosts.add(wwwTwin(finalHost));
  } catch {
    // An unparsable final URL adds nothing.
  }
  return [...hosts].sort();
}

/** Same site: the URL's host (with port) is one of the site's hosts. http and https both count. */
export function isSameSiteUrl(url: string, siteHosts: readonly string[]): boolean {
  try {
    return siteHosts.includes(new URL(url).host.toLowerCase());
  } catch {
    return false;
  }
}
