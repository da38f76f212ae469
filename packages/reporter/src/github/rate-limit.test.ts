import { describe, expect, it } from 'vitest';
import { rateLimitWait } from './rate-limit.js';

const now = Date.UTC(2026, 2, 2, 15, 0, 0);
const error = (status: number, headers: Record<string, string>, message = 'Forbidden') => ({
  status,
  message,
  response: { headers },
});

describe('rateLimitWait (GitHub: "exceeding the rate limit")', () => {
  it('honours retry-after first, for 403 and 429', () => {
    expect(rateLimitWait(error(429, { 'retry-after': '20' }), now)).toEqual({
      kind: 'secondary',
      waitMs: 20_000,
    });
    expect(
      rateLimitWait(error(403, { 'retry-after': '20' }, 'You have exceeded a secondary rate limit'), now),
    ).toEqual({ kind: 'secondary', waitMs: 20_000 });
    // An HTTP date is allowed by RFC 9110.
    expect(
      rateLimitWait(error(429, { 'retry-after': new Date(now + 7000).toUTCString() }), now)?.waitMs,
    ).toBe(7000);
  });

  it('waits until one second past x-ratelimit-reset when x-ratelimit-remaining is 0', () => {
    const reset = String(now / 1000 + 90);
    expect(
      rateLimitWait(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), now),
    ).toEqual({ kind: 'primary', waitMs: 91_000 });
  });

  it('waits at least a minute, growing, for a secondary limit with no header', () => {
    const secondary = error(
      403,
      {},
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    );
    expect(rateLimitWait(secondary, now, 0)?.waitMs).toBe(60_000);
    expect(rateLimitWait(secondary, now, 2)?.waitMs).toBe(240_000);
    expect(rateLimitWait(error(429, {}), now)?.waitMs).toBe(60_000);
  });

  it('does not take a permission 403 or a server error for a rate limit', () => {
    expect(
      rateLimitWait(
        error(403, { 'x-ratelimit-remaining': '4999' }, 'Resource not accessible by integration'),
        now,
      ),
    ).toBeNull();
    expect(rateLimitWait(error(502, { 'retry-after': '5' }), now)).toBeNull();
  });
});
