import type { Browser } from 'playwright-core';
import type { CountryProfile } from '@egov-monitor/rubric';
import type { EgressPolicy, Resolver } from './egress/policy.js';
import type { EgressListener } from './egress/socks-proxy.js';

/**
 * Per-site budgets and switches of one scan. Every field has a default in DEFAULT_SCAN_OPTIONS (site-scan.ts).
 *
 * What a scan reads depends only on work budgets (pages analysed, pages discovered, depth), never on how fast the
 * machine is. The time limits are safety nets set far above what a healthy site needs: when one fires, the evidence
 * that depended on the unfinished work says so (`incomplete`) and the verdicts over it are inconclusive, never false.
 */
export interface ScanOptions {
  /** Pages opened in the browser and analysed in full (collectors + axe). Default 30. */
  maxPages: number;
  /** Link hops from the home page. Default 4. */
  maxDepth: number;
  /** Pages recorded in all (analysed, then discovered cheaply to count many_pages beyond them). Default 200. */
  maxDiscoveredPages: number;
  /** Safety net for one site, crawl and collectors included (--site-timeout). Default 900 000 ms (15 min). */
  siteTimeoutMs: number;
  /** Safety net for each step of reading one page: loading, becoming ready, reading, axe (--page-timeout). Default 60 000 ms. */
  pageTimeoutMs: number;
  /** Honest user agent with a contact URL (configurable). */
  userAgent: string;
  /** PEM bundles of extra CAs to trust (from --ca FILE and NODE_EXTRA_CA_CERTS), for the probe and the browser. */
  extraCaPems: string[];
  /**
   * The country the sites belong to (profiles/<country>.json, docs/profiles.md): the browser's locale and time
   * zone, the Accept-Language of the scanner's own requests, the national portals, the law's phrases. Default:
   * Guatemala.
   */
  profile: CountryProfile;
  /** Lighthouse on the home page and `keyPages` more; off for speed. */
  lighthouse: { enabled: boolean; keyPages: number };
  /**
   * Allow every loopback/private/reserved address (an operator scanning their own network on purpose). Without it
   * only the target's own address is allowed when the target itself is private (docs/security.md).
   */
  allowPrivateNetwork?: boolean;
  /** The scan's clock; the "today" for freshness (tests pin it). Default: now. */
  now?: Date;
  /** Progress of one site (pages analysed so far, phase). */
  onProgress?: (event: SiteProgress) => void;
}

export interface SiteProgress {
  url: string;
  phase: 'probe' | 'crawl' | 'collect' | 'lighthouse' | 'done';
  pagesAnalysed: number;
  pagesDiscovered: number;
}

/**
 * One shared Chromium for the whole run (never one per URL): a fresh BrowserContext per site. Lighthouse drives
 * the same browser over its remote-debugging port, one run at a time.
 */
export interface BrowserSession {
  browser: Browser;
  /** Remote-debugging port of the same Chromium (for Lighthouse). */
  debuggingPort: number;
  executablePath: string;
  /** Serialises Lighthouse runs on this browser. */
  lighthouseLock: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * The run's egress (docs/security.md): the resolver every connection uses, and the browser-wide proxy listener
   * of the default context (where Lighthouse opens its tab). Absent on a browser launched elsewhere: scanSite then
   * still gives each site's context its own proxy, with the system resolver.
   */
  egress?: BrowserEgress;
  close(): Promise<void>;
}

export interface BrowserEgress {
  resolver: Resolver;
  defaultListener: EgressListener;
  /** The default context's policy between Lighthouse runs (LaunchOptions.egress, or public only). */
  defaultPolicy: EgressPolicy;
}
