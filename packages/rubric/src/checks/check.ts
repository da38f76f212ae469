import type { ComplianceConfig } from '../compliance-config.js';
import type { EvidencePointer, Localized } from '../evidence/common.js';
import type { EvidenceKind, EvidenceKinds, SiteEvidence } from '../evidence/site.js';
import type { CheckResult, ComplianceArea, Outcome } from '../results.js';
import { settledOutcome, unfinishedEvidence } from '../unfinished.js';

export interface CheckMeta {
  /** Kebab-case, unique; the key of its weight in the compliance config. */
  id: string;
  /** Its weight within its area by default; data/default-compliance.json's `checkWeights` is generated from it. */
  weight: number;
  area: ComplianceArea;
  title: Localized;
  /** The Carta Iberoamericana principle or the report's recommendation it implements. */
  implements: Localized;
  /** What to do to pass. */
  hint: Localized;
  /** The evidence kinds it reads; a missing or failed one gives an `error` result (see runCheck). */
  requiredEvidence: EvidenceKind[];
  /**
   * Still judged when the site as a whole could not be evaluated (`fatal`), provided its evidence exists: a site
   * rejected for a bad certificate still has its HTTPS findings.
   */
  judgedWhenFatal?: boolean;
  /**
   * The check fails on a defect it found (an axe violation, a mixed-content request), not on something it did not
   * find: its `fail` stands even when the evidence is partial. Other checks' `fail` over partial evidence is
   * `inconclusive` (unfinished.ts).
   */
  failsOnFindings?: boolean;
}

export type CheckSettings = Pick<ComplianceConfig, 'thresholds' | 'documentFormats'>;

export interface CheckOutput {
  outcome: Outcome;
  evidence: EvidencePointer[];
  value?: CheckResult['value'];
  /** A hint more precise than the meta's (e.g. which headers are missing). */
  hint?: Localized;
}

/**
 * One standards check, as a Lighthouse audit: metadata plus a pure function over the evidence it declared.
 * `evaluate` may assume every kind in `requiredEvidence` is present with status `ok` (runCheck guarantees it).
 */
export interface Check {
  meta: CheckMeta;
  evaluate(evidence: SiteEvidence, settings: CheckSettings): CheckOutput;
}

/** Evidence kinds a scan may switch off; their absence makes a check not-applicable rather than an error. */
const OPTIONAL_KINDS: ReadonlySet<EvidenceKind> = new Set(['lighthouse']);

/** The data of a kind runCheck has already confirmed is there. */
export function gathered<K extends EvidenceKind>(evidence: SiteEvidence, kind: K): EvidenceKinds[K] {
  const entry = evidence.gathered[kind];
  if (!entry || entry.status !== 'ok') throw new Error(`evidence "${kind}" is not available`);
  return entry.data as EvidenceKinds[K];
}

export function siteUrl(evidence: SiteEvidence): string {
  return evidence.finalUrl || evidence.target.url;
}

/** Outcome when the required evidence is missing, failed or switched off; null when all of it is there. */
function unavailable(check: Check, evidence: SiteEvidence): CheckOutput | null {
  const url = siteUrl(evidence);
  for (const kind of check.meta.requiredEvidence) {
    const entry = evidence.gathered[kind];
    if (!entry) {
      return OPTIONAL_KINDS.has(kind)
        ? { outcome: 'not-applicable', evidence: [{ url, detail: `${kind}: not run in this scan` }] }
        : { outcome: 'error', evidence: [{ url, detail: `${kind}: evidence not gathered` }] };
    }
    if (entry.status === 'error') {
      return {
        outcome: 'error',
        evidence: [{ url, detail: `${kind}: ${entry.error.code}: ${entry.error.message}` }],
      };
    }
  }
  return null;
}

/** The output once unfinished work is taken into account (a partial "not found" proves nothing), with why. */
function settle(check: Check, evidence: SiteEvidence, output: CheckOutput): CheckOutput {
  if (output.outcome === 'fail' && check.meta.failsOnFindings) return output;
  const { unfinished, crashed } = unfinishedEvidence(evidence, check.meta.requiredEvidence);
  const outcome = settledOutcome(output.outcome, unfinished, crashed);
  if (outcome === output.outcome || !unfinished) return output;
  const why = `inconclusive: the ${unfinished.kind} work did not finish (${unfinished.code}: ${unfinished.message})`;
  return { outcome, evidence: [{ url: siteUrl(evidence), detail: why }, ...output.evidence] };
}

/** Runs one check with Lighthouse's guarantees: declared evidence present, a throw becomes `error`, never a crash. */
export function runCheck(check: Check, evidence: SiteEvidence, settings: CheckSettings): CheckResult {
  const { meta } = check;
  let output = unavailable(check, evidence);
  if (evidence.fatal && !(meta.judgedWhenFatal && output === null)) {
    output = {
      outcome: 'error',
      evidence: [{ url: siteUrl(evidence), detail: `${evidence.fatal.code}: ${evidence.fatal.message}` }],
    };
  }
  if (output === null) {
    try {
      output = check.evaluate(evidence, settings);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      output = {
        outcome: 'error',
        evidence: [{ url: siteUrl(evidence), detail: `check failed: ${message}` }],
      };
    }
  }
  if (!evidence.fatal) output = settle(check, evidence, output);
  const result: CheckResult = {
    id: meta.id,
    area: meta.area,
    outcome: output.outcome,
    title: meta.title,
    implements: meta.implements,
    evidence: output.evidence,
  };
  if (output.outcome === 'fail') result.hint = output.hint ?? meta.hint;
  if (output.value !== undefined) result.value = output.value;
  return result;
}

export function pass(evidence: EvidencePointer[], value?: CheckResult['value']): CheckOutput {
  return value === undefined ? { outcome: 'pass', evidence } : { outcome: 'pass', evidence, value };
}

export function fail(
  evidence: EvidencePointer[],
  value?: CheckResult['value'],
  hint?: Localized,
): CheckOutput {
  const output: CheckOutput = { outcome: 'fail', evidence };
  if (value !== undefined) output.value = value;
  if (hint) output.hint = hint;
  return output;
}

export function judge(ok: boolean, evidence: EvidencePointer[], value?: CheckResult['value']): CheckOutput {
  return ok ? pass(evidence, value) : fail(evidence, value);
}

export function notApplicable(url: string, detail: string): CheckOutput {
  return { outcome: 'not-applicable', evidence: [{ url, detail }] };
}

export function error(url: string, detail: string): CheckOutput {
  return { outcome: 'error', evidence: [{ url, detail }] };
}

/** Keeps results.json readable: the first `max` pointers, then one saying how many more there were. */
export function capped(pointers: EvidencePointer[], url: string, max = 20): EvidencePointer[] {
  if (pointers.length <= max) return pointers;
  return [...pointers.slice(0, max), { url, detail: `… ${pointers.length - max} more` }];
}
