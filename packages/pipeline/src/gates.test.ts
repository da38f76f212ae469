import { describe, expect, it } from 'vitest';
import type { SiteResult } from '@egov-monitor/rubric';
import { evaluateGates } from './gates.js';

const site = (url: string, level: number, overall: number | null) =>
  ({ url, name: url, maturity: { level }, compliance: { overall } }) as unknown as SiteResult;

const sites = [site('https://a.gob.gt/', 3, 80), site('https://b.gob.gt/', 2, 69.9), site('https://c.gob.gt/', 0, null)];

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
    expect(evaluateGates(sites, { failUnderLevel: 2, failUnderScore: 50 }).map((gate) => [gate.id, gate.met])).toEqual([
      ['level', false],
      ['score', false],
    ]);
  });
});
