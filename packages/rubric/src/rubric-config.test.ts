import { describe, expect, it } from 'vitest';
import { CRITERIA } from './criteria/index.js';
import { defaultComplianceConfig } from './compliance-config.js';
import governmentDomains from './data/government-domains.json' with { type: 'json' };
import { evaluateSite } from './evaluate.js';
import { CRITERION_IDS } from './criteria/index.js';
import { defaultProfile } from './profiles/profile.js';
import { RubricError, defaultRubric, parseRubric } from './rubric-config.js';
import { crawlEvidence, evidenceMeeting, ok, withGathered } from './test-support/evidence-builders.js';

function refusal(raw: unknown): string {
  try {
    parseRubric(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(RubricError);
    return (error as RubricError).message;
  }
  throw new Error('parseRubric accepted an invalid rubric');
}

describe('defaultRubric', () => {
  it('ships the methodology: five levels, 20…100 points, Spanish names', () => {
    expect(Object.values(defaultRubric.levels).map((l) => [l.name.es, l.points])).toEqual([
      ['Emergente', 20],
      ['Ampliado', 40],
      ['Interactivo', 60],
      ['Transaccional', 80],
      ['Integrado', 100],
    ]);
    expect(defaultRubric.criteria.many_pages.minPages).toBe(15);
    expect(defaultRubric.compliance).toEqual(defaultComplianceConfig);
    expect(defaultRubric.references.find((r) => r.id === 'un-egdi-2020')?.value).toBe(51);
  });

  it('every criterion sits in exactly one level, the level its meta declares', () => {
    const listed = Object.entries(defaultRubric.levels).flatMap(([n, l]) =>
      l.criteria.map((id) => [id, Number(n)] as const),
    );
    expect(listed.map(([id]) => id).sort()).toEqual([...CRITERION_IDS].sort());
    for (const criterion of CRITERIA)
      expect(listed).toContainEqual([criterion.meta.id, criterion.meta.level]);
  });

  it("has settings for every criterion and takes its government domains from the data file and Guatemala's profile", () => {
    expect(Object.keys(defaultRubric.criteria).sort()).toEqual([...CRITERION_IDS].sort());
    const guatemalan = defaultProfile.government.agencyDomains.map((agency) => ({
      ...agency,
      country: 'GT',
    }));
    expect(defaultRubric.criteria.links_to_agencies.agencyDomains).toEqual([
      ...guatemalan,
      ...governmentDomains.agencyDomains,
    ]);
    const domains = defaultRubric.criteria.links_to_agencies.agencyDomains.map((d) => d.domain);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it("is Guatemala's: its references are the profile's", () => {
    expect(defaultRubric.references).toEqual(defaultProfile.references);
  });

  it('is frozen, so no caller can change the defaults for everyone', () => {
    expect(Object.isFrozen(defaultRubric.criteria.many_pages)).toBe(true);
  });
});

describe('parseRubric', () => {
  it('returns the defaults for an empty or absent document', () => {
    expect(parseRubric(undefined)).toEqual(defaultRubric);
    expect(parseRubric({})).toEqual(defaultRubric);
  });

  it('a partial override changes a threshold, keeps the rest, and changes the outcome', () => {
    const rubric = parseRubric({ criteria: { many_pages: { minPages: 5 } } });
    expect(rubric.criteria.many_pages).toEqual({ minPages: 5, minWords: 50 });
    expect(rubric.criteria.fresh_content).toEqual(defaultRubric.criteria.fresh_content);
    const evidence = withGathered(evidenceMeeting(['static_info']), {
      crawl: ok(crawlEvidence(undefined, 6)),
    });
    const many = (r: typeof rubric) =>
      evaluateSite(evidence, r).maturity.criteria.find((c) => c.id === 'many_pages')!;
    expect(many(defaultRubric).outcome).toBe('fail');
    expect(many(rubric).outcome).toBe('pass');
  });

  it('lists replace the default list', () => {
    const rubric = parseRubric({ criteria: { links_to_agencies: { excludedDomains: ['facebook.com'] } } });
    expect(rubric.criteria.links_to_agencies.excludedDomains).toEqual(['facebook.com']);
  });

  it('accepts compliance overrides validated by the compliance schema', () => {
    const rubric = parseRubric({ compliance: { thresholds: { maxPageBytes: 1_000_000 } } });
    expect(rubric.compliance.thresholds.maxPageBytes).toBe(1_000_000);
    expect(rubric.compliance.areaWeights).toEqual(defaultComplianceConfig.areaWeights);
  });

  it('refuses a misspelt key, naming it as unknown', () => {
    expect(refusal({ criteria: { many_pages: { minPagez: 10 } } })).toContain(
      'criteria.many_pages.minPagez: unknown key',
    );
    expect(refusal({ critera: {} })).toContain('critera: unknown key');
    expect(refusal({ compliance: { treshold: {} } })).toContain('compliance.treshold: unknown key');
  });

  it('refuses a wrong type, naming the key and the type', () => {
    expect(refusal({ criteria: { many_pages: { minPages: '15' } } })).toContain(
      'criteria.many_pages.minPages: wrong type, must be integer',
    );
    expect(refusal({ criteria: { fresh_content: true } })).toContain(
      'criteria.fresh_content: wrong type, must be object',
    );
    expect(refusal(['not', 'an', 'object'])).toContain('(root): wrong type, must be object');
  });

  it('refuses out-of-range values', () => {
    expect(refusal({ criteria: { many_pages: { minPages: 0 } } })).toContain(
      'criteria.many_pages.minPages: must be >= 1',
    );
    expect(refusal({ version: 2 })).toContain('version: must be equal to constant');
  });

  it('checks references between the data', () => {
    expect(refusal({ levels: { '2': { criteria: ['many_pages', 'nonexistent'] } } })).toContain(
      'levels.2.criteria[1]: must be one of static_info',
    );
    expect(refusal({ levels: { '2': { criteria: ['many_pages', 'static_info'], minMet: 1 } } })).toContain(
      'levels.2.criteria: static_info is already a criterion of level 1',
    );
    expect(refusal({ levels: { '4': { mandatory: ['e_participation'] } } })).toContain(
      'levels.4.mandatory: e_participation is not one of levels.4.criteria',
    );
    expect(refusal({ levels: { '3': { minMet: 6 } } })).toContain('levels.3.minMet: must be <= 5');
    const dup = { id: 'x', label: { es: 'x', en: 'x' }, value: 1 };
    expect(refusal({ references: [dup, dup] })).toContain('references[1].id: duplicate id x');
  });

  it('lists every problem at once', () => {
    const message = refusal({ criteria: { many_pages: { minPagez: 1, minWords: -1 } } });
    expect(message).toContain('minPagez: unknown key');
    expect(message).toContain('criteria.many_pages.minWords: must be >= 0');
  });
});
