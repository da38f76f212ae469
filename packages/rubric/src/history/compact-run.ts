import { createHash } from 'node:crypto';
import { isEvaluated, round2 } from '../aggregate.js';
import { evidenceFingerprint } from '../overrides.js';
import type { ComplianceArea, ScanResults, SiteResult } from '../results.js';
import { CRITERION_IDS } from '../results.js';
import type { Rubric } from '../rubric-config.js';
import { criterionCode, outcomeCode } from './outcome-code.js';
import { isProvisional } from './provisional.js';
import { historySiteKey } from './site-key.js';
import type { HistoryIndexEntry, HistoryRun, HistorySite, OutcomeCode } from './types.js';
import { HISTORY_FORMAT } from './types.js';

const AREAS: readonly ComplianceArea[] = ['accessibility', 'security', 'usability', 'recommendations'];

function sha8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** JSON with keys sorted at every level, so equal content gives equal text whatever order it was built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Changes with any threshold, weight or word of the rubric: two runs with one fingerprint were judged alike. */
export function rubricFingerprint(rubric: Rubric): string {
  return sha8(canonicalJson(rubric));
}

/** Sortable and file-name safe: `20260302T150000Z-` and a hash of what makes the run itself. */
export function historyRunId(
  results: Pick<ScanResults, 'startedAt' | 'finishedAt' | 'tool'>,
  list: string | null,
): string {
  const stamp = results.startedAt.replace(/\.\d+(?=Z$)/, '').replace(/[-:]/g, '');
  return `${stamp}-${sha8(`${results.startedAt}\u0000${results.finishedAt}\u0000${results.tool.version}\u0000${list ?? ''}`).slice(0, 6)}`;
}

/** `runs/2026/<id>.json`: a folder per year keeps every folder small. */
export function historyRunFile(id: string): string {
  return `runs/${id.slice(0, 4)}/${id}.json`;
}

/** A site's compact form but its check letters, which wait for the run's list of checks (`checks` by id). */
type PendingSite = { site: Omit<HistorySite, 'checks'>; checks: Map<string, OutcomeCode> | null };

function compactSite(site: SiteResult): PendingSite {
  const ok = site.status === 'ok';
  const criteria = new Map(site.maturity.criteria.map((c) => [c.id as string, c]));
  const byRule: Record<string, [number, number]> = {};
  for (const v of [...site.accessibility.violations].sort((a, b) =>
    a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0,
  )) {
    const [pages, nodes] = byRule[v.ruleId] ?? [0, 0];
    byRule[v.ruleId] = [pages + v.pages.length, nodes + v.nodes];
  }
  const fingerprints = site.maturity.criteria.map((c) => `${c.id}:${evidenceFingerprint(c)}`).sort();
  return {
    site: {
      id: historySiteKey(site.url),
      url: site.url,
      name: site.name,
      ...(site.acronym ? { acronym: site.acronym } : {}),
      ...(site.institution ? { institution: site.institution } : {}),
      group: site.group,
      status: site.status,
      ...(site.error ? { error: site.error.code } : {}),
      level: site.maturity.level,
      points: site.maturity.points,
      ...(isProvisional(site) ? { provisional: true as const } : {}),
      criteria: CRITERION_IDS.map((id) => {
        const c = criteria.get(id);
        return ok && c ? criterionCode(c) : '-';
      }).join(''),
      compliance: {
        ...(Object.fromEntries(AREAS.map((area) => [area, site.compliance.areas[area] ?? null])) as Record<
          ComplianceArea,
          number | null
        >),
        overall: site.compliance.overall ?? null,
      },
      accessibility: {
        pages: site.accessibility.pagesScanned,
        rules: Object.keys(byRule).length,
        nodes: Object.values(byRule).reduce((sum, [, nodes]) => sum + nodes, 0),
        byRule,
      },
      fingerprint: sha8(fingerprints.join(' ')),
    },
    checks: ok ? new Map(site.checks.map((c) => [c.id, outcomeCode(c.outcome)])) : null,
  };
}

export interface CompactOptions {
  rubric: Rubric;
  /** The URL list's name (its file name without the folder), or null. */
  list?: string | null;
}

/** What a compact run takes from results.json besides its sites. */
export type RunHead = Pick<ScanResults, 'startedAt' | 'finishedAt' | 'tool' | 'schemaVersion'>;

export interface RunCompactor {
  /** The next site, in list order. */
  add(site: SiteResult): void;
  /** The compact run of the sites added. */
  result(): HistoryRun;
}

/**
 * A run's compact form built one site at a time, for a run whose full results are on disk and never all in
 * memory (the pipeline streams them): each site is reduced as it passes. Check ids are the union over the run's
 * sites in first-seen order, so a check added by a newer version simply appears in the runs that have it.
 */
export function createRunCompactor(head: RunHead, options: CompactOptions): RunCompactor {
  const list = options.list ?? null;
  const checkIds: string[] = [];
  const seen = new Set<string>();
  const pending: PendingSite[] = [];
  return {
    add(site) {
      for (const check of site.checks) {
        if (!seen.has(check.id)) {
          seen.add(check.id);
          checkIds.push(check.id);
        }
      }
      pending.push(compactSite(site));
    },
    result() {
      return {
        format: HISTORY_FORMAT,
        id: historyRunId(head, list),
        startedAt: head.startedAt,
        finishedAt: head.finishedAt,
        tool: { name: head.tool.name, version: head.tool.version },
        schemaVersion: head.schemaVersion,
        rubric: { version: options.rubric.version, fingerprint: rubricFingerprint(options.rubric) },
        list,
        criteria: [...CRITERION_IDS],
        checks: [...checkIds],
        sites: pending.map(({ site, checks }) => ({
          ...site,
          checks: checkIds.map((id) => checks?.get(id) ?? '-').join(''),
        })) as HistorySite[],
      };
    },
  };
}

/** A run's results, all in memory, in the history's compact form (see createRunCompactor). */
export function compactRun(results: ScanResults, options: CompactOptions): HistoryRun {
  const compactor = createRunCompactor(results, options);
  for (const site of results.sites) compactor.add(site);
  return compactor.result();
}

/** aggregate's rule (`isEvaluated`: scanned and at least level 1) on a compact site: only these enter averages. */
export function evaluatedInRun(site: Pick<HistorySite, 'status' | 'level'>): boolean {
  return isEvaluated({ status: site.status, maturity: { level: site.level } } as SiteResult);
}

/** The run's line in the index: enough to list runs and draw the overall average without opening the run. */
export function indexEntry(run: HistoryRun): HistoryIndexEntry {
  const evaluated = run.sites.filter(evaluatedInRun);
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    file: historyRunFile(run.id),
    tool: run.tool,
    rubric: run.rubric,
    list: run.list,
    sites: run.sites.length,
    evaluated: evaluated.length,
    averagePoints: evaluated.length
      ? round2(evaluated.reduce((sum, s) => sum + s.points, 0) / evaluated.length)
      : null,
  };
}
