import type { BrowserContext } from 'playwright-core';
import type { PageSnapshot, SnapshotForm, SnapshotLink } from '../../../page-snapshot.js';
import type { FetchedResource, SiteContext } from '../../collector.js';

/** A PageSnapshot with sensible empty defaults; tests set only what they are about. */
export function snapshot(partial: Partial<PageSnapshot> & { url: string }): PageSnapshot {
  return {
    requestedUrl: partial.url,
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: {},
    title: '',
    lang: '',
    metaDescription: '',
    viewport: '',
    meta: {},
    headings: [],
    text: '',
    links: [],
    forms: [],
    scripts: [],
    inlineScripts: [],
    iframes: [],
    dates: [],
    resources: [],
    transferBytes: 0,
    layout: { smallTextRatio: 0, smallTapTargets: 0, horizontalOverflow: false },
    soft404: false,
    depth: 0,
    ...partial,
  };
}

export function link(href: string, text: string, extra: Partial<SnapshotLink> = {}): SnapshotLink {
  return { href, text, label: '', rel: '', inNav: false, inFooter: false, context: '', download: false, ...extra };
}

export function form(partial: Partial<SnapshotForm> = {}): SnapshotForm {
  return { action: '', method: 'get', role: '', id: '', name: '', selector: 'form', fields: [], submitTexts: [], ...partial };
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
