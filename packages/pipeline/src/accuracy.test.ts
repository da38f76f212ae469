import { describe, expect, it } from 'vitest';
import type { CriterionId, MaturityLevel, SiteResult } from '@egov-monitor/rubric';
import type { LabelledSite } from './accuracy.js';
import { formatAccuracy, measureAccuracy } from './accuracy.js';

function result(
  url: string,
  level: MaturityLevel,
  met: Partial<Record<CriterionId, boolean>>,
  error?: string,
): SiteResult {
  return {
    url,
    finalUrl: url,
    name: url,
    group: 'other',
    status: error ? 'error' : 'ok',
    ...(error ? { error: { code: error, message: `because ${error}` } } : {}),
    scannedAt: '2026-11-25T00:00:00.000Z',
    maturity: {
      level,
      points: level * 20,
      criteria: Object.entries(met).map(([id, value]) => ({
        id: id as CriterionId,
        level: 1,
        outcome: value ? 'pass' : 'fail',
        met: value,
        evidence: [{ url, detail: `looked at ${id}` }],
        reason: { es: 'razón', en: `reason for ${id}` },
      })),
    },
    accessibility: { pagesScanned: 0, violations: [] },
    checks: [],
    compliance: {
      areas: { accessibility: null, security: null, usability: null, recommendations: null },
      overall: null,
    },
  };
}

const labels: LabelledSite[] = [
  {
    id: 'nivel-1',
    url: 'https://a/',
    status: 'ok',
    level: 1,
    criteria: { static_info: true, many_pages: false },
  },
  {
    id: 'nivel-2',
    url: 'https://b/',
    status: 'ok',
    level: 2,
    criteria: { static_info: true, many_pages: true },
  },
  {
    id: 'caida',
    url: 'https://c/',
    status: 'error',
    errorCode: 'connection-refused',
    level: 0,
    criteria: {},
  },
];

describe('measureAccuracy', () => {
  it('counts status, levels and criteria, and lists each miss with its evidence', () => {
    const report = measureAccuracy(labels, [
      result('https://a/', 1, { static_info: true, many_pages: false }),
      result('https://b/', 1, { static_info: true, many_pages: false }),
      result('https://c/', 0, {}, 'timeout'),
    ]);
    expect(report.status).toEqual({ correct: 2, total: 3 });
    expect(report.levels).toEqual([
      { level: 0, correct: 1, total: 1 },
      { level: 1, correct: 1, total: 1 },
      { level: 2, correct: 0, total: 1 },
    ]);
    expect(report.criteria).toEqual([
      { id: 'static_info', correct: 2, total: 2 },
      { id: 'many_pages', correct: 1, total: 2 },
    ]);
    expect(report.misses.map((miss) => [miss.site, miss.what, miss.expected, miss.got])).toEqual([
      ['nivel-2', 'level', '2', '1'],
      ['nivel-2', 'many_pages', 'true', 'false (fail)'],
      ['caida', 'status', 'error connection-refused', 'error timeout'],
    ]);
    expect(report.misses[1]?.evidence).toContain('https://b/ — looked at many_pages');
    const text = formatAccuracy(report);
    expect(text).toContain('many_pages');
    expect(text).toContain(' 50.0%');
    expect(text).toContain('nivel-2  many_pages: expected true, got false (fail)');
  });

  it('reports a labelled site with no result as a miss', () => {
    const report = measureAccuracy(labels.slice(0, 1), []);
    expect(report.status).toEqual({ correct: 0, total: 1 });
    expect(report.misses).toEqual([
      { site: 'nivel-1', what: 'status', expected: 'ok', got: 'no result', evidence: '' },
    ]);
  });

  it('a pinned outcome must match too: "not met" is wrong where the label says inconclusive', () => {
    const label: LabelledSite = {
      id: 'x',
      url: 'https://x/',
      status: 'ok',
      level: 1,
      criteria: { working_search: false },
      outcomes: { working_search: 'inconclusive' },
    };
    const failed = measureAccuracy([label], [result('https://x/', 1, { working_search: false })]);
    expect(failed.misses.map((m) => [m.what, m.expected, m.got])).toEqual([
      ['working_search', 'false (inconclusive)', 'false (fail)'],
    ]);
    const inconclusive = result('https://x/', 1, { working_search: false });
    inconclusive.maturity.criteria[0]!.outcome = 'inconclusive';
    expect(measureAccuracy([label], [inconclusive]).misses).toEqual([]);
  });
});
