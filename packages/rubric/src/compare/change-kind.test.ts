import { describe, expect, it } from 'vitest';
import { changeKind } from './change-kind.js';
import { siteResult } from './test-helpers/site-result.js';

const url = 'https://a.gob.gt/';
const ok = (level: 0 | 1 | 2 | 3 | 4 | 5) => siteResult({ url, level });
const down = siteResult({ url, error: 'timeout' });

describe('changeKind', () => {
  it.each([
    ['new', null, ok(2)],
    ['removed', ok(2), null],
    ['improved', ok(2), ok(3)],
    ['regressed', ok(3), ok(2)],
    ['unchanged', ok(3), ok(3)],
    ['unreachable', ok(3), down],
    ['unreachable', down, down],
    ['recovered', down, ok(1)],
    ['recovered', down, ok(0)],
  ] as const)('%s', (kind, previous, current) => {
    expect(changeKind(previous, current)).toBe(kind);
  });

  it('a lower level that is provisional is not a regression; a lower level that stands is', () => {
    const provisional = siteResult({
      url,
      level: 1,
      met: ['static_info'],
      inconclusive: ['many_pages'],
      provisional: { couldRaise: ['many_pages'], couldReach: 2 },
    });
    expect(changeKind(ok(2), provisional)).toBe('provisional');
    expect(changeKind(ok(1), provisional)).toBe('unchanged');
    expect(changeKind(provisional, ok(3))).toBe('improved');
    expect(changeKind(ok(2), siteResult({ url, level: 1, inconclusive: ['e_participation'] }))).toBe(
      'regressed',
    );
  });

  it('an ok site at level 0 that loaded is compared by points, not called unreachable', () => {
    expect(changeKind(ok(1), ok(0))).toBe('regressed');
  });
});
