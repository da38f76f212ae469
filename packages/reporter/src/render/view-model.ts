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
} from '@egov-monitor/rubric';
import { evidenceFingerprint } from '@egov-monitor/rubric';
import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
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
  checksChanged: { id: string; from: Outcome; to: Outcome }[];
  note: string | null;
  /** Whether anything a reviewer would want to hear about changed. */
  hasChanges: boolean;
}

export interface SiteView {
  site: SiteResult;
  id: string;
  marker: string;
  displayName: string;
  levelName: string;
  /** "nivel provisional" when inconclusive criteria could raise the level, else null. */
  provisionalTag: string | null;
  /** The sentence that says which inconclusive criteria could raise the level, and to which level; else null. */
  provisionalLine: string | null;
  ok: boolean;
  criteria: CriterionView[];
  checks: CheckView[];
  areas: { key: string; label: string; value: number | null }[];
  violations: Listed<ViolationView>;
  change: ChangeView | null;
}

function criterionTitle(id: string, lang: Lang): string {
  return translate(lang, `criteria.${id}`);
}

function criterionView(c: CriterionResult, lang: Lang, limits: Limits): CriterionView {
  return {
    id: c.id,
    level: c.level,
    title: criterionTitle(c.id, lang),
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

export function changeView(c: SiteComparison, lang: Lang, limits: Limits): ChangeView {
  const levelChanged = (c.previous?.level ?? null) !== (c.current?.level ?? null);
  const hasChanges =
    c.kind !== 'unchanged' ||
    levelChanged ||
    c.criteriaGained.length > 0 ||
    c.criteriaLost.length > 0 ||
    c.accessibility.new.length > 0 ||
    c.accessibility.fixed.length > 0 ||
    c.checksChanged.length > 0;
  return {
    kind: c.kind,
    kindLabel: translate(lang, `change.${c.kind}`),
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
    checksChanged: c.checksChanged,
    note: c.note ? c.note[lang] : null,
    hasChanges,
  };
}

export function displayName(site: Pick<SiteResult, 'acronym' | 'name'>): string {
  return site.acronym?.trim() || site.name;
}

export function siteView(site: SiteResult, comparison: SiteComparison | undefined, lang: Lang, limits: Limits): SiteView {
  const ok = site.status === 'ok';
  const provisional = ok && site.maturity.provisional === true;
  return {
    site,
    id: siteId(site.url),
    marker: siteMarker(site.url),
    displayName: displayName(site),
    levelName: translate(lang, `levels.${site.maturity.level}`),
    provisionalTag: provisional ? translate(lang, 'site.provisionalTag') : null,
    provisionalLine: provisional
      ? translate(lang, 'site.provisionalLine', {
          criteria: (site.maturity.couldRaise ?? []).map((id) => criterionTitle(id, lang)).join(', '),
          reach: site.maturity.couldReach ?? site.maturity.level,
        })
      : null,
    ok,
    criteria: ok ? site.maturity.criteria.map((c) => criterionView(c, lang, limits)) : [],
    checks: ok ? site.checks.map((c) => checkView(c, lang, limits)) : [],
    areas: AREAS.map((key) => ({ key, label: translate(lang, `areas.${key}`), value: site.compliance.areas[key] })),
    violations: cut(
      [...site.accessibility.violations].sort(byImpact).map((v) => violationView(v, lang, limits)),
      limits.violations,
    ),
    change: comparison ? changeView(comparison, lang, limits) : null,
  };
}

export function comparisonFor(results: ScanResults, site: SiteResult): SiteComparison | undefined {
  return results.comparison?.sites.find((c) => siteId(c.url) === siteId(site.url));
}

export function groupLabel(key: string, fallback: string, lang: Lang): string {
  try {
    return translate(lang, `groups.${key}`);
  } catch {
    return fallback;
  }
}

export interface ReportView {
  lang: Lang;
  results: ScanResults;
  sites: SiteView[];
  averages: { label: string; evaluated: number; notEvaluated: number; averagePoints: number | null; averageCompliance: number | null }[];
  institutions: AverageRow[];
  references: { label: string; value: number }[];
  levels: { level: number; name: string; count: number }[];
  charts: NonNullable<ScanResults['aggregates']>['charts'] | null;
  notEvaluated: NonNullable<ScanResults['aggregates']>['notEvaluated'];
  changes: ChangeView[];
  groupChanges: { label: string; previousAverage: number | null; currentAverage: number | null; delta: number | null }[];
  hasAggregates: boolean;
}

export function reportView(results: ScanResults, lang: Lang, limits: Limits = UNLIMITED): ReportView {
  const agg = results.aggregates;
  const averages = agg
    ? [
        ...agg.byGroup.map((row) => ({ ...row, label: groupLabel(row.key, row.label, lang) })),
        { ...agg.overall, label: groupLabel('overall', agg.overall.label, lang) },
      ]
    : [];
  const levels = agg
    ? (['0', '1', '2', '3', '4', '5'] as const).map((l) => ({
        level: Number(l),
        name: translate(lang, `levels.${l}`),
        count: agg.sitesPerLevel[l] ?? 0,
      }))
    : [];
  const notEvaluated = agg
    ? agg.notEvaluated
    : results.sites
        .filter((s) => s.status !== 'ok')
        .map((s) => ({ url: s.url, name: s.name, code: s.error?.code ?? 'internal-error', message: s.error?.message ?? '' }));
  return {
    lang,
    results,
    sites: results.sites.map((s) => siteView(s, comparisonFor(results, s), lang, limits)),
    averages,
    institutions: agg ? agg.byInstitution : [],
    references: agg ? agg.references.map((r) => ({ label: r.label[lang], value: r.value })) : [],
    levels,
    charts: agg ? agg.charts : null,
    notEvaluated,
    changes: (results.comparison?.sites ?? []).map((c) => changeView(c, lang, limits)).filter((c) => c.hasChanges),
    groupChanges: (results.comparison?.groups ?? []).map((g) => ({ ...g, label: groupLabel(g.key, g.label, lang) })),
    hasAggregates: Boolean(agg),
  };
}
