import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { compareRuns } from '../compare/index.js';
import { evaluateSite } from '../evaluate.js';
import type { ScanResults, SiteResult } from '../results.js';
import { CRITERION_IDS } from '../criteria/index.js';
import { defaultRubric } from '../rubric-config.js';
import {
  crawlEvidence,
  evidenceForLevel,
  fatalEvidence,
  partial,
  withGathered,
} from '../test-support/evidence-builders.js';
import schema from './results.schema.json' with { type: 'json' };
import { SCHEMA_VERSION, resultsSchema, validateResults } from './results.js';

function run(startedAt: string, levels: (0 | 1 | 2 | 3 | 4 | 5)[]): ScanResults {
  const sites = [
    ...levels.map((level, i) =>
      evaluateSite(
        evidenceForLevel(level, {
          site: `https://www.dep${i}.gob.gt/`,
          target: { name: `Dependencia ${i}` },
        }),
      ),
    ),
    evaluateSite(
      fatalEvidence('timeout', 'home page did not load in 30 s', { site: 'https://www.caida.gob.gt/' }),
    ),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'egov-monitor', version: '0.1.0' },
    startedAt,
    finishedAt: startedAt.replace('T10', 'T11'),
    sites,
    aggregates: aggregate(sites, defaultRubric),
  };
}

describe('validateResults', () => {
  it('accepts a full run built by the rubric: every level, an unreachable site, aggregates and a comparison', () => {
    const previous = run('2026-02-15T10:00:00.000Z', [1, 2, 3]);
    const current = run('2026-03-15T10:00:00.000Z', [2, 2, 5]);
    current.comparison = compareRuns(previous, current);
    current.sites[0]!.maturity.criteria[0]!.override = {
      met: true,
      reason: 'revisado',
      author: 'Ana',
      stale: false,
    };
    expect(validateResults(previous)).toEqual({ valid: true, errors: [] });
    expect(validateResults(current)).toEqual({ valid: true, errors: [] });
  });

  it('accepts a provisional level with the inconclusive criteria that could raise it, and its comparison', () => {
    const previous = run('2026-02-15T10:00:00.000Z', [2]);
    const current = run('2026-03-15T10:00:00.000Z', []);
    const cut = withGathered(
      evidenceForLevel(2, { site: 'https://www.dep0.gob.gt/', target: { name: 'Dependencia 0' } }),
      {
        crawl: partial(crawlEvidence('https://www.dep0.gob.gt/', 3)),
      },
    );
    current.sites.unshift(evaluateSite(cut));
    expect(current.sites[0]!.maturity).toMatchObject({
      level: 1,
      provisional: true,
      couldRaise: ['many_pages'],
      couldReach: 2,
    });
    current.comparison = compareRuns(previous, current);
    expect(current.comparison.sites[0]!.kind).toBe('provisional');
    expect(validateResults(current)).toEqual({ valid: true, errors: [] });
    // The flag never comes without what could raise the level.
    delete current.sites[0]!.maturity.couldRaise;
    expect(validateResults(current).valid).toBe(false);
  });

  it('refuses a broken document, listing every problem with its path', () => {
    const broken = structuredClone(run('2026-03-15T10:00:00.000Z', [3]));
    const [ok, unreachable] = broken.sites as [SiteResult, SiteResult];
    (ok.maturity as { level: number }).level = 7;
    (ok.maturity.criteria[0] as { id: string }).id = 'statik_info';
    Object.assign(ok.maturity.criteria[1]!, { evidnce: [] });
    delete unreachable.error; // status error without its reason
    broken.startedAt = 'yesterday';
    const { valid, errors } = validateResults(broken);
    expect(valid).toBe(false);
    expect(errors).toEqual(
      expect.arrayContaining([
        'sites[0].maturity.level: must be <= 5',
        expect.stringContaining('sites[0].maturity.criteria[0].id: must be one of static_info'),
        'sites[0].maturity.criteria[1].evidnce: unknown key',
        'sites[1].error: missing',
        'startedAt: must match format "date-time"',
      ]),
    );
  });

  it('refuses a site that could not be evaluated but claims a level', () => {
    const results = run('2026-03-15T10:00:00.000Z', []);
    results.sites[0]!.maturity.level = 2;
    expect(validateResults(results).valid).toBe(false);
  });

  it('keeps the criterion ids of the schema in step with the code', () => {
    expect((schema.definitions.criterionId as { enum: string[] }).enum).toEqual([...CRITERION_IDS]);
    expect(resultsSchema).toBe(schema);
    expect(SCHEMA_VERSION).toMatch(new RegExp(schema.properties.schemaVersion.pattern));
  });
});
