import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSite } from './evaluate.js';
import type { CriterionId, MaturityLevel } from './results.js';
import { CRITERION_IDS } from './results.js';
import { defaultRubric } from './rubric-config.js';
import { SITE, evidenceForLevel, evidenceMeeting, failed, fatalEvidence, withGathered } from './test-support/evidence-builders.js';

describe('evaluateSite', () => {
  it.each([0, 1, 2, 3, 4, 5] as MaturityLevel[])('a level-%i site scores that level', (level) => {
    const result = evaluateSite(evidenceForLevel(level));
    expect(result.maturity.level).toBe(level);
    expect(result.maturity.points).toBe(level * 20);
  });

  it('fills the site identity, checks, compliance, accessibility and Lighthouse', () => {
    const result = evaluateSite(evidenceForLevel(3));
    expect(result).toMatchObject({
      url: SITE,
      finalUrl: SITE,
      name: 'Ministerio de Ejemplo',
      acronym: 'MINEJ',
      institution: 'Ministerio de Ejemplo',
      group: 'ministerio',
      status: 'ok',
      scannedAt: '2026-03-15T15:00:00.000Z',
    });
    expect(result.error).toBeUndefined();
    expect(result.maturity.criteria.map((c) => c.id)).toEqual([...CRITERION_IDS]);
    expect(result.checks.length).toBeGreaterThan(0);
    expect(result.compliance.overall).not.toBeNull();
    expect(result.accessibility.violations.map((v) => v.ruleId).sort()).toEqual(['color-contrast', 'image-alt']);
    expect(result.lighthouse).toEqual([{ url: SITE, scores: { accessibility: 82, bestPractices: 78, seo: 91, performance: 47 } }]);
  });

  it('names the site by its host and puts it in "other" when the list gives nothing', () => {
    const evidence = evidenceMeeting(['static_info'], { target: { name: undefined, acronym: undefined, institution: undefined, group: undefined } });
    const result = evaluateSite(evidence);
    expect(result).toMatchObject({ name: 'www.minejemplo.gob.gt', group: 'other' });
    expect('acronym' in result).toBe(false);
  });

  it('a fatal site gets level 0, status error, and every criterion an error carrying the reason', () => {
    const result = evaluateSite(fatalEvidence('tls-certificate-invalid', 'certificate has expired'));
    expect(result.status).toBe('error');
    expect(result.error).toEqual({ code: 'tls-certificate-invalid', message: 'certificate has expired' });
    expect(result.maturity.level).toBe(0);
    expect(result.maturity.points).toBe(0);
    expect(result.maturity.criteria).toHaveLength(12);
    for (const c of result.maturity.criteria) {
      expect(c).toMatchObject({ outcome: 'error', met: false });
      expect(c.reason.en).toContain('certificate has expired');
    }
  });

  it('a failed collector gives its criterion an error outcome and never counts as met', () => {
    const evidence = withGathered(evidenceForLevel(2), { dates: failed('timeout', 'news page did not load') });
    const result = evaluateSite(evidence);
    expect(result.maturity.criteria.find((c) => c.id === 'fresh_content')).toMatchObject({ outcome: 'error', met: false });
    expect(result.maturity.level).toBe(1);
    expect(result.status).toBe('ok');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(evaluateSite(evidenceForLevel(4)))).toBe(JSON.stringify(evaluateSite(evidenceForLevel(4))));
  });

  it("property: turning any criterion's evidence to met never lowers the level", () => {
    fc.assert(
      fc.property(fc.subarray([...CRITERION_IDS]), fc.constantFrom(...CRITERION_IDS), (met: CriterionId[], extra) => {
        const before = evaluateSite(evidenceMeeting(met), defaultRubric).maturity.level;
        const after = evaluateSite(evidenceMeeting([...met, extra]), defaultRubric).maturity.level;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
