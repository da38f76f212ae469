import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLevel } from './levels.js';
import type { CriterionId } from './results.js';
import { CRITERION_IDS } from './criteria/index.js';
import { defaultRubric, parseRubric } from './rubric-config.js';

const levels = defaultRubric.levels;
const meeting = (ids: CriterionId[]) => CRITERION_IDS.map((id) => ({ id, met: ids.includes(id) }));
const level = (ids: CriterionId[]) => computeLevel(meeting(ids), levels);

const L1: CriterionId[] = ['static_info'];
const L3: CriterionId[] = ['downloadable_forms', 'email_contact', 'working_search'];

describe('levels (default rubric)', () => {
  it('nothing met → level 0, 0 points', () => {
    expect(level([])).toEqual({ level: 0, points: 0 });
  });

  it('level 1 needs static_info', () => {
    expect(level(L1)).toEqual({ level: 1, points: 20 });
    expect(level(['many_pages', 'links_to_agencies', 'fresh_content'])).toEqual({ level: 0, points: 0 });
  });

  it('level 2 needs 2 of its 3: two met → 2, one met → 1', () => {
    expect(level([...L1, 'many_pages', 'fresh_content'])).toEqual({ level: 2, points: 40 });
    expect(level([...L1, 'links_to_agencies', 'fresh_content'])).toEqual({ level: 2, points: 40 });
    expect(level([...L1, 'links_to_agencies'])).toEqual({ level: 1, points: 20 });
  });

  it('level 3 needs 3 of its 5: three met → 3, two met → 2', () => {
    const two: CriterionId[] = [...L1, 'many_pages', 'fresh_content'];
    expect(level([...two, ...L3])).toEqual({ level: 3, points: 60 });
    expect(level([...two, 'interactive_channels', 'user_accounts', 'email_contact'])).toEqual({
      level: 3,
      points: 60,
    });
    expect(level([...two, 'downloadable_forms', 'user_accounts'])).toEqual({ level: 2, points: 40 });
  });

  it('is cumulative: level-3 criteria met but level 2 not → level 1', () => {
    expect(level([...L1, 'many_pages', ...L3, 'interactive_channels', 'user_accounts'])).toEqual({
      level: 1,
      points: 20,
    });
  });

  it('level 4 needs e_payments: a citizen-centric portal alone is not enough', () => {
    const three: CriterionId[] = [...L1, 'many_pages', 'fresh_content', ...L3];
    expect(level([...three, 'citizen_centric_portal'])).toEqual({ level: 3, points: 60 });
    expect(level([...three, 'e_payments'])).toEqual({ level: 4, points: 80 });
  });

  it('level 5 needs e_participation on top of level 4', () => {
    const four: CriterionId[] = [...L1, 'many_pages', 'fresh_content', ...L3, 'e_payments'];
    expect(level([...four, 'e_participation'])).toEqual({ level: 5, points: 100 });
    expect(level([...L1, 'many_pages', 'fresh_content', ...L3, 'e_participation'])).toEqual({
      level: 3,
      points: 60,
    });
  });

  it('a criterion that is not met (e.g. outcome error) does not count', () => {
    const results = meeting([...L1, 'many_pages']).map((r) =>
      r.id === 'fresh_content' ? { ...r, met: false } : r,
    );
    expect(computeLevel(results, levels).level).toBe(1);
  });

  it('requirements are data: a rubric asking 2 of 5 at level 3 lowers the bar', () => {
    const lenient = parseRubric({ levels: { '3': { minMet: 2 } } });
    const ids: CriterionId[] = [...L1, 'many_pages', 'fresh_content', 'email_contact', 'working_search'];
    expect(computeLevel(meeting(ids), lenient.levels).level).toBe(3);
    expect(computeLevel(meeting(ids), levels).level).toBe(2);
  });

  it('property: meeting one more criterion never lowers the level', () => {
    fc.assert(
      fc.property(fc.subarray([...CRITERION_IDS]), fc.constantFrom(...CRITERION_IDS), (met, extra) => {
        const before = level(met);
        const after = level([...met, extra]);
        expect(after.level).toBeGreaterThanOrEqual(before.level);
        expect(after.points).toBeGreaterThanOrEqual(before.points);
      }),
      { numRuns: 500 },
    );
  });
});
