import { getDomain } from 'tldts-icann';
import type { OutboundLinksEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import { clip } from '@egov-monitor/rubric';

/** Registrable domain (ICANN public suffix list): "www.sat.gob.gt" → "sat.gob.gt"; IPs and localhost as is. */
function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

/**
 * links_to_agencies: one entry per distinct external host, with the first link seen (pages in crawl order, home
 * first). Hosts of the site itself and of its registrable domain (a ministry's own subdomains) are not external.
 * The rubric decides which hosts belong to other state institutions.
 */
export function collectOutboundLinks(
  site: Pick<SiteContext, 'pages' | 'siteHosts' | 'homeUrl'>,
): OutboundLinksEvidence {
  const ownHosts = new Set(site.siteHosts.map((h) => h.toLowerCase()));
  try {
    ownHosts.add(new URL(site.homeUrl).hostname.toLowerCase());
  } catch {
    // homeUrl is always absolute; nothing to add otherwise.
  }
  const ownDomains = new Set([...ownHosts].map(registrableDomain));
  const seen = new Map<string, OutboundLinksEvidence['hosts'][number]>();
  for (const page of site.pages) {
    for (const link of page.links) {
      let url: URL;
      try {
        url = new URL(link.href);
      } catch {
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      const host = url.hostname.toLowerCase().replace(/\.$/, '');
      if (!host || ownHosts.has(host) || ownDomains.has(registrableDomain(host)) || seen.has(host)) continue;
      seen.set(host, { host, href: url.href, text: clip(link.text || link.label, 120), fromUrl: page.url });
    }
  }
  return { hosts: [...seen.values()].sort((a, b) => a.host.localeCompare(b.host)) };
}

export const outboundLinksCollector: Collector<'outboundLinks'> = {
  kind: 'outboundLinks',
  async collect(site) {
    return collectOutboundLinks(site);
  },
};
