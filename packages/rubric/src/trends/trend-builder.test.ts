import { describe, expect, it } from 'vitest';
import { siteResult, scanResults } from '../compare/test-helpers/site-result.js';
import type { SiteSpec } from '../compare/test-helpers/site-result.js';
import { compactRun } from '../history/compact-run.js';
import { defaultRubric } from '../rubric-config.js';
import { createTrendBuilder } from './trend-builder.js';

const JAN = '2026-01-05T06:00:00.000Z';
const FEB = '2026-02-05T06:00:00.000Z';
const MAR = '2026-03-05T06:00:00.000Z';

const run = (startedAt: string, specs: SiteSpec[]) =>
  compactRun(scanResults(specs.map(siteResult), startedAt), { rubric: defaultRubric });

const minfin = (spec: Partial<SiteSpec>): SiteSpec => ({
  url: 'https://www.minfin.gob.gt/',
  name: 'Ministerio de Finanzas Públicas',
  institution: 'MINFIN',
  group: 'ministerio',
  ...spec,
});
const sat = (spec: Partial<SiteSpec>): SiteSpec => ({
  url: 'https://portal.sat.gob.gt/',
  name: 'SAT',
  institution: 'MINFIN',
  group: 'ministerio',
  ...spec,
});
const sbs = (spec: Partial<SiteSpec>): SiteSpec => ({
  url: 'https://www.sbs.gob.gt/',
  name: 'SBS',
  institution: 'SBS',
  group: 'secretaria',
  ...spec,
});

function threeRuns() {
  const builder = createTrendBuilder();
  builder.add(
    run(JAN, [
      minfin({
        level: 1,
        met: ['static_info'],
        compliance: 50,
        checks: { hsts: 'fail', 'html-lang': 'fail' },
        violations: { 'image-alt': ['p1'], 'html-has-lang': ['p1'] },
      }),
      sat({ level: 3, met: ['static_info'], compliance: 80 }),
      sbs({ error: 'dns-not-found' }),
    ]),
  );
  builder.add(
    run(FEB, [
      // email_contact inconclusive: neither fixes nor breaks; html-lang fixed; html-has-lang fixed.
      minfin({
        level: 1,
        met: ['static_info'],
        compliance: 60,
        checks: { hsts: 'inconclusive', 'html-lang': 'pass' },
        violations: { 'image-alt': ['p1', 'p2'] },
      }),
      sat({ level: 3, met: ['static_info'], compliance: 80 }),
      sbs({ level: 1, met: ['static_info'], compliance: 40 }),
    ]),
  );
  builder.add(
    run(MAR, [
      minfin({
        url: 'http://minfin.gob.gt/index.html',
        level: 2,
        met: ['static_info', 'links_to_agencies', 'fresh_content'],
        compliance: 70,
        checks: { hsts: 'pass', 'html-lang': 'pass' },
      }),
      sat({ level: 3, met: ['static_info'], compliance: 80 }),
    ]),
  );
  return builder.result();
}

describe('trends', () => {
  it("follow a site's level, points, compliance and accessibility over every run, keyed by its identity", () => {
    const trends = threeRuns();
    expect(trends.runs.map((r) => r.date)).toEqual([JAN, FEB, MAR]);
    const site = trends.sites.find((s) => s.key === 'minfin.gob.gt')!;
    // The list moved to http://minfin.gob.gt/index.html in March: still one trend, named by the newest run.
    expect(trends.sites.filter((s) => s.name === 'Ministerio de Finanzas Públicas')).toHaveLength(1);
    expect(site.url).toBe('http://minfin.gob.gt/index.html');
    expect(
      site.points.map((p) => [
        p.level,
        p.points,
        p.compliance.overall,
        p.accessibility.rules,
        p.accessibility.nodes,
      ]),
    ).toEqual([
      [1, 20, 50, 2, 2],
      [1, 20, 60, 1, 2],
      [2, 40, 70, 0, 0],
    ]);
    expect(site.firstSeen).toBe(JAN);
    expect(site.lastSeen).toBe(MAR);
  });

  it('date when each criterion, check and accessibility rule was first seen failing and when it was fixed', () => {
    const site = threeRuns().sites.find((s) => s.key === 'minfin.gob.gt')!;
    const criterion = (id: string) => site.criteria.find((c) => c.id === id)!;
    const check = (id: string) => site.checks.find((c) => c.id === id)!;
    const rule = (id: string) => site.accessibilityRules.find((c) => c.id === id)!;
    expect(site.criteria.map((c) => c.id).slice(0, 3)).toEqual([
      'static_info',
      'many_pages',
      'links_to_agencies',
    ]);
    expect(criterion('links_to_agencies').episodes).toEqual([{ firstSeen: JAN, lastSeen: FEB, fixed: MAR }]);
    expect(criterion('static_info')).toMatchObject({ episodes: [], firstPassed: JAN, latest: 'pass' });
    expect(criterion('e_participation').episodes).toEqual([{ firstSeen: JAN, lastSeen: MAR, fixed: null }]);
    expect(check('html-lang').episodes).toEqual([{ firstSeen: JAN, lastSeen: JAN, fixed: FEB }]);
    // February's inconclusive verdict neither fixed nor broke anything: the stretch runs from January to March.
    expect(check('hsts').episodes).toEqual([{ firstSeen: JAN, lastSeen: JAN, fixed: MAR }]);
    expect(rule('html-has-lang').episodes).toEqual([{ firstSeen: JAN, lastSeen: JAN, fixed: FEB }]);
    expect(rule('image-alt').episodes).toEqual([{ firstSeen: JAN, lastSeen: FEB, fixed: MAR }]);
  });

  it('an inconclusive verdict after a pass does not open a failure', () => {
    const builder = createTrendBuilder();
    builder.add(run(JAN, [minfin({ level: 1, met: ['static_info'], checks: { hsts: 'pass' } })]));
    builder.add(run(FEB, [minfin({ level: 1, met: ['static_info'], checks: { hsts: 'inconclusive' } })]));
    const hsts = builder.result().sites[0]!.checks.find((c) => c.id === 'hsts')!;
    expect(hsts).toMatchObject({ latest: 'inconclusive', latestDate: FEB, firstPassed: JAN, episodes: [] });
  });

  it('average groups, institutions and all sites per run over evaluated sites, as the report does', () => {
    const trends = threeRuns();
    expect(trends.overall.points.map((p) => [p.sites, p.evaluated, p.averagePoints, p.levels])).toEqual([
      [3, 2, 40, [1, 1, 0, 1, 0, 0]],
      [3, 3, 33.33, [0, 2, 0, 1, 0, 0]],
      [2, 2, 50, [0, 0, 1, 1, 0, 0]],
    ]);
    expect(trends.groups.map((g) => g.key)).toEqual(['ministerio', 'secretaria']);
    expect(trends.groups[1]!.points.map((p) => p.averagePoints)).toEqual([null, 20]);
    expect(trends.institutions.map((i) => i.label)).toEqual(['MINFIN', 'SBS']);
    expect(trends.institutions[0]!.points.map((p) => [p.averagePoints, p.compliance.overall])).toEqual([
      [40, 65],
      [40, 70],
      [50, 75],
    ]);
  });

  it('refuses runs out of order, and counts a site listed twice once', () => {
    const builder = createTrendBuilder();
    builder.add(run(FEB, [minfin({}), minfin({ level: 3 })]));
    expect(builder.result().overall.points[0]!.sites).toBe(1);
    expect(() => builder.add(run(JAN, [minfin({})]))).toThrow(/oldest first/);
  });
});
