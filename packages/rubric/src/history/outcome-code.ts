import type { CriterionResult, Outcome } from '../results.js';
import type { OutcomeCode } from './types.js';

const CODE: Record<Outcome, OutcomeCode> = {
  pass: 'p',
  fail: 'f',
  'not-applicable': 'n',
  error: 'e',
  inconclusive: 'i',
};
const OUTCOME: Record<string, Outcome | null> = {
  p: 'pass',
  f: 'fail',
  n: 'not-applicable',
  e: 'error',
  i: 'inconclusive',
  '-': null,
};

export function outcomeCode(outcome: Outcome): OutcomeCode {
  return CODE[outcome] ?? 'e';
}

/** Null for `-` (absent) and for a letter this version does not know. */
export function outcomeOfCode(code: string | undefined): Outcome | null {
  return (code !== undefined && OUTCOME[code]) || null;
}

/**
 * A criterion's verdict as the report counts it: a reviewer's override decides met / not met; otherwise the
 * automatic outcome, so an inconclusive or failed verdict stays what it was.
 */
export function criterionCode(result: Pick<CriterionResult, 'outcome' | 'met' | 'override'>): OutcomeCode {
  if (result.override) return result.met ? 'p' : 'f';
  return outcomeCode(result.outcome);
}
