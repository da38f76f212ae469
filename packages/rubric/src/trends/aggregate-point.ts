import { round2 } from '../aggregate.js';
import { evaluatedInRun } from '../history/compact-run.js';
import type { HistoryCompliance, HistorySite } from '../history/types.js';
import type { AggregatePoint } from './types.js';

const AREAS = ['accessibility', 'security', 'usability', 'recommendations', 'overall'] as const;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round2(values.reduce((sum, v) => sum + v, 0) / values.length);
}

/** A set of sites of one run, averaged like the report's tables: only evaluated sites enter the means. */
export function aggregatePoint(
  run: { id: string; startedAt: string },
  sites: readonly HistorySite[],
): AggregatePoint {
  const evaluated = sites.filter(evaluatedInRun);
  const levels: AggregatePoint['levels'] = [0, 0, 0, 0, 0, 0];
  for (const site of sites) levels[evaluatedInRun(site) ? site.level : 0] += 1;
  const compliance = Object.fromEntries(
    AREAS.map((area) => [
      area,
      mean(evaluated.map((s) => s.compliance[area]).filter((v): v is number => v !== null)),
    ]),
  ) as unknown as HistoryCompliance;
  const withAxe = evaluated.filter((s) => s.accessibility.pages > 0);
  return {
    run: run.id,
    date: run.startedAt,
    sites: sites.length,
    evaluated: evaluated.length,
    averagePoints: mean(evaluated.map((s) => s.points)),
    levels,
    compliance,
    accessibility: {
      sites: withAxe.length,
      rules: withAxe.reduce((sum, s) => sum + s.accessibility.rules, 0),
      nodes: withAxe.reduce((sum, s) => sum + s.accessibility.nodes, 0),
    },
  };
}
