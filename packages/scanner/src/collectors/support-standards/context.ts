import type { LookupFunction } from 'node:net';
import type { SiteContext } from '../collector.js';
import type { LighthouseHook } from '../../lighthouse/runner.js';

/**
 * Fields the standards collectors need that SiteContext does not carry yet (proposed to scanner-core as
 * additive fields with these exact names). Until the site scan provides them, they are read when present and
 * otherwise injected through each collector's factory.
 */
export interface StandardsContextFields {
  /** PEM bundles of extra CAs (ScanOptions.extraCaPems): the probe must trust what the browser trusts. */
  extraCaPems?: string[];
  /** ScanOptions.userAgent, so the probe announces itself like the crawl. */
  userAgent?: string;
  /** Lighthouse on this site's browser; absent when `options.lighthouse.enabled` is false. */
  lighthouse?: LighthouseHook;
}

export type StandardsSiteContext = SiteContext & StandardsContextFields;

export function standardsFields(site: SiteContext): StandardsContextFields {
  return site as StandardsSiteContext;
}

/** Network knobs for tests (local servers on ephemeral ports, names mapped to 127.0.0.1). */
export interface NetworkOverrides {
  extraCaPems?: string[];
  userAgent?: string;
  lookup?: LookupFunction;
  ports?: { http: number; https: number };
  timeoutMs?: number;
}
