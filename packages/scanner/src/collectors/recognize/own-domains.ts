/**
 * Whose a URL is: the institution's own (the site's hosts, their registrable domain, or a domain the URL list
 * declares as the institution's) or someone else's. A sign-in page on a third party is not the institution's
 * service; a link to the institution's own portal on another host is not "another agency".
 */
import { getDomain } from 'tldts-icann';
import type { SiteContext } from '../collector.js';
import { hostOf } from '../../url/normalize.js';

/** Registrable domain (ICANN public suffix list): "portal.sat.gob.gt" → "sat.gob.gt"; IPs and localhost as is. */
export function registrableDomainOf(host: string): string {
  const clean = host.toLowerCase().replace(/\.$/, '');
  return getDomain(clean, { allowPrivateDomains: false }) ?? clean;
}

/** A predicate: the URL belongs to the institution the site is. */
export function ownUrl(
  site: Pick<SiteContext, 'siteHosts' | 'homeUrl' | 'target'>,
): (url: string) => boolean {
  const hosts = new Set(
    [...site.siteHosts.map((h) => h.toLowerCase()), hostOf(site.homeUrl)].filter(Boolean),
  );
  const domains = new Set([...hosts].map(registrableDomainOf));
  const declared = (site.target.domains ?? []).map((d) => d.toLowerCase().replace(/^\.|\.$/g, ''));
  return (url) => {
    const host = hostOf(url);
    if (!host) return false;
    return (
      hosts.has(host) ||
      domains.has(registrableDomainOf(host)) ||
      declared.some((domain) => host === domain || host.endsWith(`.${domain}`))
    );
  };
}
