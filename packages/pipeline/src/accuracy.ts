import { CRITERION_IDS } from '@egov-monitor/rubric';
import type { CriterionId, MaturityLevel, Outcome, SiteResult } from '@egov-monitor/rubric';

/** What a labelled site should get (a fixture's expected.json, or a reviewer's verdict on a real site). */
export interface LabelledSite {
  id: string;
  url: string;
  status: 'ok' | 'error';
  errorCode?: string;
  level: MaturityLevel;
  criteria: Partial<Record<CriterionId, boolean>>;
  /** Outcomes pinned beyond met / not met (`inconclusive`): the criterion is right only with that outcome. */
  outcomes?: Partial<Record<CriterionId, Outcome>>;
}

export interface AccuracyMiss {
  site: string;
  /** `status`, `level` or a criterion id. */
  what: string;
  expected: string;
  got: string;
  /** The result's own explanation: reason and evidence pointers, so a reviewer can check the claim. */
  evidence: string;
}

export interface AccuracyReport {
  sites: number;
  status: Tally;
  levels: (Tally & { level: MaturityLevel })[];
  criteria: (Tally & { id: CriterionId })[];
  misses: AccuracyMiss[];
}

interface Tally {
  correct: number;
  total: number;
}

/** Compares results with labels: status (and error code), level per expected level, each criterion. */
export function measureAccuracy(labelled: LabelledSite[], results: SiteResult[]): AccuracyReport {
  const misses: AccuracyMiss[] = [];
  const status: Tally = { correct: 0, total: 0 };
  const levels = new Map<MaturityLevel, Tally>();
  const criteria = new Map<CriterionId, Tally>();
  for (const label of labelled) {
    const result = results.find((site) => site.url === label.url);
    const levelTally = levels.get(label.level) ?? { correct: 0, total: 0 };
    levels.set(label.level, levelTally);
    status.total += 1;
    levelTally.total += 1;
    if (!result) {
      misses.push({ site: label.id, what: 'status', expected: label.status, got: 'no result', evidence: '' });
      continue;
    }
    const gotStatus = result.error ? `${result.status} ${result.error.code}` : result.status;
    const wantStatus = label.errorCode ? `${label.status} ${label.errorCode}` : label.status;
    const statusOk =
      result.status === label.status && (!label.errorCode || result.error?.code === label.errorCode);
    if (statusOk) status.correct += 1;
    else
      misses.push({
        site: label.id,
        what: 'status',
        expected: wantStatus,
        got: gotStatus,
        evidence: result.error?.message ?? '',
      });
    if (result.maturity.level === label.level) levelTally.correct += 1;
    else {
      misses.push({
        site: label.id,
        what: 'level',
        expected: String(label.level),
        got: String(result.maturity.level),
        evidence:
          result.maturity.criteria
            .filter((criterion) => criterion.met)
            .map((criterion) => criterion.id)
            .join(', ') || 'no criterion met',
      });
    }
    for (const id of CRITERION_IDS) {
      const expected = label.criteria[id];
      if (expected === undefined) continue;
      const tally = criteria.get(id) ?? { correct: 0, total: 0 };
      criteria.set(id, tally);
      tally.total += 1;
      const criterion = result.maturity.criteria.find((entry) => entry.id === id);
      const outcome = label.outcomes?.[id];
      if (criterion?.met === expected && (outcome === undefined || criterion.outcome === outcome)) {
        tally.correct += 1;
        continue;
      }
      misses.push({
        site: label.id,
        what: id,
        expected: outcome === undefined ? String(expected) : `${expected} (${outcome})`,
        got: criterion ? `${criterion.met} (${criterion.outcome})` : 'missing',
        evidence: criterion
          ? [
              criterion.reason.en,
              ...criterion.evidence.slice(0, 3).map((pointer) => `${pointer.url} — ${pointer.detail}`),
            ].join(' | ')
          : '',
      });
    }
  }
  return {
    sites: labelled.length,
    status,
    levels: [...levels.entries()].sort(([a], [b]) => a - b).map(([level, tally]) => ({ level, ...tally })),
    criteria: CRITERION_IDS.filter((id) => criteria.has(id)).map((id) => ({
      id,
      ...(criteria.get(id) as Tally),
    })),
    misses,
  };
}

const percent = ({ correct, total }: Tally) =>
  total === 0 ? '  n/a' : `${((100 * correct) / total).toFixed(1).padStart(5)}%`;

/** Plain-text table for the terminal. */
export function formatAccuracy(report: AccuracyReport): string {
  const lines = [`Accuracy over ${report.sites} labelled site(s)`, ''];
  lines.push(`status      ${percent(report.status)}  (${report.status.correct}/${report.status.total})`);
  lines.push('', 'level (by expected level)');
  for (const tally of report.levels)
    lines.push(`  level ${tally.level}   ${percent(tally)}  (${tally.correct}/${tally.total})`);
  const allLevels = report.levels.reduce(
    (sum, t) => ({ correct: sum.correct + t.correct, total: sum.total + t.total }),
    { correct: 0, total: 0 },
  );
  lines.push(`  all       ${percent(allLevels)}  (${allLevels.correct}/${allLevels.total})`);
  lines.push('', 'criteria');
  for (const tally of report.criteria)
    lines.push(`  ${tally.id.padEnd(24)} ${percent(tally)}  (${tally.correct}/${tally.total})`);
  lines.push('', report.misses.length === 0 ? 'No misses.' : `Misses (${report.misses.length}):`);
  for (const miss of report.misses) {
    lines.push(
      `  ${miss.site}  ${miss.what}: expected ${miss.expected}, got ${miss.got}${miss.evidence ? `\n      ${miss.evidence}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
