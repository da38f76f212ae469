/**
 * Levels are cumulative (methodology: "a site reaches level N only if it reached N−1"): level N needs every
 * mandatory criterion of N and at least `minMet` of its criteria, on top of levels 1…N−1. A criterion whose
 * outcome is `error` or `inconclusive` is not met (unless a reviewer's override says it is); with an inconclusive one
 * the level may be provisional (provisionalLevel).
 */
import type { CriterionId, CriterionResult, MaturityLevel } from './results.js';
import type { LevelNumber, Rubric } from './rubric-config.js';
import { LEVEL_NUMBERS } from './rubric-config.js';

export interface LevelCheck {
  level: LevelNumber;
  reached: boolean;
  met: CriterionId[];
  missingMandatory: CriterionId[];
  minMet: number;
}

/** How each level's requirement fares on its own (before the cumulative rule). */
export function checkLevels(
  criteria: readonly Pick<CriterionResult, 'id' | 'met'>[],
  levels: Rubric['levels'],
): LevelCheck[] {
  const met = new Set(criteria.filter((c) => c.met).map((c) => c.id));
  return LEVEL_NUMBERS.map((level) => {
    const requirement = levels[`${level}`];
    const metHere = requirement.criteria.filter((id) => met.has(id));
    const missingMandatory = requirement.mandatory.filter((id) => !met.has(id));
    return {
      level,
      reached: missingMandatory.length === 0 && metHere.length >= requirement.minMet,
      met: metHere,
      missingMandatory,
      minMet: requirement.minMet,
    };
  });
}

/** The highest level whose requirement and every lower one's are satisfied, and its points. */
export function computeLevel(
  criteria: readonly Pick<CriterionResult, 'id' | 'met'>[],
  levels: Rubric['levels'],
): { level: MaturityLevel; points: number } {
  let level: MaturityLevel = 0;
  for (const check of checkLevels(criteria, levels)) {
    if (!check.reached) break;
    level = check.level;
  }
  return { level, points: level === 0 ? 0 : levels[`${level}`].points };
}

/**
 * Whether inconclusive criteria could change the level (methodology: "a level that depends on one is marked
 * provisional"). An inconclusive criterion counts as not met, so the level found is a floor: it is provisional when
 * meeting every inconclusive criterion would reach a higher one. `couldRaise` lists the inconclusive criteria of the
 * levels above the current one up to that higher level (`couldReach`); null when the level stands. A criterion a
 * reviewer's override decided is not inconclusive any more.
 */
export function provisionalLevel(
  criteria: readonly Pick<CriterionResult, 'id' | 'met' | 'outcome' | 'level' | 'override'>[],
  levels: Rubric['levels'],
): { couldRaise: CriterionId[]; couldReach: MaturityLevel } | null {
  const undecided = (criterion: (typeof criteria)[number]) =>
    criterion.outcome === 'inconclusive' && !criterion.override;
  if (!criteria.some(undecided)) return null;
  const { level } = computeLevel(criteria, levels);
  const best = computeLevel(
    criteria.map((criterion) => (undecided(criterion) ? { id: criterion.id, met: true } : criterion)),
    levels,
  );
  if (best.level <= level) return null;
  const couldRaise = criteria
    .filter((criterion) => undecided(criterion) && criterion.level > level && criterion.level <= best.level)
    .map((criterion) => criterion.id);
  return { couldRaise, couldReach: best.level };
}

/** The level a criterion belongs to in this rubric (the level that lists it), else its own meta level. */
export function levelOf(id: CriterionId, fallback: LevelNumber, levels: Rubric['levels']): LevelNumber {
  return LEVEL_NUMBERS.find((n) => levels[`${n}`].criteria.includes(id)) ?? fallback;
}
