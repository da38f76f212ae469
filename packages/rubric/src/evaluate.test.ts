import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSite } from './evaluate.js';
import type { CriterionId, MaturityLevel } from './results.js';
import { CRITERION_IDS } from './criteria/index.js';
import { defaultRubric } from './rubric-config.js';
import {
  SITE,
  accessibilityEvidence,
  crawlEvidence,
  datesEvidence,
  evidenceForLevel,
  evidenceMeeting,
  failed,
  fatalEvidence,
  partial,
  participationEvidence,
  searchEvidence,
  withGathered,
} from './test-support/evidence-builders.js';

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
    expect(result.accessibility.violations.map((v) => v.ruleId).sort()).toEqual([
      'color-contrast',
      'image-alt',
    ]);
    expect(result.lighthouse).toEqual([
      { url: SITE, scores: { accessibility: 82, bestPractices: 78, seo: 91, performance: 47 } },
    ]);
  });

  it('names the site by its host and puts it in "other" when the list gives nothing', () => {
    const evidence = evidenceMeeting(['static_info'], {
      target: { name: undefined, acronym: undefined, institution: undefined, group: undefined },
    });
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
    const evidence = withGathered(evidenceForLevel(2), {
      dates: failed('collector-crashed', 'TypeError: x is null'),
    });
    const result = evaluateSite(evidence);
    expect(result.maturity.criteria.find((c) => c.id === 'fresh_content')).toMatchObject({
      outcome: 'error',
      met: false,
    });
    expect(result.maturity.level).toBe(1);
    expect(result.status).toBe('ok');
  });

  describe('unfinished work (a safety net fired)', () => {
    const criterion = (evidence: ReturnType<typeof evidenceForLevel>, id: CriterionId) =>
      evaluateSite(evidence).maturity.criteria.find((c) => c.id === id)!;

    it('turns a fail over incomplete evidence into inconclusive, with the reason, never met', () => {
      const evidence = withGathered(evidenceForLevel(1), {
        crawl: partial(crawlEvidence(SITE, 4), 'site-timeout', 'stopped after 900 s'),
      });
      const result = criterion(evidence, 'many_pages');
      expect(result).toMatchObject({ outcome: 'inconclusive', met: false });
      expect(result.reason.en).toContain('site-timeout');
      expect(result.reason.es).toContain('No concluyente');
      // What was found is still shown.
      expect(result.evidence.length).toBeGreaterThan(0);
    });

    it('keeps a pass over incomplete evidence: what was found counts', () => {
      const evidence = withGathered(evidenceForLevel(2), {
        dates: partial(datesEvidence(SITE, undefined, true)),
      });
      expect(criterion(evidence, 'fresh_content')).toMatchObject({ outcome: 'pass', met: true });
    });

    it('makes a collector stopped by its time limit inconclusive, and a crash an error', () => {
      const stopped = withGathered(evidenceForLevel(3), {
        search: failed('timeout', 'Timeout 300000ms exceeded: collector search'),
      });
      expect(criterion(stopped, 'working_search')).toMatchObject({ outcome: 'inconclusive', met: false });
      const crashed = withGathered(evidenceForLevel(3), { search: failed('collector-crashed', 'TypeError') });
      expect(criterion(crashed, 'working_search')).toMatchObject({ outcome: 'error', met: false });
    });

    it('leaves a fail over finished evidence a fail', () => {
      const evidence = withGathered(evidenceForLevel(2), {
        search: { status: 'ok', data: searchEvidence(SITE, false) },
      });
      expect(criterion(evidence, 'working_search')).toMatchObject({ outcome: 'fail' });
    });

    it('marks the level provisional when an inconclusive criterion could raise it, naming the criteria', () => {
      const evidence = withGathered(evidenceMeeting(['static_info', 'links_to_agencies']), {
        crawl: partial(crawlEvidence(SITE, 4)),
      });
      const { maturity } = evaluateSite(evidence);
      expect(maturity.level).toBe(1);
      expect(maturity).toMatchObject({ provisional: true, couldRaise: ['many_pages'], couldReach: 2 });
    });

    it('does not mark the level provisional when the inconclusive criteria could not change it', () => {
      // Level 2 site; e_participation (level 5) is inconclusive but level 3 and 4 are not met either.
      const evidence = withGathered(evidenceForLevel(2), {
        participation: partial(participationEvidence(SITE, false)),
      });
      const { maturity } = evaluateSite(evidence);
      expect(maturity.criteria.find((c) => c.id === 'e_participation')?.outcome).toBe('inconclusive');
      expect(maturity.level).toBe(2);
      expect(maturity.provisional).toBeUndefined();
      expect(maturity.couldRaise).toBeUndefined();
    });

    it('judges standards checks the same way: a partial "not found" is inconclusive, a found defect stands', () => {
      const evidence = withGathered(evidenceForLevel(3), {
        recommendations: failed('timeout', 'Timeout exceeded: collector recommendations'),
        accessibility: partial(accessibilityEvidence(SITE)),
      });
      const checks = evaluateSite(evidence).checks;
      for (const check of checks.filter((c) =>
        ['privacy-policy', 'open-data', 'public-information'].includes(c.id),
      )) {
        expect(check.outcome, check.id).toBe('inconclusive');
      }
      // axe found violations on the pages it read: the WCAG check still fails.
      expect(checks.find((c) => c.id === 'wcag-a')?.outcome).toBe('fail');
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(evaluateSite(evidenceForLevel(4)))).toBe(
      JSON.stringify(evaluateSite(evidenceForLevel(4))),
    );
  });

  it("property: turning any criterion's evidence to met never lowers the level", () => {
    fc.assert(
      fc.property(
        fc.subarray([...CRITERION_IDS]),
        fc.constantFrom(...CRITERION_IDS),
        (met: CriterionId[], extra) => {
          const before = evaluateSite(evidenceMeeting(met), defaultRubric).maturity.level;
          const after = evaluateSite(evidenceMeeting([...met, extra]), defaultRubric).maturity.level;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
