import { describe, expect, it } from 'vitest';
import { siteResult, scanResults } from '../compare/test-helpers/site-result.js';
import { defaultRubric } from '../rubric-config.js';
import { CRITERION_IDS } from '../results.js';
import type { SiteResult } from '../results.js';
import { compactRun, historyRunFile, historyRunId, indexEntry, rubricFingerprint } from './compact-run.js';
import { parseHistoryRun } from './schema.js';

const results = () =>
  scanResults([
    siteResult({
      url: 'https://www.minfin.gob.gt/',
      name: 'Ministerio de Finanzas Públicas',
      institution: 'MINFIN',
      group: 'ministerio',
      level: 2,
      met: ['static_info', 'many_pages', 'fresh_content'],
      compliance: 71.5,
      violations: {
        'image-alt': ['https://www.minfin.gob.gt/', 'https://www.minfin.gob.gt/a'],
        'html-has-lang': ['https://www.minfin.gob.gt/'],
      },
      checks: { 'https-valid': 'pass', hsts: 'fail', 'wcag-a': 'inconclusive' },
    }),
    siteResult({
      url: 'https://caido.gob.gt/',
      name: 'Caído',
      group: 'secretaria',
      error: 'dns-not-found',
      checks: {},
    }),
  ]);

describe('compactRun', () => {
  it('keeps per site the identity, level, one letter per verdict, scores, accessibility counts and a fingerprint', () => {
    const run = compactRun(results(), { rubric: defaultRubric, list: 'guatemala' });
    expect(run.criteria).toEqual([...CRITERION_IDS]);
    expect(run.checks).toEqual(['https-valid', 'hsts', 'wcag-a']);
    const [minfin, caido] = run.sites;
    expect(minfin).toMatchObject({
      id: 'minfin.gob.gt',
      url: 'https://www.minfin.gob.gt/',
      institution: 'MINFIN',
      group: 'ministerio',
      status: 'ok',
      level: 2,
      points: 40,
      criteria: 'ppfpffffffff',
      checks: 'pfi',
      compliance: {
        accessibility: null,
        security: null,
        usability: null,
        recommendations: null,
        overall: 71.5,
      },
      accessibility: {
        pages: 3,
        rules: 2,
        nodes: 3,
        byRule: { 'html-has-lang': [1, 1], 'image-alt': [2, 2] },
      },
    });
    expect(minfin!.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(minfin).not.toHaveProperty('provisional');
    // A site that could not be evaluated has no verdicts: absent, never "not met".
    expect(caido).toMatchObject({
      status: 'error',
      error: 'dns-not-found',
      level: 0,
      criteria: '-'.repeat(12),
      checks: '---',
    });
    expect(() => parseHistoryRun(JSON.parse(JSON.stringify(run)), 'run.json')).not.toThrow();
  });

  it("counts a reviewer's override as the verdict, and keeps a provisional level's flag", () => {
    const input = results();
    const site = input.sites[0]!;
    site.maturity.criteria[2] = {
      ...site.maturity.criteria[2]!,
      met: true,
      override: { met: true, reason: 'revisado', author: 'ana', stale: false },
    };
    (site.maturity as SiteResult['maturity'] & { provisional?: boolean }).provisional = true;
    const run = compactRun(input, { rubric: defaultRubric });
    expect(run.sites[0]!.criteria.slice(0, 3)).toBe('ppp');
    expect(run.sites[0]!.provisional).toBe(true);
    expect(run.list).toBeNull();
  });

  it('changes the fingerprint when the evidence changes, not when the same results are compacted again', () => {
    const a = compactRun(results(), { rubric: defaultRubric }).sites[0]!.fingerprint;
    expect(compactRun(results(), { rubric: defaultRubric }).sites[0]!.fingerprint).toBe(a);
    const changed = results();
    changed.sites[0]!.maturity.criteria[0]!.evidence = [
      { url: 'https://www.minfin.gob.gt/quienes', detail: 'misión' },
    ];
    expect(compactRun(changed, { rubric: defaultRubric }).sites[0]!.fingerprint).not.toBe(a);
  });

  it('names runs by their start, sortably and file-name safe, and files them by year', () => {
    const id = historyRunId(
      {
        startedAt: '2026-03-02T15:00:07.123Z',
        finishedAt: '2026-03-02T15:40:00.000Z',
        tool: { name: 'x', version: '1' },
      },
      null,
    );
    expect(id).toMatch(/^20260302T150007Z-[0-9a-f]{6}$/);
    expect(historyRunFile(id)).toBe(`runs/2026/${id}.json`);
  });

  it('fingerprints the rubric: a changed threshold gives another fingerprint', () => {
    const changed = structuredClone(defaultRubric) as typeof defaultRubric;
    (changed.references[0] as { value: number }).value = 50;
    expect(rubricFingerprint(defaultRubric)).toMatch(/^[0-9a-f]{8}$/);
    expect(rubricFingerprint(changed)).not.toBe(rubricFingerprint(defaultRubric));
  });

  it('summarises the run for the index over evaluated sites only', () => {
    const entry = indexEntry(compactRun(results(), { rubric: defaultRubric, list: 'guatemala' }));
    expect(entry).toMatchObject({ sites: 2, evaluated: 1, averagePoints: 40, list: 'guatemala' });
    expect(entry.file).toBe(historyRunFile(entry.id));
  });
});
