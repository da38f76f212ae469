/**
 * The GitHub client: Octokit core plus plugins, each doing one thing — pagination, typed REST methods, and our
 * request policy (request-policy.ts: serial requests, paced writes, rate limits waited out as GitHub documents
 * them, safe retries of idempotent requests only).
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import { requestPolicy } from './request-policy.js';

export type { Logger } from './logger.js';
export type { Clock } from './clock.js';

export const GitHubOctokit = Octokit.plugin(paginateRest, restEndpointMethods, requestPolicy);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface ClientOptions {
  token: string;
  /** `https://api.github.com` by default; `https://HOST/api/v3` for GitHub Enterprise Server. */
  baseUrl?: string;
  log?: Logger;
  /** The clock waits are measured on; tests pass a virtual one. */
  clock?: Clock;
  /** Rate limits waited out per request before giving up (default 3). */
  maxRateLimitRetries?: number;
  /** A rate limit that asks to wait longer than this is not waited out (default 15 min). */
  maxRetryAfterSeconds?: number;
  /** Retries of idempotent requests after a 5xx or a lost answer (default 3). */
  retries?: number;
  /**
   * GitHub's guidance: at least 1 s between writes and more between writes that notify people.
   * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
   */
  minWriteIntervalMs?: number;
  minNotificationIntervalMs?: number;
  userAgent?: string;
}

export function createClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? silentLogger;
  return new GitHubOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'egov-monitor',
    log,
    requestPolicy: {
      clock: options.clock ?? systemClock,
      log,
      minWriteIntervalMs: options.minWriteIntervalMs ?? 1000,
      minNotificationIntervalMs: options.minNotificationIntervalMs ?? 3000,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 3,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 15 * 60,
      retries: options.retries ?? 3,
    },
  });
}

export interface RepoRef {
  owner: string;
  repo: string;
}
