import { describe, expect, it } from 'vitest';
import { compareSite } from './compare-site.js';
import { siteRegressions } from './regressions.js';
import { siteResult } from './test-helpers/site-result.js';
import type { SiteSpec } from './test-helpers/site-result.js';

const url = 'https://a.gob.gt/';
const regressions = (before: SiteSpec, after: SiteSpec) =>
  siteRegressions(compareSite({ key: url, previous: siteResult(before), current: siteResult(after) }));

describe('siteRegressions', () => {
  it('lists a lower level, a lost criterion, a check that passed and fails, and a new violation, one line each', () => {
    const found = regressions(
      {
        url,
        level: 3,
        met: ['static_info', 'email_contact'],
        checks: { https: 'pass', csp: 'fail' },
        violations: { label: [url] },
      },
      {
        url,
        level: 2,
        met: ['static_info'],
        checks: { https: 'fail', csp: 'fail' },
        violations: { label: [url], 'image-alt': [url] },
      },
    );
    expect(found.map((item) => item.text)).toEqual([
      'maturity level 3 → 2',
      'criterion email_contact: met before, not met now',
      'check https: passed before, fails now',
      `new accessibility violation image-alt on ${url}`,
    ]);
  });

  it('finds nothing when nothing got worse, and when what changed is only inconclusive', () => {
    const same = {
      url,
      level: 3 as const,
      met: ['static_info' as const],
      checks: { https: 'pass' as const },
      violations: { label: [url] },
    };
    expect(regressions(same, same)).toEqual([]);
    expect(
      regressions(same, {
        ...same,
        met: [],
        inconclusive: ['static_info'],
        checks: { https: 'inconclusive' },
      }),
    ).toEqual([]);
    // A lower level that inconclusive criteria could raise again is provisional, not worse.
    expect(
      regressions(same, { ...same, level: 2, provisional: { couldRaise: ['email_contact'], couldReach: 3 } }),
    ).toEqual([]);
  });

  it('does not count a check that failed before and errs now, nor one fixed', () => {
    expect(
      regressions(
        { url, checks: { https: 'fail', csp: 'fail' } },
        { url, checks: { https: 'error', csp: 'pass' } },
      ),
    ).toEqual([]);
  });

  it('names a site that could not be scanned, since nothing about it can be vouched for', () => {
    expect(regressions({ url }, { url, error: 'timeout' }).map((item) => item.kind)).toEqual(['unreachable']);
  });
});
