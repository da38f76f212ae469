import { describe, expect, it } from 'vitest';
import type { ItemTrend, MergedAxeViolation } from '@egov-monitor/rubric';
import { findingsByPage, itemHistory, screenshotsOf } from './views.js';
import type { SiteResult } from '@egov-monitor/rubric';

const item = (episodes: ItemTrend['episodes'], firstPassed: string | null = null): ItemTrend => ({
  id: 'x',
  latest: 'fail',
  latestDate: null,
  firstPassed,
  episodes,
});

describe('itemHistory', () => {
  it('says since when a problem lasts, when it was fixed, or since when it is met', () => {
    expect(
      itemHistory(
        item([{ firstSeen: '2026-01-05T06:00:00Z', lastSeen: '2026-03-05T06:00:00Z', fixed: null }]),
        'es',
      ),
    ).toBe('no cumple desde el 5 ene 2026');
    expect(
      itemHistory(
        item([
          {
            firstSeen: '2026-01-05T06:00:00Z',
            lastSeen: '2026-01-05T06:00:00Z',
            fixed: '2026-02-05T06:00:00Z',
          },
        ]),
        'en',
      ),
    ).toBe('fixed on Feb 5, 2026 (failing since Jan 5, 2026)');
    expect(itemHistory(item([], '2026-01-05T06:00:00Z'), 'es')).toBe('cumple desde el 5 ene 2026');
    expect(
      itemHistory(
        item([
          {
            firstSeen: '2026-01-05T06:00:00Z',
            lastSeen: '2026-01-05T06:00:00Z',
            fixed: '2026-02-05T06:00:00Z',
          },
          { firstSeen: '2026-03-05T06:00:00Z', lastSeen: '2026-03-05T06:00:00Z', fixed: null },
        ]),
        'es',
      ),
    ).toBe('no cumple desde el 5 mar 2026; fallas anteriores: 1');
    expect(itemHistory(undefined, 'es')).toBe('—');
  });
});

describe('findingsByPage', () => {
  it('regroups the rules by page, worst impact first', () => {
    const v = (
      ruleId: string,
      impact: MergedAxeViolation['impact'],
      pages: string[],
    ): MergedAxeViolation => ({
      ruleId,
      impact,
      wcag: [],
      bestPractice: false,
      help: ruleId,
      helpUrl: `https://dequeuniversity.com/rules/axe/4.10/${ruleId}`,
      nodes: 1,
      pages,
      selectors: [],
    });
    const byPage = findingsByPage(
      [v('region', 'moderate', ['https://a/', 'https://a/b']), v('image-alt', 'critical', ['https://a/b'])],
      'es',
    );
    expect(byPage.map((p) => [p.url, p.rules.map((r) => `${r.ruleId} ${r.impact}`)])).toEqual([
      ['https://a/', ['region moderado']],
      ['https://a/b', ['image-alt crítico', 'region moderado']],
    ]);
  });
});

describe('screenshotsOf', () => {
  it('shows the screenshots a result carries, and none when it carries none', () => {
    const site = {
      screenshots: [
        { viewport: '360 px', file: 'shots/home-360.webp', width: 360, height: 780 },
        { viewport: 'x' },
      ],
    } as unknown as SiteResult;
    expect(screenshotsOf(site, 'es', 'MINFIN', (f) => `../a/${f}`)).toEqual([
      {
        src: '../a/shots/home-360.webp',
        alt: 'Captura de MINFIN en 360 px',
        caption: '360 px',
        width: 360,
        height: 780,
      },
    ]);
    expect(screenshotsOf({} as SiteResult, 'es', 'x', String)).toEqual([]);
  });
});
