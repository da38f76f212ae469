/**
 * Helpers every criterion shares: reading declared evidence (missing or failed → an `error` result, never a
 * silent "not met"), building results, and URL helpers. Text is normalised by ../text (one normaliser for the
 * scanner and the rubric).
 */
import type { EvidencePointer, Localized } from '../evidence/common.js';
import type { EvidenceKind, EvidenceKinds, SiteEvidence } from '../evidence/site.js';
import type { Verdict } from '../results.js';
import { pageIdentity } from '../identity/url-identity.js';

export type Evaluation = Verdict;

/** The evidence a criterion declared, or the `error` result that explains why it cannot be judged. */
export type Gathering<K extends EvidenceKind> =
  { ok: true; data: { [P in K]: EvidenceKinds[P] } } | { ok: false; result: Evaluation };

export function gather<K extends EvidenceKind>(evidence: SiteEvidence, kinds: readonly K[]): Gathering<K> {
  const data = {} as { [P in K]: EvidenceKinds[P] };
  for (const kind of kinds) {
    const gathered = evidence.gathered[kind];
    if (!gathered) {
      return {
        ok: false,
        result: errorResult({
          es: `No se pudo evaluar: falta la evidencia «${kind}» (el recolector no se ejecutó).`,
          en: `Could not be evaluated: the "${kind}" evidence is missing (its collector did not run).`,
        }),
      };
    }
    if (gathered.status === 'error') {
      const { code, message } = gathered.error;
      return {
        ok: false,
        result: errorResult({
          es: `No se pudo evaluar: el recolector «${kind}» falló (${code}): ${message}`,
          en: `Could not be evaluated: the "${kind}" collector failed (${code}): ${message}`,
        }),
      };
    }
    data[kind] = gathered.data as EvidenceKinds[K];
  }
  return { ok: true, data };
}

export function errorResult(reason: Localized): Evaluation {
  return { outcome: 'error', met: false, evidence: [], reason };
}

export function pass(reason: Localized, evidence: EvidencePointer[]): Evaluation {
  return { outcome: 'pass', met: true, evidence, reason };
}

export function fail(reason: Localized, evidence: EvidencePointer[] = []): Evaluation {
  return { outcome: 'fail', met: false, evidence, reason };
}

/** The work the verdict needs could not be finished: neither met nor not met (never a failure or a regression). */
export function inconclusive(reason: Localized, evidence: EvidencePointer[] = []): Evaluation {
  return { outcome: 'inconclusive', met: false, evidence, reason };
}

/** Localised word lists: Spanish first, English too. */
export interface WordList {
  es: string[];
  en: string[];
}

export function allWords(list: WordList): string[] {
  return [...list.es, ...list.en];
}

/**
 * One key per page, applied again here although the crawler normalises too: `/` and `/index.html`, `http` and
 * `https`, `www.` and the bare host, a trailing slash and tracking parameters do not make a second page. The
 * package's one URL normaliser (identity/url-identity.ts), so pages and sites are told apart by the same rule.
 */
export const pageKey = pageIdentity;

/** Host of a URL in lower case, or '' when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Deterministic order for evidence pointers. */
export function byUrlThenDetail(a: EvidencePointer, b: EvidencePointer): number {
  if (a.url !== b.url) return a.url < b.url ? -1 : 1;
  return a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0;
}
