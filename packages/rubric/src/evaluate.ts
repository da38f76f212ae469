/**
 * One site's evidence → its judgment: the twelve criteria (with reviewers' overrides applied), the maturity
 * level computed after the overrides, the standards checks, compliance scores, the merged axe findings and the
 * Lighthouse scores. Pure and deterministic.
 */
import { summarizeAccessibility } from './accessibility-summary.js';
import { evaluateChecks } from './checks/index.js';
import { complianceScores } from './compliance.js';
import { CRITERIA } from './criteria/index.js';
import type { AnyCriterion } from './criteria/index.js';
import type { Localized } from './evidence/common.js';
import type { SiteEvidence } from './evidence/site.js';
import { computeLevel, levelOf, provisionalLevel } from './levels.js';
import type { Override } from './overrides.js';
import { applyOverride, overridesForSite } from './overrides.js';
import type { CriterionResult, SiteResult } from './results.js';
import type { Rubric } from './rubric-config.js';
import { defaultRubric } from './rubric-config.js';
import { settledOutcome, unfinishedEvidence, unfinishedReason } from './unfinished.js';

function hostName(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function runCriterion(criterion: AnyCriterion, evidence: SiteEvidence, rubric: Rubric): CriterionResult {
  const { id, level, title } = criterion.meta;
  const base = { id, level: levelOf(id, level, rubric.levels), title };
  try {
    const settings = rubric.criteria[id] as never;
    const judged = { ...base, ...criterion.evaluate(evidence, settings) };
    // Generic, from the evidence the criterion declared: a "not found" over unfinished work proves nothing.
    const { unfinished, crashed } = unfinishedEvidence(evidence, criterion.meta.requiredEvidence);
    const outcome = settledOutcome(judged.outcome, unfinished, crashed);
    if (outcome === judged.outcome || !unfinished) return judged;
    return {
      ...judged,
      outcome,
      met: false,
      reason: unfinishedReason(unfinished, judged.outcome === 'fail'),
    };
  } catch (error) {
    // a bug in one criterion must not hide the other eleven (Lighthouse isolates audits the same way)
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      outcome: 'error',
      met: false,
      evidence: [],
      reason: {
        es: `Error interno al evaluar el criterio: ${message}`,
        en: `Internal error while judging the criterion: ${message}`,
      },
    };
  }
}

function unevaluated(rubric: Rubric, reason: Localized): CriterionResult[] {
  return CRITERIA.map((c) => ({
    id: c.meta.id,
    level: levelOf(c.meta.id, c.meta.level, rubric.levels),
    title: c.meta.title,
    outcome: 'error' as const,
    met: false,
    evidence: [],
    reason,
  }));
}

export function evaluateSite(
  evidence: SiteEvidence,
  rubric: Rubric = defaultRubric,
  overrides: readonly Override[] = [],
): SiteResult {
  const { target, fatal } = evidence;
  let criteria: CriterionResult[];
  if (fatal) {
    // could not be evaluated at all: level 0, left out of the averages, every criterion says why
    criteria = unevaluated(rubric, {
      es: `No se pudo evaluar el sitio (${fatal.code}): ${fatal.message}`,
      en: `The site could not be evaluated (${fatal.code}): ${fatal.message}`,
    });
  } else {
    const decided = overridesForSite(overrides, [target.url, evidence.finalUrl]);
    criteria = CRITERIA.map((criterion) =>
      applyOverride(runCriterion(criterion, evidence, rubric), decided.get(criterion.meta.id)),
    );
  }
  const { level, points } = fatal ? { level: 0 as const, points: 0 } : computeLevel(criteria, rubric.levels);
  const provisional = fatal ? null : provisionalLevel(criteria, rubric.levels);

  const checks = evaluateChecks(evidence, rubric);
  const lighthouse = evidence.gathered.lighthouse;
  const result: SiteResult = {
    url: target.url,
    finalUrl: evidence.finalUrl,
    name: target.name ?? hostName(evidence.finalUrl || target.url),
    ...(target.acronym === undefined ? {} : { acronym: target.acronym }),
    ...(target.institution === undefined ? {} : { institution: target.institution }),
    group: target.group ?? 'other',
    status: fatal ? 'error' : 'ok',
    ...(fatal ? { error: { code: fatal.code, message: fatal.message } } : {}),
    scannedAt: evidence.scannedAt,
    maturity: {
      level,
      points,
      criteria,
      ...(provisional
        ? { provisional: true, couldRaise: provisional.couldRaise, couldReach: provisional.couldReach }
        : {}),
    },
    accessibility: summarizeAccessibility(evidence),
    checks,
    compliance: complianceScores(checks, rubric),
  };
  if (lighthouse?.status === 'ok') {
    result.lighthouse = lighthouse.data.pages.map((page) => ({ url: page.url, scores: { ...page.scores } }));
  }
  return result;
}
