import { acceptedBy, describeEntry, siteRegressions, staleEntries } from '@egov-monitor/rubric';
import type {
  AcceptedFinding,
  FindingRef,
  Regression,
  RunComparison,
  SiteSummary,
} from '@egov-monitor/rubric';

/** A threshold an agency gates its site on (`--fail-under-level`, `--fail-under-score`, the Action's gate mode). */
export interface GateResult {
  id: 'level' | 'score' | 'regression';
  threshold: number;
  met: boolean;
  /** e.g. "maturity level ≥ 3". */
  description: string;
  below: { url: string; name: string; actual: string }[];
  /** Said whatever the gate's verdict, e.g. that there was no baseline to compare with. */
  note?: string;
  /** Regressions an accepted-findings entry covers: shown apart, not failing the gate. */
  accepted?: { url: string; name: string; actual: string; reason: string; author: string }[];
  /** Accepted-findings entries past their expiry or matching nothing this run, one line each. */
  stale?: string[];
}

/** The accepted findings of a run: the entries, the day they are judged on, and those that matched a finding. */
export interface Acceptance {
  entries: readonly AcceptedFinding[];
  now: Date;
  /** Indexes of the entries that matched a finding of this run (markMatched, site by site). */
  matched: ReadonlySet<number>;
}

export interface GateOptions {
  /** Every site must reach this maturity level; a site that could not be evaluated counts as level 0. */
  failUnderLevel?: number;
  /** Every site must reach this overall standards score (0–100); a site without a score counts as below. */
  failUnderScore?: number;
  /** `regression`: fail on what got worse since the baseline (the run's comparison). */
  failOn?: 'nothing' | 'regression';
  /** Accepted findings: they do not fail the regression gate, and are listed apart. */
  acceptance?: Acceptance;
}

/** The gates asked for, each with the sites below it (list order). */
export function evaluateGates(
  sites: readonly SiteSummary[],
  options: GateOptions,
  comparison?: RunComparison,
): GateResult[] {
  const gates: GateResult[] = [];
  if (options.failUnderLevel !== undefined) {
    const threshold = options.failUnderLevel;
    const below = sites
      .filter((site) => site.maturity.level < threshold)
      .map((site) => ({ url: site.url, name: site.name, actual: `level ${site.maturity.level}` }));
    gates.push({
      id: 'level',
      threshold,
      met: below.length === 0,
      description: `maturity level ≥ ${threshold}`,
      below,
    });
  }
  if (options.failUnderScore !== undefined) {
    const threshold = options.failUnderScore;
    // No score (every check not-applicable or error, or the site unreachable) is not a pass: the gate cannot vouch.
    const below = sites
      .filter((site) => site.compliance.overall === null || site.compliance.overall < threshold)
      .map((site) => ({
        url: site.url,
        name: site.name,
        actual:
          site.compliance.overall === null
            ? 'no standards score'
            : `standards score ${site.compliance.overall}`,
      }));
    gates.push({
      id: 'score',
      threshold,
      met: below.length === 0,
      description: `standards score ≥ ${threshold}`,
      below,
    });
  }
  if (options.failOn === 'regression') gates.push(regressionGate(comparison, options.acceptance));
  return gates;
}

/**
 * Fails on what got worse since the baseline (siteRegressions of each compared site), never on what was already
 * there: an agency with a backlog adopts it without a red build on day one. Without a baseline (the first run)
 * nothing can have got worse: the gate is met and says so.
 */
function regressionGate(
  comparison: RunComparison | undefined,
  acceptance: Acceptance | undefined,
): GateResult {
  const gate = { id: 'regression' as const, threshold: 0, description: 'no regression since the baseline' };
  const stale = acceptance
    ? staleEntries(acceptance.entries, acceptance.matched, acceptance.now).map(
        ({ entry, why }) =>
          `stale accepted finding (${why === 'expired' ? `expired ${entry.expires}` : 'matches nothing this run'}): ${describeEntry(entry)} — ${entry.reason} (${entry.author})`,
      )
    : [];
  const extra = stale.length > 0 ? { stale } : {};
  if (!comparison) {
    return {
      ...gate,
      met: true,
      below: [],
      note: 'no baseline to compare with: the regression gate has nothing to fail on',
      ...extra,
    };
  }
  const below: GateResult['below'] = [];
  const accepted: NonNullable<GateResult['accepted']> = [];
  for (const item of comparison.sites.flatMap(siteRegressions)) {
    const entry = acceptance && acceptingEntry(item, acceptance);
    if (entry)
      accepted.push({
        url: item.url,
        name: item.name,
        actual: item.text,
        reason: entry.reason,
        author: entry.author,
      });
    else below.push({ url: item.url, name: item.name, actual: item.text });
  }
  return { ...gate, met: below.length === 0, below, ...(accepted.length > 0 ? { accepted } : {}), ...extra };
}

/** The entry accepting a regression: only a check's failure or an axe finding can be accepted, never a level. */
function acceptingEntry(item: Regression, acceptance: Acceptance): AcceptedFinding | undefined {
  let finding: FindingRef | undefined;
  if (item.kind === 'check' && item.id) finding = { kind: 'check', site: item.url, id: item.id };
  if (item.kind === 'accessibility' && item.finding)
    finding = { kind: 'accessibility', site: item.url, ...item.finding };
  return finding && acceptedBy(acceptance.entries, finding, acceptance.now);
}

/**
 * What the gates say besides failing, one line each: regressions accepted (with reason and author, never silently
 * dropped), stale accepted-findings entries, and notes.
 */
export function gateNoticeLines(gates: readonly GateResult[]): string[] {
  return gates.flatMap((gate) => [
    ...(gate.note ? [gate.note] : []),
    ...(gate.accepted ?? []).map(
      (item) =>
        `accepted, not failing: ${item.name || item.url}: ${item.actual} — ${item.reason} (${item.author})`,
    ),
    ...(gate.stale ?? []),
  ]);
}

/**
 * The gates not met, as the CLI and the Action print them: one line per threshold gate, naming each site below it
 * with what it reached ("2 site(s) below maturity level ≥ 3: Ministerio de Finanzas (level 2), …"); for the
 * regression gate, a heading and one line per thing that got worse.
 */
export function gateFailureLines(gates: readonly GateResult[]): string[] {
  return gates
    .filter((gate) => !gate.met)
    .flatMap((gate) =>
      // What got worse, one line each: a list of findings joined on one line is unreadable in a CI log.
      gate.id === 'regression'
        ? [
            `${gate.below.length} regression(s) since the baseline:`,
            ...gate.below.map((item) => `  ${item.name || item.url}: ${item.actual}`),
          ]
        : [gateLine(gate)],
    );
}

function gateLine(gate: GateResult): string {
  return `${gate.below.length} site(s) below ${gate.description}: ${gate.below
    .map((site) => `${site.name || site.url} (${site.actual})`)
    .join(', ')}`;
}
