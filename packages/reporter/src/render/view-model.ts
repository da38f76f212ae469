/**
 * Turns results into what the templates print: the language chosen, labels looked up, long lists cut to a limit
 * (with how many were left out). Pure; the templates only lay it out.
 */
import type {
  AverageRow,
  CheckResult,
  ComplianceArea,
  CriterionResult,
  EvidencePointer,
  MergedAxeViolation,
  Outcome,
  ScanResults,
  SiteComparison,
  SiteResult,
  SiteSummary,
} from '@egov-monitor/rubric';
import { CHECKS, CRITERIA, evidenceFingerprint } from '@egov-monitor/rubric';
import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import type { LevelPoint } from './mermaid.js';
import { mermaidBarChart, mermaidLevelHistory } from './mermaid.js';
import { siteId, siteMarker } from './site-id.js';

export interface Limits {
  /** Evidence pointers shown per criterion or check. */
  evidence: number;
  /** axe rules shown per site. */
  violations: number;
  /** Pages and selectors shown per axe rule. */
  pages: number;
  selectors: number;
  /** Rule/page pairs shown per list of a comparison. */
  changes: number;
}

export const UNLIMITED: Limits = {
  evidence: Infinity,
  violations: Infinity,
  pages: Infinity,
  selectors: Infinity,
  changes: Infinity,
};

export interface Listed<T> {
  items: T[];
  more: number;
}

