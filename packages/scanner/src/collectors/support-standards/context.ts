import type { LookupFunction } from 'node:net';

/**
 * Network knobs of the HTTPS collector for tests (local servers on ephemeral ports, names mapped to
 * 127.0.0.1). In a scan the CAs and user agent come from SiteContext.extraCaPems / userAgent.
 */
export interface NetworkOverrides {
  extraCaPems?: string[];
  userAgent?: string;
  lookup?: LookupFunction;
  ports?: { http: number; https: number };
  timeoutMs?: number;
}
