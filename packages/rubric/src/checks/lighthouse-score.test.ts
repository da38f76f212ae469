import { describe, expect, it } from 'vitest';
import { runCheck } from './check.js';
import { lighthouseAccessibility } from './lighthouse-accessibility.js';
import { lighthouseBestPractices } from './lighthouse-best-practices.js';
import { lighthousePerformance } from './lighthouse-performance.js';
import { lighthouseSeo } from './lighthouse-seo.js';
import { HOME, SETTINGS, lighthouseEvidence, settingsWith, siteEvidence } from './test-helpers/evidence.js';

const scores = (accessibility: number | null, performance: number | null = 80) => ({
  accessibility,
  performance,
  seo: 95,
  bestPractices: 95,
});

describe('lighthouse score checks', () => {
  it('pass at exactly the minimum and report the lowest score of the key pages', () => {
    const evidence = siteEvidence({
      lighthouse: lighthouseEvidence({
        pages: [
          { url: HOME, scores: scores(97) },
          { url: `${HOME}tramites`, scores: scores(90) },
        ],
      }),
    });
    const result = runCheck(lighthouseAccessibility, evidence, SETTINGS);
    expect(result).toMatchObject({ outcome: 'pass', value: 90, area: 'accessibility' });
    expect(result.evidence[0]).toEqual({
      url: `${HOME}tramites`,
      detail: 'Lighthouse accessibility 90 (minimum 90)',
    });
  });

  it('fail one point under the minimum', () => {
    const evidence = siteEvidence({
      lighthouse: lighthouseEvidence({
        pages: [
          { url: HOME, scores: scores(89) },
          { url: `${HOME}a`, scores: scores(100) },
        ],
      }),
    });
    expect(runCheck(lighthouseAccessibility, evidence, SETTINGS)).toMatchObject({
      outcome: 'fail',
      value: 89,
    });
  });

  it('read their own category and threshold', () => {
    const evidence = siteEvidence({
      lighthouse: lighthouseEvidence({ pages: [{ url: HOME, scores: scores(100, 49) }] }),
    });
    expect(runCheck(lighthousePerformance, evidence, SETTINGS)).toMatchObject({
      outcome: 'fail',
      value: 49,
      area: 'usability',
    });
    expect(
      runCheck(
        lighthousePerformance,
        evidence,
        settingsWith({ lighthouseMinScore: { ...SETTINGS.thresholds.lighthouseMinScore, performance: 40 } }),
      ).outcome,
    ).toBe('pass');
    expect(runCheck(lighthouseSeo, evidence, SETTINGS).value).toBe(95);
    expect(runCheck(lighthouseBestPractices, evidence, SETTINGS).value).toBe(95);
  });

  it('skip pages Lighthouse could not score, and error when it scored none', () => {
    const partly = siteEvidence({
      lighthouse: lighthouseEvidence({
        pages: [
          { url: HOME, scores: scores(null), error: 'NO_FCP' },
          { url: `${HOME}tramites`, scores: scores(93) },
        ],
      }),
    });
    expect(runCheck(lighthouseAccessibility, partly, SETTINGS)).toMatchObject({ outcome: 'pass', value: 93 });
    const none = siteEvidence({
      lighthouse: lighthouseEvidence({ pages: [{ url: HOME, scores: scores(null), error: 'NO_FCP' }] }),
    });
    const result = runCheck(lighthouseAccessibility, none, SETTINGS);
    expect(result.outcome).toBe('error');
    expect(result.evidence[0]!.detail).toMatch(/NO_FCP/);
  });

  it('are not applicable when Lighthouse was switched off, and error when it crashed', () => {
    expect(runCheck(lighthouseSeo, siteEvidence({ lighthouse: 'absent' }), SETTINGS).outcome).toBe(
      'not-applicable',
    );
    expect(runCheck(lighthouseSeo, siteEvidence({ lighthouse: 'error' }), SETTINGS).outcome).toBe('error');
  });
});