function cut<T>(items: readonly T[], limit: number): Listed<T> {
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

const AREAS: ComplianceArea[] = ['accessibility', 'security', 'usability', 'recommendations'];
const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'];

export interface CriterionView {
  id: string;
  level: number;
  title: string;
  outcome: Outcome;
  met: boolean;
  reason: string;
  evidence: Listed<EvidencePointer>;
  override?: CriterionResult['override'];
  /**
   * What a reviewer copies into an override's `basedOn`: the automatic verdict and the fingerprint of its evidence
   * (rubric `evidenceFingerprint`), so the override is flagged stale once the evidence changes.
   */
  basedOn: string;
}

export interface CheckView {
  id: string;
  area: string;
  outcome: Outcome;
  title: string;
  implements: string;
  hint: string | null;
  evidence: Listed<EvidencePointer>;
  value: CheckResult['value'] | null;
}

export interface ViolationView {
  ruleId: string;
  impact: string;
  wcag: string[];
  bestPractice: boolean;
  help: string;
  helpUrl: string;
  nodes: number;
  pageCount: number;
  pages: Listed<string>;
  selectors: Listed<string>;
}

export interface ChangeView {
  kind: SiteComparison['kind'];
  kindLabel: string;
  name: string;
  url: string;
  previous: SiteComparison['previous'];
  current: SiteComparison['current'];
  levelChanged: boolean;
  criteriaGained: string[];
  criteriaLost: string[];
  axeNew: Listed<{ ruleId: string; page: string }>;
  axeFixed: Listed<{ ruleId: string; page: string }>;
  axePersisting: number;
  /** By title when the check is known (the current run's checks), else by id. */
  checksChanged: { id: string; title: string | null; from: Outcome; to: Outcome }[];
  note: string | null;
  /** Unreachable now and in the previous run: the same state as before, not news. */
  stillDown: boolean;
  /** Whether anything a reviewer would want to hear about changed. */
  hasChanges: boolean;
}

/** A site's row in the report's tables: what its summary says. */
export interface SiteRowView {
  site: SiteSummary;
  id: string;
  displayName: string;
  levelName: string;
  /** "nivel provisional" when inconclusive criteria could raise the level, else null. */
  provisionalTag: string | null;
  /** The sentence that says which inconclusive criteria could raise the level, and to which level; else null. */
  provisionalLine: string | null;
  ok: boolean;
}

/** A site's full detail (report sections, its issue). */
export interface SiteView extends SiteRowView {
  site: SiteResult;
  marker: string;
  criteria: CriterionView[];
  checks: CheckView[];
  areas: { key: string; label: string; value: number | null }[];
  violations: Listed<ViolationView>;
  /** axe's "needs review" results: for a reviewer to look at, listed apart from the violations, never failures. */
  needsReview: Listed<ViolationView>;
  change: ChangeView | null;
  /** The site's level run after run (oldest first), with a Mermaid line when two runs have a level. */
  history: { points: { date: string; level: number | null }[]; chart: string | null } | null;
}

/**
 * A criterion's title when only its id is at hand (a comparison, a summary): the registry's meta, where results
 * get it too. An id the registry no longer has (an older run) prints as itself.
 */
function criterionTitle(id: string, lang: Lang): string {
  return CRITERIA.find((c) => c.meta.id === id)?.meta.title[lang] ?? id;
}

function criterionView(c: CriterionResult, lang: Lang, limits: Limits): CriterionView {
  return {
    id: c.id,
    level: c.level,
    // the title the result carries (its criterion's meta); files older than schema 1.2.0 have none
    title: c.title?.[lang] ?? criterionTitle(c.id, lang),
    outcome: c.outcome,
    met: c.met,
    reason: c.reason[lang],
    evidence: cut(c.evidence, limits.evidence),
    ...(c.override ? { override: c.override } : {}),
    basedOn: `basedOn: { met: ${c.outcome === 'pass'}, fingerprint: ${evidenceFingerprint(c)} }`,
  };
}

function checkView(c: CheckResult, lang: Lang, limits: Limits): CheckView {
  return {
    id: c.id,
    area: translate(lang, `areas.${c.area}`),
    outcome: c.outcome,
    title: c.title[lang],
    implements: c.implements[lang],
    hint: c.outcome === 'pass' || !c.hint ? null : c.hint[lang],
    evidence: cut(c.evidence, limits.evidence),
    value: c.value ?? null,
  };
}

function violationView(v: MergedAxeViolation, lang: Lang, limits: Limits): ViolationView {
  return {
    ruleId: v.ruleId,
    impact: translate(lang, `impact.${v.impact ?? 'none'}`),
    wcag: v.wcag,
    bestPractice: v.bestPractice,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes,
    pageCount: v.pages.length,
    pages: cut(v.pages, limits.pages),
    selectors: cut(v.selectors, limits.selectors),
  };
}

/** Worst first, then by rule id, so the same violations always print in the same order. */
function byImpact(a: MergedAxeViolation, b: MergedAxeViolation): number {
  const rank = (v: MergedAxeViolation): number => {
    const i = IMPACT_ORDER.indexOf(v.impact ?? '');
    return i === -1 ? IMPACT_ORDER.length : i;
  };
  return rank(a) - rank(b) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function changeView(
  c: SiteComparison,
  lang: Lang,
  limits: Limits,
  checkTitles: Record<string, string> = {},
): ChangeView {
  const levelChanged = (c.previous?.level ?? null) !== (c.current?.level ?? null);
  // An unreachable site is news when it goes down and when it comes back, not on every run while it stays down.
  const stillDown = c.kind === 'unreachable' && c.previous?.status === 'error';
  const hasChanges =
    (c.kind !== 'unchanged' && !stillDown) ||
    levelChanged ||
    c.criteriaGained.length > 0 ||
    c.criteriaLost.length > 0 ||
    c.accessibility.new.length > 0 ||
    c.accessibility.fixed.length > 0 ||
    c.checksChanged.length > 0;
  return {
    kind: c.kind,
    kindLabel: translate(lang, `change.${stillDown ? 'stillDown' : c.kind}`),
    name: c.name,
    url: c.url,
    previous: c.previous,
    current: c.current,
    levelChanged,
    criteriaGained: c.criteriaGained.map((id) => criterionTitle(id, lang)),
    criteriaLost: c.criteriaLost.map((id) => criterionTitle(id, lang)),
    axeNew: cut(c.accessibility.new, limits.changes),
    axeFixed: cut(c.accessibility.fixed, limits.changes),
    axePersisting: c.accessibility.persisting.length,
    checksChanged: c.checksChanged.map((k) => ({ ...k, title: checkTitles[k.id] ?? null })),
    note: c.note ? c.note[lang] : null,
    stillDown,
    hasChanges,
  };
}

/** Check titles by id in the reader's language, from a site's results, for naming the checks that changed. */
/** Check titles by id: the site's own results when at hand, else the registry (a summary carries no checks). */
export function checkTitlesOf(
  site: Pick<SiteResult, 'checks'> | undefined,
  lang: Lang,
): Record<string, string> {
  const titles = site
    ? site.checks.map((c) => [c.id, c.title[lang]])
    : CHECKS.map((c) => [c.meta.id, c.meta.title[lang]]);
  return Object.fromEntries(titles);
}

/** "No evaluado" only for a site that could not be scanned; an evaluated site at level 0 is below level 1. */
export function siteLevelName(site: Pick<SiteSummary, 'status' | 'maturity'>, lang: Lang): string {
  return site.status === 'ok'
    ? translate(lang, `levels.${site.maturity.level}`)
    : translate(lang, 'levels.notEvaluated');
}

/**
 * The two points a run and its comparison give: the previous run's level (null when it could not be evaluated
 * then) and this run's. Longer histories come from the caller (`levelHistory`).
 */
export function levelHistoryFromComparison(results: ScanResults, site: SiteResult): LevelPoint[] {
  const now: LevelPoint = {
    date: results.startedAt,
    level: site.status === 'ok' ? site.maturity.level : null,
  };
  const comparison = comparisonFor(results, site);
  if (!results.comparison || !comparison?.previous) return [now];
  const before: LevelPoint = {
    date: results.comparison.previousStartedAt,
    level: comparison.previous.status === 'ok' ? comparison.previous.level : null,
  };
  return [before, now];
}

function historyView(points: LevelPoint[] | undefined, lang: Lang): SiteView['history'] {
  // One run is no history.
  if (!points || points.length < 2) return null;
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    points: sorted,
    chart: mermaidLevelHistory(sorted, {
      title: translate(lang, 'site.historyTitle'),
      axis: translate(lang, 'col.level'),
    }),
  };
}

export function displayName(site: Pick<SiteResult, 'acronym' | 'name'>): string {
  return site.acronym?.trim() || site.name;
}

export function siteRowView(site: SiteSummary, lang: Lang): SiteRowView {
  const ok = site.status === 'ok';
  const provisional = ok && site.maturity.provisional === true;
  return {
    site,
    id: siteId(site.url),
    displayName: displayName(site),
    levelName: siteLevelName(site, lang),
    provisionalTag: provisional ? translate(lang, 'site.provisionalTag') : null,
    provisionalLine: provisional
      ? translate(lang, 'site.provisionalLine', {
          criteria: (site.maturity.couldRaise ?? []).map((id) => criterionTitle(id, lang)).join(', '),
          reach: site.maturity.couldReach ?? site.maturity.level,
        })
      : null,
    ok,
  };
}

export function siteView(
  site: SiteResult,
  comparison: SiteComparison | undefined,
  lang: Lang,
  limits: Limits,
  levelHistory?: LevelPoint[],
): SiteView {
  const ok = site.status === 'ok';
  return {
    ...siteRowView(site, lang),
    site,
    marker: siteMarker(site.url),
    criteria: ok ? site.maturity.criteria.map((c) => criterionView(c, lang, limits)) : [],
    checks: ok ? site.checks.map((c) => checkView(c, lang, limits)) : [],
    areas: AREAS.map((key) => ({
      key,
      label: translate(lang, `areas.${key}`),
      value: site.compliance.areas[key],
    })),
    violations: cut(
      [...site.accessibility.violations].sort(byImpact).map((v) => violationView(v, lang, limits)),
      limits.violations,
    ),
    needsReview: cut(
      [...(site.accessibility.needsReview ?? [])].sort(byImpact).map((v) => violationView(v, lang, limits)),
      limits.violations,
    ),
    change: comparison ? changeView(comparison, lang, limits, checkTitlesOf(site, lang)) : null,
    history: historyView(levelHistory, lang),
  };
}

export function comparisonFor(
  results: Pick<ScanResults, 'comparison'>,
  site: Pick<SiteResult, 'url'>,
): SiteComparison | undefined {
  return results.comparison?.sites.find((c) => siteId(c.url) === siteId(site.url));
}

/** Each site's change by site id, for a pass over thousands of sites (comparisonFor searches the list each time). */
export function comparisonIndex(
  results: Pick<ScanResults, 'comparison'>,
): (site: Pick<SiteResult, 'url'>) => SiteComparison | undefined {
  const byId = new Map<string, SiteComparison>();
  for (const change of results.comparison?.sites ?? [])
    if (!byId.has(siteId(change.url))) byId.set(siteId(change.url), change);
  return (site) => byId.get(siteId(site.url));
}

export function groupLabel(key: string, fallback: string, lang: Lang): string {
  try {
    return translate(lang, `groups.${key}`);
  } catch {
    return fallback;
  }
}

/** A site whose standing changed since the previous run, for the summary's lists of who rose and who fell. */
export interface MoverView {
  id: string;
  name: string;
  url: string;
  previous: SiteComparison['previous'];
  current: SiteComparison['current'];
}

/**
 * What the report's head (metadata, summary, tables, changes) reads: the run without the full sites, one summary
 * per site instead. A ScanResults is one; a streamed run passes its summaries and writes the details one by one.
 */
export type ReportInput = Omit<ScanResults, 'sites'> & { sites: readonly SiteSummary[] };

export interface ReportView {
  lang: Lang;
  results: ReportInput;
  sites: SiteRowView[];
  averages: {
    label: string;
    evaluated: number;
    notEvaluated: number;
    averagePoints: number | null;
    averageCompliance: number | null;
  }[];
  institutions: AverageRow[];
  references: { label: string; value: number }[];
  /** Sites per level: "0 — below level 1", 1 … 5, then the sites that could not be evaluated. */
  levels: { level: number | null; name: string; label: string; count: number }[];
  charts: NonNullable<ScanResults['aggregates']>['charts'] | null;
  /** The report's three charts as Mermaid, for issues. */
  mermaid: { scorePerSite: string; levels: string; institutions: string } | null;
  /** Sites that could not be scanned (an evaluated site at level 0 is not among them). */
  notEvaluated: { url: string; name: string; code: string; message: string }[];
  changes: ChangeView[];
  movers: {
    rose: MoverView[];
    fell: MoverView[];
    wentDown: MoverView[];
    cameBack: MoverView[];
    any: boolean;
  };
  groupChanges: {
    label: string;
    previousAverage: number | null;
    currentAverage: number | null;
    delta: number | null;
  }[];
  hasAggregates: boolean;
}

function levelRows(results: ReportInput, lang: Lang): ReportView['levels'] {
  const rows: ReportView['levels'] = [0, 1, 2, 3, 4, 5].map((level) => {
    const name = translate(lang, `levels.${level}`);
    const count = results.sites.filter((s) => s.status === 'ok' && s.maturity.level === level).length;
    return { level, name, label: `${level} — ${name}`, count };
  });
  const name = translate(lang, 'levels.notEvaluated');
  rows.push({ level: null, name, label: name, count: results.sites.filter((s) => s.status !== 'ok').length });
  return rows;
}

function movers(results: ReportInput): ReportView['movers'] {
  const byUrl = new Map(results.sites.map((s) => [siteId(s.url), s]));
  const view = (c: SiteComparison): MoverView => {
    const site = byUrl.get(siteId(c.url));
    return {
      id: siteId(c.url),
      name: site ? displayName(site) : c.name,
      url: c.url,
      previous: c.previous,
      current: c.current,
    };
  };
  const sites = results.comparison?.sites ?? [];
  const rose = sites.filter((c) => c.kind === 'improved').map(view);
  const fell = sites.filter((c) => c.kind === 'regressed').map(view);
  const wentDown = sites.filter((c) => c.kind === 'unreachable' && c.previous?.status === 'ok').map(view);
  const cameBack = sites.filter((c) => c.kind === 'recovered').map(view);
  return {
    rose,
    fell,
    wentDown,
    cameBack,
    any: rose.length + fell.length + wentDown.length + cameBack.length > 0,
  };
}

function mermaidCharts(
  results: ReportInput,
  levels: ReportView['levels'],
  lang: Lang,
): ReportView['mermaid'] {
  const charts = results.aggregates?.charts;
  if (!charts) return null;
  const byUrl = new Map(results.sites.map((s) => [siteId(s.url), s]));
  const nameOf = (url: string, name: string): string => {
    const site = byUrl.get(siteId(url));
    return site ? displayName(site) : name;
  };
  const maxCount = Math.max(1, ...levels.map((l) => l.count));
  return {
    scorePerSite: mermaidBarChart({
      title: translate(lang, 'report.chartScorePerSite'),
      labels: charts.scorePerSite.map((s) => nameOf(s.url, s.name)),
      values: charts.scorePerSite.map((s) => s.points),
      axis: translate(lang, 'col.points'),
      max: 100,
      horizontal: true,
    }),
    levels: mermaidBarChart({
      title: translate(lang, 'report.chartSitesPerLevel'),
      labels: levels.map((l) => (l.level === null ? l.name : `${l.level} ${l.name}`)),
      values: levels.map((l) => l.count),
      axis: translate(lang, 'col.count'),
      max: maxCount,
    }),
    institutions: mermaidBarChart({
      title: translate(lang, 'report.chartInstitution'),
      labels: charts.institutionEvaluatedVsScore.map((i) => `${i.institution} (${i.evaluated})`),
      values: charts.institutionEvaluatedVsScore.map((i) => i.averagePoints),
      axis: translate(lang, 'col.averagePoints'),
      max: 100,
      horizontal: true,
    }),
  };
}

export function reportView(results: ReportInput, lang: Lang, limits: Limits = UNLIMITED): ReportView {
  const agg = results.aggregates;
  const averages = agg
    ? [
        ...agg.byGroup.map((row) => ({ ...row, label: groupLabel(row.key, row.label, lang) })),
        { ...agg.overall, label: groupLabel('overall', agg.overall.label, lang) },
      ]
    : [];
  const levels = agg ? levelRows(results, lang) : [];
  const notEvaluated = results.sites
    .filter((s) => s.status !== 'ok')
    .map((s) => ({
      url: s.url,
      name: s.name,
      code: s.error?.code ?? 'internal-error',
      message: s.error?.message ?? '',
    }));
  return {
    lang,
    results,
    sites: results.sites.map((s) => siteRowView(s, lang)),
    averages,
    institutions: agg ? agg.byInstitution : [],
    references: agg ? agg.references.map((r) => ({ label: r.label[lang], value: r.value })) : [],
    levels,
    charts: agg ? agg.charts : null,
    mermaid: mermaidCharts(results, levels, lang),
    notEvaluated,
    changes: (results.comparison?.sites ?? [])
      .map((c) => changeView(c, lang, limits, checkTitlesOf(undefined, lang)))
      .filter((c) => c.hasChanges),
    movers: movers(results),
    groupChanges: (results.comparison?.groups ?? []).map((g) => ({
      ...g,
      label: groupLabel(g.key, g.label, lang),
    })),
    hasAggregates: Boolean(agg),
  };
}
