/**
 * How long GitHub asks us to wait after a 403 or 429, as its documentation says
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit):
 * - `retry-after` present: not before that many seconds;
 * - `x-ratelimit-remaining: 0`: not before `x-ratelimit-reset` (epoch seconds), plus a second;
 * - a secondary rate limit with neither header: at least a minute, growing exponentially with each failure.
 * Any other 403 is not a rate limit (a missing permission, see permission.ts) and must not be retried.
 */
import { headerOf, statusOf } from './errors.js';

export interface RateLimitWait {
  kind: 'primary' | 'secondary';
  /** Milliseconds from `now` before the request may be sent again. */
  waitMs: number;
}

const SECONDARY = /secondary rate limit|abuse detection/i;
const FALLBACK_MS = 60_000;

function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  // RFC 9110 also allows an HTTP date.
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The wait a rate-limited answer asks for, or null when the error is not a rate limit. `failures` counts the
 * rate limits already met by this request (for the exponential fallback).
 */
export function rateLimitWait(error: unknown, now: number, failures = 0): RateLimitWait | null {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return null;
  const remaining = headerOf(error, 'x-ratelimit-remaining');
  const kind = remaining === '0' ? 'primary' : 'secondary';
  const after = retryAfterMs(headerOf(error, 'retry-after'), now);
  if (after !== null) return { kind, waitMs: after };
  if (remaining === '0') {
    const reset = Number(headerOf(error, 'x-ratelimit-reset'));
    const waitMs = Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) + 1000 : FALLBACK_MS;
    return { kind, waitMs };
  }
  const message = String((error as { message?: unknown }).message ?? '');
  // A 429 is a rate limit whatever its message says; a 403 only when GitHub says so.
  if (status === 429 || SECONDARY.test(message)) return { kind, waitMs: FALLBACK_MS * 2 ** failures };
  return null;
}
