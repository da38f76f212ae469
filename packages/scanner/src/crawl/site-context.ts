import type { BrowserContext } from 'playwright-core';
import type { CountryProfile, CrawlEvidence, SiteTarget } from '@egov-monitor/rubric';
import type { FetchedResource, SiteContext } from '../collectors/collector.js';
import type { EgressPolicy } from '../egress/policy.js';
import { checkCertificate, type CertificateCheck } from '../https/certificate-check.js';
import type { PageSnapshot } from '../page-snapshot.js';
import { isSameSiteUrl } from '../url/site-hosts.js';
import { HEAD_BYTES, httpFetch } from './http-fetch.js';
import type { TabPool } from './tab-pool.js';

/**
 * The most a collector may ask `fetch` to keep of one body: a document read whole (downloadable_forms reads up to
 * data/verification.json's `downloads.maxBytes`); everything else asks for a sniffable head.
 */
export const MAX_FETCH_BYTES = 32 * 1024 * 1024;

export interface SiteContextInput {
  target: SiteTarget;
  homeUrl: string;
  siteHosts: string[];
  pages: PageSnapshot[];
  browser: BrowserContext;
  tabs?: TabPool;
  deadline: number;
  scannedAt: string;
  userAgent: string;
  extraCaPems: string[];
  /** ScanOptions.profile: the country's facts collectors read (national portals, the law's phrases). */
  profile: CountryProfile;
  /** The site's egress policy: every Node-side connection of its collectors goes through it. */
  egress: EgressPolicy;
  pageTimeoutMs: number;
  now: () => number;
  log: (message: string) => void;
  crawl?: CrawlEvidence;
  notFoundProbe?: { url: string; status: number; soft404: boolean };
  lighthouse?: SiteContext['lighthouse'];
}

/** Cookie header of the browser context for a URL, so fetches continue the same visit. */
export function cookieHeader(browser: BrowserContext): (url: string) => Promise<string> {
  return async (url) =>
    (await browser.cookies(url)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** The collectors' view of one site scan (collectors/collector.ts). */
export function createSiteContext(input: SiteContextInput): SiteContext {
  const certificates = new Map<string, Promise<CertificateCheck>>();
  return {
    target: input.target,
    homeUrl: input.homeUrl,
    siteHosts: input.siteHosts,
    pages: input.pages,
    browser: input.browser,
    ...(input.tabs ? { tabs: input.tabs } : {}),
    deadline: input.deadline,
    pageTimeoutMs: input.pageTimeoutMs,
    now: input.now,
    scannedAt: input.scannedAt,
    userAgent: input.userAgent,
    extraCaPems: input.extraCaPems,
    profile: input.profile,
    egress: input.egress,
    ...(input.crawl ? { crawl: input.crawl } : {}),
    ...(input.notFoundProbe ? { notFoundProbe: input.notFoundProbe } : {}),
    ...(input.lighthouse ? { lighthouse: input.lighthouse } : {}),
    // Node's own HTTP client rather than the browser context's request API: it honours the extra CAs (the
    // request API runs with Node's default trust store) and stops reading big files after the bytes asked for.
    fetch(
      url: string,
      options: { method?: 'GET' | 'HEAD'; maxBytes?: number } = {},
    ): Promise<FetchedResource> {
      return httpFetch(url, {
        method: options.method ?? 'GET',
        maxBytes: Math.min(options.maxBytes ?? HEAD_BYTES, MAX_FETCH_BYTES),
        timeoutMs: Math.max(1, Math.min(input.pageTimeoutMs, input.deadline - input.now())),
        userAgent: input.userAgent,
        extraCaPems: input.extraCaPems,
        egress: input.egress,
        cookies: cookieHeader(input.browser),
        acceptLanguage: input.profile.acceptLanguage,
      });
    },
    checkCertificate(url: string): Promise<CertificateCheck> {
      let key: string;
      try {
        const parsed = new URL(url);
        key = `${parsed.hostname}:${parsed.port || 443}`;
      } catch {
        return Promise.resolve({
          valid: false,
          problem: null,
          protocol: null,
          validTo: null,
          selfSigned: false,
          error: 'invalid-url',
        });
      }
      let check = certificates.get(key);
      if (!check) {
        check = checkCertificate(url, input.extraCaPems, 10_000, input.egress);
        certificates.set(key, check);
      }
      return check;
    },
    isSameSite: (url: string) => isSameSiteUrl(url, input.siteHosts),
    log: input.log,
  };
}
