import type { BrowserContext } from 'playwright-core';
import type {
  CountryProfile,
  CrawlEvidence,
  EvidenceKind,
  EvidenceKinds,
  Incompleteness,
  SiteTarget,
} from '@egov-monitor/rubric';
import type { PageSnapshot } from '../page-snapshot.js';
import type { CertificateCheck } from '../https/certificate-check.js';
import type { EgressPolicy } from '../egress/policy.js';
import type { LighthouseHook } from '../lighthouse/runner.js';
import type { TabPool } from '../crawl/tab-pool.js';

export interface FetchedResource {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  headers: Record<string, string>;
  /** Size of the body in bytes (from content-length, or counted up to the cap). */
  bytes: number | null;
  /** The body's first `maxBytes` (64 KiB unless the caller asked for more): a PDF/ZIP signature, a page, a whole document. */
  head: Buffer;
  /** The body was longer than what was read (the cap, or a connection cut mid-body): `head` is its beginning. */
  truncated?: boolean;
  /**
   * Why there is no response: a Node error code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…), or a refusal of the
   * egress policy in words ("refused: private address"; docs/security.md).
   */
  error?: string;
}

export interface SiteContext {
  target: SiteTarget;
  /** Home page after redirects. */
  homeUrl: string;
  /** Hosts that count as this site (the start host, its www twin, redirect targets on the same domain). */
  siteHosts: string[];
  /** Snapshots of the pages analysed in full, home first. */
  pages: PageSnapshot[];
  /** The scan's browser context (shares cookies, the CA, the user agent): open pages here for live checks. */
  browser: BrowserContext;
  /** The site's reusable tabs (the crawl's among them); `withPage` borrows from here. Absent in some unit tests. */
  tabs?: TabPool;
  /**
   * GET (or HEAD) with Node's HTTP client (the scan's cookies, user agent and CAs), through the site's egress
   * policy, without rendering; never throws.
   */
  fetch(url: string, options?: { method?: 'GET' | 'HEAD'; maxBytes?: number }): Promise<FetchedResource>;
  /**
   * TLS verdict for a URL's host with the scan's trusted CAs (see https/certificate-check.ts), through the site's
   * egress policy; cached per host.
   */
  checkCertificate(url: string): Promise<CertificateCheck>;
  /** Who this site's scan may connect to (egress/policy.ts); absent in some unit tests (then: public addresses only). */
  egress?: EgressPolicy;
  /** Same-site check against siteHosts. */
  isSameSite(url: string): boolean;
  /**
   * Epoch ms of this collector's safety net (its own time limit, never past the site's): past it, the collector
   * starts no new work and returns what it has, marked incomplete (`hasTime` in live/live.ts does both).
   */
  deadline: number;
  /** The clock `deadline` is read against (epoch ms; the site scan's, which tests may move). Default Date.now. */
  now?: () => number;
  /** Safety net of each step on one page (ScanOptions.pageTimeoutMs): a navigation, waiting until it is ready. */
  pageTimeoutMs?: number;
  /**
   * Says this collector's data is partial: work it needed was not finished (a safety net fired, a page could not be
   * read, a control could not be operated). What it found still counts; the rubric reads a "not found" over partial
   * data as inconclusive. The first reason given is kept. Absent in unit tests that build a bare context.
   */
  markIncomplete?(reason: Incompleteness): void;
  /** The scan's clock (ISO), the "today" for dates. */
  scannedAt: string;
  log(message: string): void;
  /** PEM bundles of extra CAs the scan trusts (ScanOptions.extraCaPems): a probe must trust what the browser trusts. */
  extraCaPems?: string[];
  /**
   * ScanOptions.profile: the country's national portals and the phrases of its access-to-information law. Absent in
   * unit tests that build a bare context: then the default profile (Guatemala).
   */
  profile?: CountryProfile;
  /** ScanOptions.userAgent, so a probe announces itself like the crawl. */
  userAgent?: string;
  /** Lighthouse on this scan's browser; absent when `options.lighthouse.enabled` is false. */
  lighthouse?: LighthouseHook;
  /** The crawl's own evidence (pages found, robots, sitemap URLs), read-only. */
  crawl?: CrawlEvidence;
  /**
   * The crawl's probe of a random path on the site (once per site): a correct server answers 404; a 200 "not
   * found" page is a soft 404.
   */
  notFoundProbe?: { url: string; status: number; soft404: boolean };
}

/**
 * One collector gathers one kind of evidence (one file each, like a Lighthouse gatherer). It may throw: the
 * site scan stores the error as this kind's result, and the other collectors still run.
 */
export interface Collector<K extends EvidenceKind> {
  kind: K;
  /**
   * Also run when the home page could not be opened (`site.pages` is then empty): probes of the host itself, like
   * the HTTPS probe, still tell the reviewer something about an unreachable site.
   */
  runsWithoutPages?: boolean;
  /**
   * Run after the others, with nothing beside it: Lighthouse times the page, and another tab loading in the same
   * browser at that moment would slow its measurement.
   */
  runsAlone?: boolean;
  /** Longest time this collector may take, in ms (default: the site scan's per-collector bound). */
  timeoutMs?: number;
  /**
   * False when this kind must not be gathered for the site at all (switched off, e.g. Lighthouse): the site scan
   * skips it and the kind stays absent, which the rubric reads as not-applicable rather than an error.
   */
  enabled?(site: SiteContext): boolean;
  collect(site: SiteContext): Promise<EvidenceKinds[K]>;
}
