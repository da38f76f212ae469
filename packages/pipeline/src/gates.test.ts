import { describe, expect, it } from 'vitest';
import type { RunComparison, SiteResult } from '@egov-monitor/rubric';
import { evaluateGates, gateFailureLines } from './gates.js';

const site = (url: string, level: number, overall: number | null) =>
  ({ url, name: url, maturity: { level }, compliance: { overall } }) as unknown as SiteResult;

const sites = [
  site('https://a.gob.gt/', 3, 80),
  site('https://b.gob.gt/', 2, 69.9),
  site('https://c.gob.gt/', 0, null),
];

describe('evaluateGates', () => {
  it('asks nothing when no threshold is given', () => {
    expect(evaluateGates(sites, {})).toEqual([]);
  });

  it('lists the sites below the level, an unevaluated site counting as level 0', () => {
    const [gate] = evaluateGates(sites, { failUnderLevel: 3 });
    expect(gate).toMatchObject({ id: 'level', threshold: 3, met: false, description: 'maturity level ≥ 3' });
    expect(gate!.below).toEqual([
      { url: 'https://b.gob.gt/', name: 'https://b.gob.gt/', actual: 'level 2' },
      { url: 'https://c.gob.gt/', name: 'https://c.gob.gt/', actual: 'level 0' },
    ]);
    expect(evaluateGates(sites, { failUnderLevel: 0 })[0]).toMatchObject({ met: true, below: [] });
  });

  it('lists the sites below the standards score: exactly met passes, no score fails', () => {
    const [gate] = evaluateGates(sites, { failUnderScore: 70 });
    expect(gate!.below.map((below) => below.actual)).toEqual(['standards score 69.9', 'no standards score']);
    expect(evaluateGates([sites[0]!], { failUnderScore: 80 })[0]!.met).toBe(true);
  });

  it('evaluates both gates when both are asked', () => {
    expect(
      evaluateGates(sites, { failUnderLevel: 2, failUnderScore: 50 }).map((gate) => [gate.id, gate.met]),
    ).toEqual([
      ['level', false],
      ['score', false],
    ]);
  });
});

describe('the regression gate', () => {
  const comparison = (sitesCompared: RunComparison['sites']): RunComparison => ({
    previousStartedAt: '2026-03-01T10:00:00.000Z',
    sites: sitesCompared,
    groups: [],
  });
  const compared = (accessibilityNew: RunComparison['sites'][number]['accessibility']['new']) => ({
    url: 'https://a.gob.gt/',
    name: 'Ministerio A',
    kind: 'unchanged' as const,
    previous: { level: 3 as const, points: 60, status: 'ok' as const },
    current: { level: 3 as const, points: 60, status: 'ok' as const },
    criteriaGained: [],
    criteriaLost: [],
    accessibility: { new: accessibilityNew, fixed: [], persisting: [] },
    checksChanged: [],
  });

  it('is met, saying so, when there is no baseline', () => {
    expect(evaluateGates(sites, { failOn: 'regression' })).toEqual([
      expect.objectContaining({
        id: 'regression',
        met: true,
        below: [],
        note: expect.stringContaining('no baseline'),
      }),
    ]);
  });

  it('fails on each new finding, one line each, and passes when nothing got worse', () => {
    const worse = comparison([
      compared([
        { ruleId: 'label', page: 'https://a.gob.gt/contacto', target: '#email' },
        { ruleId: 'image-alt', page: 'https://a.gob.gt/', moreNodes: 2 },
      ]),
    ]);
    const gates = evaluateGates(sites, { failOn: 'regression' }, worse);
    expect(gates[0]!.met).toBe(false);
    expect(gateFailureLines(gates)).toEqual([
      '2 regression(s) since the baseline:',
      '  Ministerio A: new accessibility violation label on https://a.gob.gt/contacto: #email',
      '  Ministerio A: new accessibility violation image-alt on https://a.gob.gt/: 2 more element(s) fail',
    ]);
    expect(evaluateGates(sites, { failOn: 'regression' }, comparison([compared([])]))[0]!.met).toBe(true);
    expect(evaluateGates(sites, { failOn: 'nothing' }, worse)).toEqual([]);
  });
});
