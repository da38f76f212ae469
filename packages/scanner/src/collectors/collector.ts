import type { BrowserContext } from 'playwright-core';
import type { EvidenceKind, EvidenceKinds, SiteTarget } from '@egov-monitor/rubric';
import type { PageSnapshot } from '../page-snapshot.js';
import type { CertificateCheck } from '../https/certificate-check.js';

export interface FetchedResource {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  headers: Record<string, string>;
  /** Size of the body in bytes (from content-length, or counted up to the cap). */
  bytes: number | null;
  /** First bytes of the body, enough to sniff a PDF/ZIP signature or an HTML error page (≤ 64 KiB). */
  head: Buffer;
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
  /** GET (or HEAD) through the browser context's network stack, without rendering; never throws. */
  fetch(url: string, options?: { method?: 'GET' | 'HEAD'; maxBytes?: number }): Promise<FetchedResource>;
  /** TLS verdict for a URL's host with the scan's trusted CAs (see https/certificate-check.ts); cached per host. */
  checkCertificate(url: string): Promise<CertificateCheck>;
  /** Same-site check against siteHosts. */
  isSameSite(url: string): boolean;
  /** Epoch ms after which the collector should stop starting new work and return what it has. */
  deadline: number;
  /** The scan's clock (ISO), the "today" for dates. */
  scannedAt: string;
  log(message: string): void;
}

/**
 * One collector gathers one kind of evidence (one file each, like a Lighthouse gatherer). It may throw: the
 * site scan stores the error as this kind's result, and the other collectors still run.
 */
export interface Collector<K extends EvidenceKind> {
  kind: K;
  collect(site: SiteContext): Promise<EvidenceKinds[K]>;
}
