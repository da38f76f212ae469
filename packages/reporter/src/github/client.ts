/**
 * The GitHub client: Octokit core plus the official plugins, each doing one thing — pagination, typed REST
 * methods, retry of transient errors (5xx), and throttling that paces writes and waits out rate limits.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

export const GitHubOctokit = Octokit.plugin(paginateRest, restEndpointMethods, retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface Logger {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

export interface ClientOptions {
  token: string;
  /** `https://api.github.com` by default; `https://HOST/api/v3` for GitHub Enterprise Server. */
  baseUrl?: string;
  log?: Logger;
  /** Retries after a primary or secondary rate limit before giving up on that request (default 3). */
  maxRateLimitRetries?: number;
  /** A rate limit that asks to wait longer than this is not waited out (default 15 min). */
  maxRetryAfterSeconds?: number;
  /** Retries of 5xx and network errors (default 3). */
  retries?: number;
  /**
   * Milliseconds per "second" GitHub asks us to wait, and the base of the 5xx back-off. 1000 in production;
   * tests shrink it so a retry-after of 1 s costs milliseconds.
   */
  retryAfterBaseMs?: number;
  /**
   * GitHub's guidance: at least 1 s between writes and more between writes that notify people. Tests set 0.
   * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
   */
  minWriteIntervalMs?: number;
  minNotificationIntervalMs?: number;
  userAgent?: string;
}

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function createClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? silent;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const maxWait = options.maxRetryAfterSeconds ?? 15 * 60;
  // Own write/notification groups per client: the plugin's are module-wide, with GitHub's production pacing.
  const group = (settings: Bottleneck.ConstructorOptions): Bottleneck.Group => new Bottleneck.Group(settings);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < maxRetries && retryAfter <= maxWait;
      const message = `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${
        retrying ? `retry ${retryCount + 1}/${maxRetries} after ${retryAfter} s` : 'giving up'
      }`;
      if (retrying) log.warn(message);
      else log.error(message);
      return retrying;
    };
  return new GitHubOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'egov-monitor',
    log,
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseMs ?? 1000 },
    throttle: {
      Bottleneck,
      retryAfterBaseValue: options.retryAfterBaseMs ?? 1000,
      search: group({ maxConcurrent: 1, minTime: 2000 }),
      write: group({ maxConcurrent: 1, minTime: options.minWriteIntervalMs ?? 1000 }),
      notifications: group({ maxConcurrent: 1, minTime: options.minNotificationIntervalMs ?? 3000 }),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
}

export interface RepoRef {
  owner: string;
  repo: string;
}
