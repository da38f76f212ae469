import { describe, expect, it } from 'vitest';
import { defaultComplianceConfig } from './compliance-config.js';
import type { ComplianceConfig } from './compliance-config.js';
import { complianceScores } from './compliance.js';
import type { CheckResult, ComplianceArea, Outcome } from './results.js';

function check(id: string, area: ComplianceArea, outcome: Outcome): CheckResult {
  return { id, area, outcome, title: { es: id, en: id }, implements: { es: '', en: '' }, evidence: [] };
}

const config: ComplianceConfig = {
  ...defaultComplianceConfig,
  areaWeights: { accessibility: 2, security: 1, usability: 1, recommendations: 1 },
  checkWeights: { a1: 3, a2: 1, s1: 1, s2: 1, s3: 1, u1: 1 },
};

describe('complianceScores', () => {
  it('weights checks within an area and areas overall', () => {
    const scores = complianceScores(
      [
        check('a1', 'accessibility', 'pass'),
        check('a2', 'accessibility', 'fail'),
        check('s1', 'security', 'pass'),
        check('s2', 'security', 'pass'),
        check('s3', 'security', 'fail'),
        check('u1', 'usability', 'fail'),
      ],
      { compliance: config },
    );
    // accessibility (3·100 + 1·0) / 4 = 75; security (100 + 100 + 0) / 3 = 66.67 → 66.7; usability 0;
    // recommendations: no check → null, left out of the overall.
    expect(scores.areas).toEqual({ accessibility: 75, security: 66.7, usability: 0, recommendations: null });
    // overall (2·75 + 1·66.667 + 1·0) / 4 = 54.17 → 54.2 (from the unrounded area means).
    expect(scores.overall).toBe(54.2);
  });

  it('gives not-applicable and error a weight of 0', () => {
    const scores = complianceScores(
      [
        check('a1', 'accessibility', 'error'),
        check('a2', 'accessibility', 'pass'),
        check('s1', 'security', 'not-applicable'),
        check('s2', 'security', 'fail'),
      ],
      { compliance: config },
    );
    expect(scores.areas.accessibility).toBe(100);
    expect(scores.areas.security).toBe(0);
    // (2·100 + 1·0) / 3 = 66.67
    expect(scores.overall).toBe(66.7);
  });

  it('is null when nothing could be judged', () => {
    const scores = complianceScores(
      [check('a1', 'accessibility', 'error'), check('s1', 'security', 'not-applicable')],
      { compliance: config },
    );
    expect(scores).toEqual({
      areas: { accessibility: null, security: null, usability: null, recommendations: null },
      overall: null,
    });
    expect(complianceScores([], { compliance: config }).overall).toBeNull();
  });

  it('weighs a check missing from the config as 1, and a check weighted 0 not at all', () => {
    const zero = { ...config, checkWeights: { ...config.checkWeights, a2: 0 } };
    expect(
      complianceScores([check('a1', 'accessibility', 'pass'), check('a2', 'accessibility', 'fail')], {
        compliance: zero,
      }).areas.accessibility,
    ).toBe(100);
    expect(
      complianceScores([check('x', 'usability', 'pass'), check('u1', 'usability', 'fail')], {
        compliance: config,
      }).areas.usability,
    ).toBe(50);
  });

  it('leaves an area weighted 0 out of the overall score', () => {
    const noSecurity = { ...config, areaWeights: { ...config.areaWeights, security: 0 } };
    const scores = complianceScores([check('a1', 'accessibility', 'pass'), check('s1', 'security', 'fail')], {
      compliance: noSecurity,
    });
    expect(scores.areas.security).toBe(0);
    expect(scores.overall).toBe(100);
  });
});
