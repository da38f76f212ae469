// Public entry point of @egov-monitor/scanner.
export { launchBrowser, findChromeExecutable, BrowserLaunchError } from './browser.js';
export { splitPemBundle, withoutSystemRoots } from './https/trust.js';
export { scanSite, DEFAULT_SCAN_OPTIONS, DEFAULT_USER_AGENT } from './site-scan.js';
export type { ScanHooks } from './site-scan.js';
export { SCAN_ERROR_CODES, classifyNavigationError, ScanError } from './errors.js';
export type { ScanErrorCode, ClassifiedError } from './errors.js';
export type { ScanOptions, BrowserSession, SiteProgress } from './scan-options.js';
export type { PageSnapshot } from './page-snapshot.js';
export type { Collector, SiteContext, FetchedResource } from './collectors/collector.js';
export type { CertificateCheck } from './https/certificate-check.js';
export { createEgressPolicy, mappedResolver, policyForTarget, systemResolver } from './egress/policy.js';
export type { EgressPolicy, Resolver, ResolvedAddress } from './egress/policy.js';
export { classifyAddress } from './egress/addresses.js';
export type { BrowserEgress } from './scan-options.js';
