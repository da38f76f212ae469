import type { BrowserContext } from 'playwright-core';
import type { PageSnapshot } from '../../page-snapshot.js';
import { snapshot as baseSnapshot } from './builders.js';
import type { FetchedResource, SiteContext } from '../collector.js';

// link() and form() are the collectors' own builders; snapshot() differs only in its defaults.
export { form, link } from './builders.js';

/**
 * A PageSnapshot with everything empty, declared lang, viewport and headers included (the usability and
 * recommendations tests are about their absence); tests set only what they are about.
 */
export function snapshot(partial: Partial<PageSnapshot> & { url: string }): PageSnapshot {
  return baseSnapshot(partial.url, { headers: {}, lang: '', viewport: '', ...partial });
}

/** A SiteContext over hand-built snapshots; `fetch` answers from a table, 404 for anything else. */
export function siteContext(
  pages: PageSnapshot[],
  options: { fetch?: Record<string, Partial<FetchedResource>>; extra?: Partial<SiteContext> } = {},
): SiteContext {
  const home = pages[0]?.url ?? 'https://example.gob.gt/';
  const siteHosts = [...new Set(pages.map((p) => new URL(p.url).hostname))];
  const fetched: string[] = [];
  return {
    target: { url: home },
    homeUrl: home,
    siteHosts,
    pages,
    browser: undefined as unknown as BrowserContext,
    async fetch(url) {
      fetched.push(url);
      const answer = options.fetch?.[url];
      return {
        url,
        finalUrl: url,
        status: 404,
        contentType: 'text/html',
        headers: {},
        bytes: 0,
        head: Buffer.alloc(0),
        ...answer,
      };
    },
    async checkCertificate() {
      return { valid: true, problem: null, protocol: 'TLSv1.3', validTo: null, selfSigned: false };
    },
    isSameSite(url) {
      try {
        return siteHosts.includes(new URL(url).hostname);
      } catch {
        return false;
      }
    },
    deadline: Date.now() + 60_000,
    scannedAt: '2026-11-14T12:00:00.000Z',
    log() {},
    ...options.extra,
  };
}
