/**
 * Builders for collector unit tests: hand-built PageSnapshots and a fake SiteContext whose network answers come
 * from a table. Only tests import this module.
 */
import type { BrowserContext } from 'playwright-core';
import type { CrawlEvidence, Incompleteness, PageRecord } from '@egov-monitor/rubric';
import type { CertificateCheck } from '../../https/certificate-check.js';
import type { PageSnapshot, SnapshotForm, SnapshotFormField, SnapshotLink } from '../../page-snapshot.js';
import type { FetchedResource, SiteContext } from '../collector.js';

export function link(href: string, text: string, extra: Partial<SnapshotLink> = {}): SnapshotLink {
  return {
    href,
    text,
    label: '',
    rel: '',
    inNav: false,
    inFooter: false,
    context: '',
    download: false,
    ...extra,
  };
}

export function field(name: string, extra: Partial<SnapshotFormField> = {}): SnapshotFormField {
  return {
    tag: 'input',
    type: 'text',
    name,
    id: name,
    placeholder: '',
    autocomplete: '',
    label: '',
    required: false,
    ...extra,
  };
}

export function form(extra: Partial<SnapshotForm> = {}): SnapshotForm {
  return {
    action: '',
    method: 'get',
    role: '',
    id: '',
    name: '',
    selector: 'form',
    fields: [],
    submitTexts: [],
    ...extra,
  };
}

/** A snapshot with everything empty except what the test gives. */
export function snapshot(url: string, extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url,
    requestedUrl: url,
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-type': 'text/html; charset=utf-8' },
    title: '',
    lang: 'es',
    metaDescription: '',
    viewport: 'width=device-width, initial-scale=1',
    meta: {},
    headings: [],
    text: '',
    links: [],
    forms: [],
    scripts: [],
    inlineScripts: [],
    iframes: [],
    widgets: [],
    searchBox: null,
    dates: [],
    resources: [],
    transferBytes: 0,
    layout: { smallTextRatio: 0, smallTapTargets: 0, horizontalOverflow: false },
    soft404: false,
    depth: 0,
    ...extra,
  };
}

export interface FakeResponse {
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  finalUrl?: string;
  error?: string;
}

export interface FakeSiteOptions {
  pages: PageSnapshot[];
  homeUrl?: string;
  siteHosts?: string[];
  /** Network answers by absolute URL; anything else answers 404 with an HTML "not found" page. */
  responses?: Record<string, FakeResponse>;
  /** TLS verdicts by host; unknown hosts are valid. */
  certificates?: Record<string, Partial<CertificateCheck>>;
  browser?: BrowserContext;
  scannedAt?: string;
  deadline?: number;
  /** The crawl's records (status, soft 404) of pages, as the site scan hands them to collectors. */
  crawlPages?: Partial<PageRecord>[];
}

/** A browser that refuses to open pages: unit tests must not depend on a live browser. */
const noBrowser = new Proxy(
  {},
  {
    get(_target, property) {
      return () => {
        throw new Error(`no browser in unit tests (BrowserContext.${String(property)})`);
      };
    },
  },
) as BrowserContext;

export function fakeSite(
  options: FakeSiteOptions,
): SiteContext & { fetched: string[]; logs: string[]; incomplete: Incompleteness[] } {
  const homeUrl = options.homeUrl ?? options.pages[0]?.url ?? 'https://www.ejemplo.gob.gt/';
  const home = new URL(homeUrl);
  const siteHosts = options.siteHosts ?? [
    home.hostname,
    home.hostname.startsWith('www.') ? home.hostname.slice(4) : `www.${home.hostname}`,
  ];
  const fetched: string[] = [];
  const logs: string[] = [];
  const incomplete: Incompleteness[] = [];
  const crawl: CrawlEvidence | undefined = options.crawlPages && {
    startUrl: homeUrl,
    homeUrl,
    homeStatus: 200,
    pages: options.crawlPages.map((page) => ({
      url: homeUrl,
      status: 200,
      contentType: 'text/html',
      title: '',
      depth: 1,
      foundVia: 'link',
      linkedFromSite: true,
      soft404: false,
      isSearchResult: false,
      words: 300,
      analysed: false,
      ...page,
    })),
    robots: { url: `${home.origin}/robots.txt`, found: false, disallowedPathsSkipped: 0 },
    sitemap: { urls: [], found: false, urlCount: 0 },
    budget: { maxPages: 30, maxDepth: 4 },
  };
  return {
    target: { url: homeUrl },
    homeUrl,
    siteHosts,
    pages: options.pages,
    browser: options.browser ?? noBrowser,
    fetched,
    logs,
    incomplete,
    markIncomplete: (reason) => incomplete.push(reason),
    ...(crawl ? { crawl } : {}),
    async fetch(url, fetchOptions = {}): Promise<FetchedResource> {
      fetched.push(`${fetchOptions.method ?? 'GET'} ${url}`);
      const answer: FakeResponse = options.responses?.[url] ?? {
        status: 404,
        contentType: 'text/html',
        body: '<html><title>404</title><h1>Página no encontrada</h1></html>',
      };
      const body =
        typeof answer.body === 'string' ? Buffer.from(answer.body) : (answer.body ?? Buffer.alloc(0));
      const cap = fetchOptions.maxBytes ?? 64 * 1024;
      const contentType = answer.contentType ?? 'text/html';
      return {
        url,
        finalUrl: answer.finalUrl ?? url,
        status: answer.status ?? 200,
        contentType,
        headers: { 'content-type': contentType, ...(answer.headers ?? {}) },
        bytes: body.length,
        head: fetchOptions.method === 'HEAD' ? Buffer.alloc(0) : body.subarray(0, cap),
        ...(answer.error ? { error: answer.error } : {}),
      };
    },
    async checkCertificate(url): Promise<CertificateCheck> {
      const verdict = options.certificates?.[new URL(url).hostname] ?? {};
      return {
        valid: true,
        problem: null,
        protocol: 'TLSv1.3',
        validTo: '2027-12-31T00:00:00.000Z',
        selfSigned: false,
        ...verdict,
      };
    },
    isSameSite(url) {
      try {
        return siteHosts.includes(new URL(url).hostname);
      } catch {
        return false;
      }
    },
    deadline: options.deadline ?? Date.now() + 60_000,
    scannedAt: options.scannedAt ?? '2026-11-20T15:00:00.000Z',
    log(message) {
      logs.push(message);
    },
  };
}
