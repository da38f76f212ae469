import { describe, expect, it } from 'vitest';
import { CHECK_IDS, defaultComplianceConfig } from '../compliance-config.js';
import type { Check } from './check.js';
import { runCheck } from './check.js';
import { CHECKS, evaluateChecks } from './index.js';
import { SETTINGS, httpsEvidence, siteEvidence } from './test-helpers/evidence.js';

const rubric = { compliance: defaultComplianceConfig };

describe('CHECKS', () => {
  it('have unique kebab-case ids, in the order of the default config, each with a weight', () => {
    const ids = CHECKS.map((check) => check.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids).toEqual([...CHECK_IDS]);
    for (const id of ids) expect(defaultComplianceConfig.checkWeights[id]).toBeGreaterThan(0);
  });

  it('each carry Spanish and English title, what it implements and a hint, and declare evidence', () => {
    for (const { meta } of CHECKS) {
      for (const text of [meta.title, meta.implements, meta.hint]) {
        expect(text.es.length, meta.id).toBeGreaterThan(5);
        expect(text.en.length, meta.id).toBeGreaterThan(5);
      }
      expect(meta.requiredEvidence.length, meta.id).toBeGreaterThan(0);
    }
  });

  it('cover the four areas', () => {
    const perArea: Record<string, number> = {};
    for (const { meta } of CHECKS) perArea[meta.area] = (perArea[meta.area] ?? 0) + 1;
    expect(perArea).toEqual({
      accessibility: 16,
      security: 9,
      usability: 10,
      recommendations: 8,
    });
  });
});

describe('evaluateChecks', () => {
  it('passes every check on a site that does everything right', () => {
    const results = evaluateChecks(siteEvidence(), rubric);
    expect(results.map((result) => result.id)).toEqual([...CHECK_IDS]);
    expect(results.filter((result) => result.outcome !== 'pass').map((result) => result.id)).toEqual([]);
  });

  it('makes the Lighthouse checks not applicable when Lighthouse was switched off', () => {
    const results = evaluateChecks(siteEvidence({ lighthouse: 'absent' }), rubric);
    expect(
      results.filter((result) => result.outcome === 'not-applicable').map((result) => result.id),
    ).toEqual([
      'lighthouse-accessibility',
      'lighthouse-performance',
      'lighthouse-seo',
      'lighthouse-best-practices',
    ]);
  });

  it('uses the rubric’s thresholds', () => {
    const strict = {
      compliance: {
        ...defaultComplianceConfig,
        thresholds: { ...defaultComplianceConfig.thresholds, certificateMinDaysLeft: 90 },
      },
    };
    const result = evaluateChecks(siteEvidence(), strict).find((check) => check.id === 'certificate-expiry');
    expect(result).toMatchObject({ outcome: 'fail', value: 80 });
  });

  it('on a fatal site gives every check error except the HTTPS ones whose evidence exists', () => {
    const fatal = { code: 'tls-certificate-invalid', message: 'unable to verify the first certificate' };
    const evidence = siteEvidence(
      {
        https: httpsEvidence({ validHttps: false, badChain: true }),
        accessibility: 'absent',
        usability: 'absent',
      },
      fatal,
    );
    const results = evaluateChecks(evidence, rubric);
    const judged = results
      .filter((result) => result.outcome !== 'error')
      .map((result) => `${result.id}:${result.outcome}`);
    expect(judged).toEqual([
      'https-valid:fail',
      'https-enforced:pass',
      'hsts:pass',
      'hsts-strong:pass',
      'tls-version:pass',
      'certificate-expiry:pass',
    ]);
    expect(results.find((result) => result.id === 'viewport')!.evidence[0]!.detail).toBe(
      'tls-certificate-invalid: unable to verify the first certificate',
    );
    const withoutProbe = evaluateChecks(siteEvidence({ https: 'absent' }, fatal), rubric);
    expect(withoutProbe.every((result) => result.outcome === 'error')).toBe(true);
  });

  it('turns a check that throws into an error result, never a crash', () => {
    const broken: Check = {
      meta: { ...CHECKS[0]!.meta, id: 'broken' },
      evaluate() {
        throw new Error('unexpected shape');
      },
    };
    const result = runCheck(broken, siteEvidence(), SETTINGS);
    expect(result).toMatchObject({ id: 'broken', outcome: 'error' });
    expect(result.evidence[0]!.detail).toBe('check failed: unexpected shape');
  });
});
