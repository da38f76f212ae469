import type { ComplianceConfig } from './compliance-config.js';
import { COMPLIANCE_AREAS } from './compliance-config.js';
import type { CheckResult, ComplianceArea, ComplianceScores, Outcome } from './results.js';

/** The part of a Rubric the compliance scores read (Pick-style, so any Rubric fits). */
export interface ComplianceRubric {
  compliance: ComplianceConfig;
}

/** What an outcome is worth; not-applicable and error are left out of the mean (they weigh 0), like Lighthouse. */
const POINTS: Record<Outcome, number | null> = {
  pass: 100,
  fail: 0,
  'not-applicable': null,
  error: null,
  inconclusive: null,
};

const round1 = (value: number) => Math.round(value * 10) / 10;

function weightedMean(items: { value: number; weight: number }[]): number | null {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total <= 0) return null;
  return items.reduce((sum, item) => sum + item.value * item.weight, 0) / total;
}

/**
 * Standards compliance, 0–100: per area the weighted mean of its checks (pass 100, fail 0), overall the weighted
 * mean of the areas that have a score. Reported beside the maturity level, never mixed into it.
 */
export function complianceScores(checks: CheckResult[], rubric: ComplianceRubric): ComplianceScores {
  const { areaWeights, checkWeights } = rubric.compliance;
  const exact = {} as Record<ComplianceArea, number | null>;
  for (const area of COMPLIANCE_AREAS) {
    const counted = checks
      .filter((check) => check.area === area && POINTS[check.outcome] !== null)
      .map((check) => ({ value: POINTS[check.outcome] as number, weight: checkWeights[check.id] ?? 1 }));
    exact[area] = weightedMean(counted);
  }
  const overall = weightedMean(
    COMPLIANCE_AREAS.flatMap((area) => {
      const value = exact[area];
      return value === null ? [] : [{ value, weight: areaWeights[area] ?? 1 }];
    }),
  );
  const areas = Object.fromEntries(
    COMPLIANCE_AREAS.map((area) => [area, exact[area] === null ? null : round1(exact[area])]),
  ) as Record<ComplianceArea, number | null>;
  return { areas, overall: overall === null ? null : round1(overall) };
}
