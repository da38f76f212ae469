import { describe, expect, it } from 'vitest';
import { matchSites } from './match-sites.js';
import { siteResult } from './test-helpers/site-result.js';

describe('matchSites', () => {
  it('pairs by normalised URL, current order first, then the removed sites', () => {
    const a0 = siteResult({ url: 'http://a.gob.gt/' });
    const b0 = siteResult({ url: 'https://b.gob.gt' });
    const c0 = siteResult({ url: 'https://c.gob.gt' });
    const a1 = siteResult({ url: 'https://www.a.gob.gt' });
    const d1 = siteResult({ url: 'https://d.gob.gt' });
    const c1 = siteResult({ url: 'https://c.gob.gt/' });
    const pairs = matchSites([a0, b0, c0], [d1, c1, a1]);
    expect(pairs.map((pair) => [pair.key, pair.previous?.url ?? null, pair.current?.url ?? null])).toEqual([
      ['d.gob.gt', null, 'https://d.gob.gt'],
      ['c.gob.gt', 'https://c.gob.gt', 'https://c.gob.gt/'],
      ['a.gob.gt', 'http://a.gob.gt/', 'https://www.a.gob.gt'],
      ['b.gob.gt', 'https://b.gob.gt', null],
    ]);
  });

  it('pairs repeated entries one to one, never twice', () => {
    const first = siteResult({ url: 'https://a.gob.gt', name: 'first' });
    const second = siteResult({ url: 'https://a.gob.gt/', name: 'second' });
    const now = siteResult({ url: 'https://a.gob.gt', name: 'now' });
    const pairs = matchSites([first, second], [now]);
    expect(pairs.map((pair) => [pair.previous?.name ?? null, pair.current?.name ?? null])).toEqual([
      ['first', 'now'],
      ['second', null],
    ]);
  });
});
