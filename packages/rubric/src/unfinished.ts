/**
 * Unfinished work, judged the same way for every criterion and check (issue #17): the scanner's budgets count work
 * (pages, documents, queries), and its time limits are only safety nets. When a safety net fires, what was found
 * still counts, but what was not found proves nothing: a `fail` over unfinished evidence is `inconclusive`, and so
 * is an `error` whose only cause is a collector stopped by its time limit. A crash stays an `error`.
 */
import type { Localized } from './evidence/common.js';
import type { EvidenceKind, SiteEvidence } from './evidence/site.js';
import type { Outcome } from './results.js';

/**
 * Codes a scanner gives work a safety time limit stopped: `timeout` (a collector's own limit, as runCollectors
 * names it), `site-timeout`, `page-timeout`, `collector-timeout`.
 */
export const SAFETY_NET_CODES: readonly string[] = [
  'timeout',
  'site-timeout',
  'page-timeout',
  'collector-timeout',
];

export function isSafetyNetCode(code: string): boolean {
  return SAFETY_NET_CODES.includes(code);
}

/** Why declared evidence is unfinished: partial data (`incomplete`) or a collector its time limit stopped (`stopped`). */
export interface Unfinished {
  kind: EvidenceKind;
  how: 'incomplete' | 'stopped';
  code: string;
  message: string;
}

/**
 * The first declared kind whose work was not finished, in declaration order; null when all of it was finished.
 * A kind that is missing or whose collector crashed is not "unfinished": it is an error, and `crashed` says so.
 */
export function unfinishedEvidence(
  evidence: SiteEvidence,
  kinds: readonly EvidenceKind[],
): { unfinished: Unfinished | null; crashed: boolean } {
  let unfinished: Unfinished | null = null;
  let crashed = false;
  for (const kind of kinds) {
    const entry = evidence.gathered[kind];
    if (!entry) continue;
    if (entry.status === 'error') {
      if (isSafetyNetCode(entry.error.code)) unfinished ??= { kind, how: 'stopped', ...entry.error };
      else crashed = true;
    } else if (entry.incomplete) {
      unfinished ??= { kind, how: 'incomplete', ...entry.incomplete };
    }
  }
  return { unfinished, crashed };
}

/**
 * The outcome once unfinished work is taken into account: `fail` over partial evidence and `error` from a
 * stopped collector become `inconclusive`; everything else stands. When a declared kind crashed, the error is
 * what the reviewer must see, so nothing changes.
 */
export function settledOutcome(outcome: Outcome, unfinished: Unfinished | null, crashed: boolean): Outcome {
  if (!unfinished || crashed) return outcome;
  if (outcome === 'fail') return 'inconclusive';
  if (outcome === 'error' && unfinished.how === 'stopped') return 'inconclusive';
  return outcome;
}

/** The reason an inconclusive verdict carries, in plain words. */
export function unfinishedReason(unfinished: Unfinished, wasFail: boolean): Localized {
  const what =
    unfinished.how === 'stopped'
      ? {
          es: `el recolector «${unfinished.kind}» se detuvo por su límite de tiempo de seguridad (${unfinished.code}): ${unfinished.message}`,
          en: `the "${unfinished.kind}" collector was stopped by its safety time limit (${unfinished.code}): ${unfinished.message}`,
        }
      : {
          es: `el trabajo de «${unfinished.kind}» no terminó (${unfinished.code}): ${unfinished.message}`,
          en: `the "${unfinished.kind}" work did not finish (${unfinished.code}): ${unfinished.message}`,
        };
  return wasFail
    ? {
        es: `No concluyente: no se encontró en lo que se alcanzó a revisar, pero ${what.es}. Lo no revisado no prueba nada; se volverá a intentar.`,
        en: `Inconclusive: not found in what could be examined, but ${what.en}. What was not examined proves nothing; it will be tried again.`,
      }
    : {
        es: `No concluyente: ${what.es}.`,
        en: `Inconclusive: ${what.en}.`,
      };
}
