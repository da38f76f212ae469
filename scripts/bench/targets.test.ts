import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, extrapolate, judge, rates } from './targets.js';

describe('rates', () => {
  it('turns counts and wall time into pages/s, sites/min and seconds per site', () => {
    expect(rates({ sites: 40, pages: 400, wallMs: 200_000 })).toEqual({
      pagesPerSecond: 2,
      sitesPerMinute: 12,
      secondsPerSite: 5,
    });
    expect(rates({ sites: 0, pages: 0, wallMs: 0 })).toEqual({
      pagesPerSecond: 0,
      sitesPerMinute: 0,
      secondsPerSite: 0,
    });
  });
});

describe('extrapolation to the report', () => {
  it('adds one serialised Lighthouse run per site and the browser start once', () => {
    const result = extrapolate({ pagesPerSecond: 2, sitesPerMinute: 12, secondsPerSite: 5 }, 10, 60);
    expect(result.sites).toBe(276);
    expect(result.singleJobMinutes).toBeCloseTo((60 + 276 * 15) / 60, 6);
    expect(result.sitesPerShard).toBe(35);
    expect(result.shardMinutes).toBeCloseTo((60 + 35 * 15) / 60, 6);
  });
});

describe('verdicts', () => {
  const extrapolation = extrapolate({ pagesPerSecond: 2, sitesPerMinute: 12, secondsPerSite: 5 }, 5, 0);
  it('passes at the thresholds and fails just past them', () => {
    const at = judge({
      ratio: 0.8,
      peakTotalPssMb: 1536,
      peakTotalRssMb: 2400,
      atDefaultConcurrency: true,
      extrapolation,
    });
    expect(at.map((verdict) => [verdict.id, verdict.pass])).toEqual([
      ['ratio-to-bare', true],
      ['peak-rss', true],
      ['single-job', true],
      ['sharded', true],
    ]);
    const past = judge({
      ratio: 0.79,
      peakTotalPssMb: 1537,
      peakTotalRssMb: 1537,
      atDefaultConcurrency: false,
      extrapolation: { ...extrapolation, singleJobMinutes: 60.1, shardMinutes: 10.1 },
    });
    expect(past.every((verdict) => !verdict.pass)).toBe(true);
    expect(past[1]?.text).toContain('NOT at the default concurrency');
    expect(at[1]?.text).toContain('1536 MB (summed VmRSS, shared pages counted per process: 2400 MB)');
  });

  it('reads its thresholds from targets.json', () => {
    expect(DEFAULT_TARGETS).toMatchObject({ minRatioToBare: 0.8, maxPeakRssMb: 1536, reportSites: 276 });
  });
});
