import type { SiteSummary } from '@egov-monitor/rubric';

/** A threshold an agency gates its site on (`--fail-under-level`, `--fail-under-score`, the Action's gate mode). */
export interface GateResult {
  id: 'level' | 'score';
  threshold: number;
  met: boolean;
  /** e.g. "maturity level ≥ 3". */
  description: string;
  below: { url: string; name: string; actual: string }[];
}

export interface GateOptions {
  /** Every site must reach this maturity level; a site that could not be evaluated counts as level 0. */
  failUnderLevel?: number;
  /** Every site must reach this overall standards score (0–100); a site without a score counts as below. */
  failUnderScore?: number;
}

/** The gates asked for, each with the sites below it (list order). */
export function evaluateGates(sites: readonly SiteSummary[], options: GateOptions): GateResult[] {
  const gates: GateResult[] = [];
  if (options.failUnderLevel !== undefined) {
    const threshold = options.failUnderLevel;
    const below = sites
      .filter((site) => site.maturity.level < threshold)
      .map((site) => ({ url: site.url, name: site.name, actual: `level ${site.maturity.level}` }));
    gates.push({ id: 'level', threshold, met: below.length === 0, description: `maturity level ≥ ${threshold}`, below });
  }
  if (options.failUnderScore !== undefined) {
    const threshold = options.failUnderScore;
    // No score (every check not-applicable or error, or the site unreachable) is not a pass: the gate cannot vouch.
    const below = sites
      .filter((site) => site.compliance.overall === null || site.compliance.overall < threshold)
      .map((site) => ({
        url: site.url,
        name: site.name,
        actual: site.compliance.overall === null ? 'no standards score' : `standards score ${site.compliance.overall}`,
      }));
    gates.push({ id: 'score', threshold, met: below.length === 0, description: `standards score ≥ ${threshold}`, below });
  }
  return gates;
}

/**
 * The gates not met, as the CLI and the Action print them: one line per gate, naming each site below it with what
 * it reached ("2 site(s) below maturity level ≥ 3: Ministerio de Finanzas (level 2), …").
 */
export function gateFailureLines(gates: readonly GateResult[]): string[] {
  return gates
    .filter((gate) => !gate.met)
    .map(
      (gate) =>
        `${gate.below.length} site(s) below ${gate.description}: ${gate.below
          .map((site) => `${site.name || site.url} (${site.actual})`)
          .join(', ')}`,
    );
}
