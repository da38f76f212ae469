import { describe, expect, it } from 'vitest';
import { groupDeltas } from './group-deltas.js';
import { matchSites } from './match-sites.js';
import { siteResult } from './test-helpers/site-result.js';

describe('groupDeltas', () => {
  it('gives each group’s average in both runs and the change, overall last', () => {
    const previous = [
      siteResult({ url: 'https://m1.gob.gt', group: 'ministerio', level: 2 }),
      siteResult({ url: 'https://m2.gob.gt', group: 'ministerio', level: 3 }),
      siteResult({ url: 'https://s1.gob.gt', group: 'secretaria', level: 1 }),
      siteResult({ url: 'https://s2.gob.gt', group: 'secretaria', error: 'timeout' }),
    ];
    const current = [
      siteResult({ url: 'https://m1.gob.gt', group: 'ministerio', level: 3 }),
      siteResult({ url: 'https://m2.gob.gt', group: 'ministerio', level: 4 }),
      siteResult({ url: 'https://s1.gob.gt', group: 'secretaria', level: 1 }),
      siteResult({ url: 'https://s2.gob.gt', group: 'secretaria', level: 2 }),
    ];
    expect(groupDeltas(previous, matchSites(previous, current))).toEqual([
      // ministerio: before (40 + 60) / 2 = 50, now (60 + 80) / 2 = 70 → +20
      { key: 'ministerio', label: 'Ministerios', previousAverage: 50, currentAverage: 70, delta: 20 },
      // secretaria: before 20 (the error site is left out), now (20 + 40) / 2 = 30 → +10
      { key: 'secretaria', label: 'Secretarías', previousAverage: 20, currentAverage: 30, delta: 10 },
      // overall: before (40 + 60 + 20) / 3 = 40, now (60 + 80 + 20 + 40) / 4 = 50 → +10
      { key: 'overall', label: 'Todos los sitios', previousAverage: 40, currentAverage: 50, delta: 10 },
    ]);
  });

  it('keeps an unreachable site’s previous points, so one failed load does not move the average', () => {
    const previous = [
      siteResult({ url: 'https://m1.gob.gt', group: 'ministerio', level: 4 }),
      siteResult({ url: 'https://m2.gob.gt', group: 'ministerio', level: 2 }),
    ];
    const current = [
      siteResult({ url: 'https://m1.gob.gt', group: 'ministerio', error: 'connection-reset' }),
      siteResult({ url: 'https://m2.gob.gt', group: 'ministerio', level: 2 }),
    ];
    const [ministries] = groupDeltas(previous, matchSites(previous, current));
    // (80 + 40) / 2 = 60 in both runs: m1 counts with its previous 80, not as level 0 nor as missing.
    expect(ministries).toEqual({
      key: 'ministerio',
      label: 'Ministerios',
      previousAverage: 60,
      currentAverage: 60,
      delta: 0,
    });
  });

  it('has no delta for a group that did not exist in one run', () => {
    const current = [siteResult({ url: 'https://o.gob.gt', group: 'other', level: 1 })];
    expect(groupDeltas([], matchSites([], current))).toEqual([
      { key: 'other', label: 'Otras dependencias', previousAverage: null, currentAverage: 20, delta: null },
      { key: 'overall', label: 'Todos los sitios', previousAverage: null, currentAverage: 20, delta: null },
    ]);
  });

  it('keeps the previous points of a site whose lower level is provisional', () => {
    const previous = [siteResult({ url: 'https://m1.gob.gt', group: 'ministerio', level: 3 })];
    const current = [
      siteResult({
        url: 'https://m1.gob.gt',
        group: 'ministerio',
        level: 1,
        inconclusive: ['many_pages', 'fresh_content'],
        provisional: { couldRaise: ['many_pages', 'fresh_content'], couldReach: 3 },
      }),
    ];
    const [ministries] = groupDeltas(previous, matchSites(previous, current));
    expect(ministries).toMatchObject({ previousAverage: 60, currentAverage: 60, delta: 0 });
  });
});
