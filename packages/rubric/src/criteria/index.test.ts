import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric-config.js';
import { evidenceMeeting, failed, withGathered } from '../test-support/evidence-builders.js';
import { CRITERIA, CRITERION_IDS } from './index.js';

/** The methodology's twelve criteria, in the report's order (Diagnóstico 2020, table 1). */
const METHODOLOGY = [
  'static_info',
  'many_pages',
  'links_to_agencies',
  'fresh_content',
  'downloadable_forms',
  'email_contact',
  'working_search',
  'interactive_channels',
  'user_accounts',
  'e_payments',
  'citizen_centric_portal',
  'e_participation',
];

describe('CRITERIA', () => {
  it('holds the twelve methodology criteria once each, in level order', () => {
    expect(CRITERIA.map((c) => c.meta.id)).toEqual(METHODOLOGY);
    expect(CRITERION_IDS).toEqual(METHODOLOGY);
    const levels = CRITERIA.map((c) => c.meta.level);
    expect([...levels].sort()).toEqual(levels);
  });

  it('every criterion says what it implements, in Spanish and English', () => {
    for (const { meta } of CRITERIA) {
      expect(meta.title.es && meta.title.en && meta.implements.es && meta.implements.en).toBeTruthy();
      expect(meta.requiredEvidence.length).toBeGreaterThan(0);
    }
  });

  it.each(CRITERIA.map((c) => [c.meta.id, c] as const))(
    '%s: passes on evidence that meets it, fails otherwise',
    (id, criterion) => {
      const settings = defaultRubric.criteria[id] as never;
      const met = criterion.evaluate(evidenceMeeting([id]), settings);
      expect(met.outcome).toBe('pass');
      expect(met.met).toBe(true);
      expect(met.evidence.length).toBeGreaterThan(0);
      for (const pointer of met.evidence) expect(() => new URL(pointer.url)).not.toThrow();
      const notMet = criterion.evaluate(
        evidenceMeeting(CRITERION_IDS.filter((other) => other !== id)),
        settings,
      );
      expect(notMet.outcome).toBe('fail');
      expect(notMet.met).toBe(false);
      expect(notMet.reason.es).not.toBe(met.reason.es);
    },
  );

  it.each(CRITERIA.flatMap((c) => c.meta.requiredEvidence.map((kind) => [c.meta.id, kind, c] as const)))(
    '%s: missing "%s" evidence is an error, never a silent fail',
    (id, kind, criterion) => {
      const result = criterion.evaluate(
        withGathered(evidenceMeeting([...CRITERION_IDS]), { [kind]: undefined }),
        defaultRubric.criteria[id] as never,
      );
      expect(result.outcome).toBe('error');
      expect(result.met).toBe(false);
      expect(result.reason.en).toContain(`"${kind}" evidence is missing`);
    },
  );

  it.each(CRITERIA.flatMap((c) => c.meta.requiredEvidence.map((kind) => [c.meta.id, kind, c] as const)))(
    '%s: a failed "%s" collector is an error carrying its message',
    (id, kind, criterion) => {
      const evidence = withGathered(evidenceMeeting([...CRITERION_IDS]), {
        [kind]: failed('timeout', 'page.goto: Timeout 30000ms exceeded'),
      });
      const result = criterion.evaluate(evidence, defaultRubric.criteria[id] as never);
      expect(result.outcome).toBe('error');
      expect(result.met).toBe(false);
      expect(result.reason.es).toContain('Timeout 30000ms exceeded');
      expect(result.reason.en).toContain('(timeout)');
    },
  );
});
