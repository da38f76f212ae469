import { describe, expect, it } from 'vitest';
import {
  crawlEvidence,
  evidenceForLevel,
  failed,
  fatalEvidence,
  partial,
  withGathered,
} from '@egov-monitor/rubric/test-support';
import { safetyNetMarks } from './safety-nets.js';
import { checkTimeLimits, parseTimeLimit, TimeLimitError } from './time-limits.js';

describe('parseTimeLimit (the CLI flags and the Action inputs)', () => {
  it.each([
    ['900', 900_000],
    ['900s', 900_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    [' 20M ', 1_200_000],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parseTimeLimit('--site-timeout', value, 'site')).toBe(ms);
  });

  it.each([
    ['soon', /--site-timeout needs a whole number of seconds from 60 to 86400/],
    ['1.5m', /needs a whole number/],
    ['-5', /needs a whole number/],
    ['59', /--site-timeout must be .*got 59 s/],
    ['25h', /got 90000 s/],
  ])('refuses %j, naming the flag', (value, message) => {
    expect(() => parseTimeLimit('--site-timeout', value, 'site')).toThrow(TimeLimitError);
    expect(() => parseTimeLimit('--site-timeout', value, 'site')).toThrow(message);
  });

  it('checks the limits together: a page limit longer than the site limit is refused', () => {
    expect(() => checkTimeLimits({ siteTimeoutMs: 600_000, pageTimeoutMs: 60_000 })).not.toThrow();
    expect(() => checkTimeLimits({ siteTimeoutMs: 120_000, pageTimeoutMs: 300_000 })).toThrow(
      /--page-timeout \(300 s\) cannot be longer than --site-timeout \(120 s\)/,
    );
    expect(() => checkTimeLimits({ pageTimeoutMs: 1_000 })).toThrow(
      /--page-timeout must be from 5 to 3600 seconds, got 1 s/,
    );
    expect(() =>
      checkTimeLimits(
        { pageTimeoutMs: 1_000_000 },
        { site: 'input "site-timeout"', page: 'input "page-timeout"' },
      ),
    ).toThrow(/input "page-timeout"/);
  });
});

describe('safetyNetMarks (which sites the run scans again at the end)', () => {
  it('is 0 for a finished scan and for a site that failed for its own reasons', () => {
    expect(safetyNetMarks(evidenceForLevel(3))).toBe(0);
    expect(safetyNetMarks(fatalEvidence('dns-not-found'))).toBe(0);
    expect(safetyNetMarks(withGathered(evidenceForLevel(3), { search: failed('collector-crashed') }))).toBe(
      0,
    );
    // Partial for a reason no retry changes (a control that cannot be operated): not a safety net.
    expect(
      safetyNetMarks(
        withGathered(evidenceForLevel(3), {
          dates: partial({ items: [] }, 'not-operable', 'the page could not be operated'),
        }),
      ),
    ).toBe(0);
  });

  it('counts what a time limit cut, a home page that never loaded most of all', () => {
    expect(safetyNetMarks(fatalEvidence('timeout', 'the home page did not load'))).toBeGreaterThan(10);
    const cut = withGathered(evidenceForLevel(3), {
      crawl: partial(crawlEvidence(), 'site-timeout'),
      dates: partial({ items: [] }, 'site-timeout'),
      search: failed('timeout', 'Timeout 300000ms exceeded: collector search'),
    });
    expect(safetyNetMarks(cut)).toBe(3);
  });
});
