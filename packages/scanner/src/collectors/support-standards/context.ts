import type { EgressPolicy } from '../../egress/policy.js';

/**
 * Network knobs of the HTTPS collector for tests (local servers on ephemeral ports, names mapped to
 * 127.0.0.1 by the policy's resolver). In a scan the CAs, user agent and egress policy come from SiteContext.
 */
export interface NetworkOverrides {
  extraCaPems?: string[];
  userAgent?: string;
  egress?: EgressPolicy;
  ports?: { http: number; https: number };
  timeoutMs?: number;
}
