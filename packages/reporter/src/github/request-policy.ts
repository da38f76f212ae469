/**
 * Our Octokit plugin for how requests go out, one place for what GitHub's best practices ask
 * (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api):
 * - requests are made serially, never concurrently;
 * - writes are paced (≥ 1 s apart; ≥ 3 s for those that notify people: new issues and comments);
 * - a rate-limited answer (403/429) is waited out exactly as the headers say *before* anything else is sent
 *   (the wait holds the queue, so no other request goes out inside GitHub's window either);
 * - a 5xx or a lost answer is retried with a growing pause only when repeating the request cannot do a thing
 *   twice: GET/HEAD/PUT/PATCH/DELETE, or a POST its caller marks `request: { idempotent: true }` (a Git blob or
 *   tree, which GitHub stores by content). A POST that creates an issue or a comment is never repeated here: the
 *   caller looks for what it may have created first (create-site-issue.ts, comment-comparison.ts).
 *
 * It replaces @octokit/plugin-retry + plugin-throttling, whose order made the retry plugin resend a 429 after 1 s,
 * inside GitHub's window, and which could not be driven by an injected clock.
 */
import type { Octokit } from '@octokit/core';
import type { Clock } from './clock.js';
import { isTransient } from './errors.js';
import type { Logger } from './logger.js';
import { rateLimitWait } from './rate-limit.js';

export interface RequestPolicy {
  clock: Clock;
  log: Logger;
  /** Least time between two writes (default 1000 ms). */
  minWriteIntervalMs: number;
  /** Least time between two writes that notify people (default 3000 ms). */
  minNotificationIntervalMs: number;
  /** Rate limits waited out per request before giving up (default 3). */
  maxRateLimitRetries: number;
  /** A rate limit asking for a longer wait than this is not waited out (default 15 min). */
  maxRetryAfterSeconds: number;
  /** Retries of an idempotent request after a 5xx or a lost answer (default 3), after 1, 4, 9 … s. */
  retries: number;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);
/** Creating an issue or a comment e-mails the people watching the repository. */
const NOTIFIES = /\/repos\/[^/]+\/[^/]+\/issues(\/[^/]+\/comments)?$/;

interface RequestOptions {
  method: string;
  url: string;
  request?: { idempotent?: boolean };
  [key: string]: unknown;
}

export function requestPolicy(octokit: Octokit, options: Record<string, unknown>): void {
  const policy = options.requestPolicy as RequestPolicy | undefined;
  if (!policy) return;
  const { clock, log } = policy;
  let queue: Promise<unknown> = Promise.resolve();
  let lastWrite = -Infinity;
  let lastNotification = -Infinity;
  /** The end of a rate-limit window GitHub announced: nothing is sent before it, whichever request asks. */
  let blockedUntil = -Infinity;

  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  const pace = async (method: string, path: string): Promise<void> => {
    if (!WRITES.has(method)) return;
    const notifies = method === 'POST' && NOTIFIES.test(path);
    const due = Math.max(
      lastWrite + policy.minWriteIntervalMs,
      notifies ? lastNotification + policy.minNotificationIntervalMs : -Infinity,
    );
    const wait = due - clock.now();
    if (wait > 0) await clock.sleep(wait);
    lastWrite = clock.now();
    if (notifies) lastNotification = lastWrite;
  };

  octokit.hook.wrap('request', (request, raw) => {
    const options = raw as unknown as RequestOptions;
    const method = options.method.toUpperCase();
    const path = options.url.split('?')[0]!;
    const idempotent = IDEMPOTENT.has(method) || options.request?.idempotent === true;
    return serially(async () => {
      let rateLimits = 0;
      let transient = 0;
      for (;;) {
        const blocked = blockedUntil - clock.now();
        if (blocked > policy.maxRetryAfterSeconds * 1000) {
          throw new RateLimitedError(
            `GitHub's rate limit forbids requests for ${Math.ceil(blocked / 1000)} s more; ${method} ${path} not sent`,
          );
        }
        if (blocked > 0) await clock.sleep(blocked);
        await pace(method, path);
        try {
          return await request(raw);
        } catch (error) {
          const limit = rateLimitWait(error, clock.now(), rateLimits);
          if (limit) {
            const seconds = Math.ceil(limit.waitMs / 1000);
            blockedUntil = Math.max(blockedUntil, clock.now() + limit.waitMs);
            const retrying =
              rateLimits < policy.maxRateLimitRetries && seconds <= policy.maxRetryAfterSeconds;
            const message = `GitHub ${limit.kind} rate limit on ${method} ${path}; ${
              retrying
                ? `retry ${rateLimits + 1}/${policy.maxRateLimitRetries} after ${seconds} s`
                : 'giving up'
            }`;
            if (!retrying) {
              log.error(message);
              throw error;
            }
            log.warn(message);
            rateLimits += 1;
            continue;
          }
          if (isTransient(error) && idempotent && transient < policy.retries) {
            transient += 1;
            log.warn(
              `GitHub answered ${describeStatus(error)} to ${method} ${path}; retry ${transient}/${policy.retries} after ${transient ** 2} s`,
            );
            await clock.sleep(transient ** 2 * 1000);
            continue;
          }
          throw error;
        }
      }
    });
  });
}

/** A request not sent because GitHub's rate-limit window is longer than we are willing to wait. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  readonly status = 429;
}

function describeStatus(error: unknown): string {
  const e = error as { status?: number; response?: unknown; message?: string };
  return e.response ? `HTTP ${e.status}` : `no answer (${e.message ?? 'network error'})`;
}
