import { describe, expect, it } from 'vitest';
import { compareRuns } from './index.js';
import { scanResults, siteResult } from './test-helpers/site-result.js';

// One previous and one current run covering every kind of change.
const previous = scanResults(
  [
    siteResult({
      url: 'https://mejora.gob.gt',
      group: 'ministerio',
      level: 2,
      met: ['static_info', 'many_pages', 'fresh_content'],
      violations: { 'image-alt': ['https://mejora.gob.gt/'], label: ['https://mejora.gob.gt/contacto'] },
      checks: { hsts: 'fail', viewport: 'pass' },
    }),
    siteResult({
      url: 'https://baja.gob.gt',
      group: 'ministerio',
      level: 3,
      met: [
        'static_info',
        'many_pages',
        'links_to_agencies',
        'email_contact',
        'working_search',
        'downloadable_forms',
      ],
    }),
    siteResult({
      url: 'https://igual.gob.gt',
      group: 'secretaria',
      level: 1,
      met: ['static_info'],
      checks: { hsts: 'pass' },
    }),
    siteResult({
      url: 'https://cae.gob.gt',
      group: 'secretaria',
      level: 3,
      met: ['static_info'],
      violations: { label: ['https://cae.gob.gt/'] },
    }),
    siteResult({ url: 'https://vuelve.gob.gt', group: 'other', error: 'timeout' }),
    siteResult({ url: 'https://sale.gob.gt', group: 'other', level: 1 }),
  ],
  '2026-02-01T10:00:00.000Z',
);
const current = scanResults([
  siteResult({
    url: 'https://www.mejora.gob.gt/',
    group: 'ministerio',
    level: 3,
    met: ['static_info', 'many_pages', 'fresh_content', 'working_search'],
    violations: { 'image-alt': ['https://mejora.gob.gt/'], 'color-contrast': ['https://mejora.gob.gt/'] },
    checks: { hsts: 'pass', viewport: 'pass' },
  }),
  siteResult({
    url: 'https://baja.gob.gt',
    group: 'ministerio',
    level: 2,
    met: ['static_info', 'many_pages', 'links_to_agencies', 'email_contact'],
  }),
  siteResult({
    url: 'https://igual.gob.gt',
    group: 'secretaria',
    level: 1,
    met: ['static_info'],
    checks: { hsts: 'pass' },
  }),
  siteResult({ url: 'https://cae.gob.gt', group: 'secretaria', error: 'connection-refused' }),
  siteResult({ url: 'https://vuelve.gob.gt', group: 'other', level: 2 }),
  siteResult({ url: 'https://nuevo.gob.gt', group: 'other', level: 1 }),
]);

describe('compareRuns', () => {
  const comparison = compareRuns(previous, current);
  const site = (host: string) => comparison.sites.find((entry) => entry.url.includes(host))!;

  it('classifies every site, current order first then removed', () => {
    expect(comparison.previousStartedAt).toBe('2026-02-01T10:00:00.000Z');
    expect(
      comparison.sites.map((entry) => `${new URL(entry.url).hostname.replace('www.', '')} ${entry.kind}`),
    ).toEqual([
      'mejora.gob.gt improved',
      'baja.gob.gt regressed',
      'igual.gob.gt unchanged',
      'cae.gob.gt unreachable',
      'vuelve.gob.gt recovered',
      'nuevo.gob.gt new',
      'sale.gob.gt removed',
    ]);
  });

  it('reports criteria gained and lost', () => {
    expect(site('mejora')).toMatchObject({ criteriaGained: ['working_search'], criteriaLost: [] });
    expect(site('baja')).toMatchObject({
      criteriaGained: [],
      criteriaLost: ['downloadable_forms', 'working_search'],
    });
    expect(site('igual')).toMatchObject({ criteriaGained: [], criteriaLost: [] });
  });

  it('reports violations new, fixed and persisting', () => {
    expect(site('mejora').accessibility).toEqual({
      new: [{ ruleId: 'color-contrast', page: 'https://mejora.gob.gt/' }],
      fixed: [{ ruleId: 'label', page: 'https://mejora.gob.gt/contacto' }],
      persisting: [{ ruleId: 'image-alt', page: 'https://mejora.gob.gt/' }],
    });
  });

  it('reports checks whose outcome changed', () => {
    expect(site('mejora').checksChanged).toEqual([{ id: 'hsts', from: 'fail', to: 'pass' }]);
    expect(site('igual').checksChanged).toEqual([]);
  });

  it('keeps an unreachable site’s previous level and claims no loss from the failed run', () => {
    expect(site('cae')).toMatchObject({
      kind: 'unreachable',
      previous: { level: 3, points: 60, status: 'ok' },
      current: { level: 3, points: 60, status: 'error' },
      criteriaLost: [],
      accessibility: { new: [], fixed: [], persisting: [] },
      note: {
        en: 'Could not be loaded in this run (connection-refused); its previous level (3) is kept for the comparison.',
      },
    });
  });

  it('marks a site back from an error as recovered, and new and removed sites with no counterpart', () => {
    expect(site('vuelve')).toMatchObject({
      previous: { level: 0, status: 'error' },
      current: { level: 2, points: 40, status: 'ok' },
    });
    expect(site('nuevo')).toMatchObject({ previous: null, current: { level: 1 } });
    expect(site('sale')).toMatchObject({ previous: { level: 1 }, current: null });
    expect(site('igual').note).toBeUndefined();
  });

  it('gives per-group average deltas', () => {
    expect(comparison.groups).toEqual([
      // ministerio: before (40 + 60) / 2 = 50; now (60 + 40) / 2 = 50 → 0
      { key: 'ministerio', label: 'Ministerios', previousAverage: 50, currentAverage: 50, delta: 0 },
      // secretaria: before (20 + 60) / 2 = 40; now igual 20 + cae carried forward 60 → 40 → 0
      { key: 'secretaria', label: 'Secretarías', previousAverage: 40, currentAverage: 40, delta: 0 },
      // other: before sale 20 (vuelve was an error) → 20; now vuelve 40 + nuevo 20 → 30 → +10
      { key: 'other', label: 'Otras dependencias', previousAverage: 20, currentAverage: 30, delta: 10 },
      // overall: before (40 + 60 + 20 + 60 + 20) / 5 = 40; now (60 + 40 + 20 + 60 + 40 + 20) / 6 = 40 → 0
      { key: 'overall', label: 'Todos los sitios', previousAverage: 40, currentAverage: 40, delta: 0 },
    ]);
  });
});
