/**
 * What each page of the static site prints, from the trends over every run and the newest run's full results:
 * labels looked up, dates and numbers formatted, links made relative, charts laid out. Pure; the templates only
 * lay it out (templates/site/*.html.hbs).
 */
import type {
  AggregatePoint,
  AggregateTrend,
  ComplianceArea,
  ItemTrend,
  MergedAxeViolation,
  Reference,
  ScanResults,
  SitePoint,
  SiteResult,
  SiteTrend,
  Trends,
} from '@egov-monitor/rubric';
import { CHECKS, CRITERION_IDS, historySiteKey } from '@egov-monitor/rubric';
import { LANGS, translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { barChart, niceStep } from '../render/charts.js';
import type { BarChart } from '../render/charts.js';
import { formatNumber } from '../render/helpers.js';
import { groupLabel, siteView, UNLIMITED } from '../render/view-model.js';
import type { SiteView } from '../render/view-model.js';
import { formatDay, niceMax } from './format.js';
import { lineChart } from './line-chart.js';
import type { LineChart, LineSeriesInput } from './line-chart.js';
import { institutionSlug, relativeLink, sitePaths, siteSlug } from './paths.js';

const AREAS: readonly ComplianceArea[] = ['accessibility', 'security', 'usability', 'recommendations'];

/** Everything the pages are built from. */
export interface SiteData {
  trends: Trends;
  /** The newest run's full results (evidence), when the history keeps them. */
  latest: ScanResults | null;
  /** The references the averages are compared with (2019 diagnostic, UN EGDI). */
  references: Reference[];
  tool: { name: string; version: string };
}

export interface Link {
  href: string;
  label: string;
}

export interface PageContext {
  lang: Lang;
  title: string;
  css: string;
  home: string;
  root: string;
  /** The same page in the other language. */
  alternate: { href: string; lang: Lang; label: string };
  breadcrumb: Link[];
  footer: string;
}

function otherLang(lang: Lang): Lang {
  return LANGS.find((l) => l !== lang)!;
}

function page(
  lang: Lang,
  path: string,
  alternatePath: string,
  title: string,
  data: SiteData,
  breadcrumb: Link[] = [],
): PageContext {
  const link = (to: string) => relativeLink(path, to);
  return {
    lang,
    title,
    css: link(sitePaths.css),
    home: link(sitePaths.home(lang)),
    root: link('index.html'),
    alternate: {
      href: link(alternatePath),
      lang: otherLang(lang),
      label: translate(lang, 'web.otherLanguage'),
    },
    breadcrumb,
    footer: translate(lang, 'web.generated', {
      tool: data.tool.name,
      version: data.tool.version,
      count: data.trends.runs.length,
    }),
  };
}

const fmt = (lang: Lang) => (value: number | null) => formatNumber(value, lang);

function lastOf<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

/** "Puntos: de 20 (5 ene 2026) a 40 (5 mar 2026); mínimo 20, máximo 40." — the chart's text alternative. */
function seriesSummary(lang: Lang, label: string, values: (number | null)[], dates: string[]): string {
  const known = values.flatMap((v, i) => (v === null ? [] : [{ v, date: dates[i]! }]));
  if (known.length === 0) return translate(lang, 'web.chartNoData', { series: label });
  const first = known[0]!;
  const last = lastOf(known)!;
  if (known.length === 1)
    return translate(lang, 'web.chartSummaryOne', {
      series: label,
      value: formatNumber(first.v, lang),
      date: first.date,
    });
  return translate(lang, 'web.chartSummary', {
    series: label,
    first: formatNumber(first.v, lang),
    firstDate: first.date,
    last: formatNumber(last.v, lang),
    lastDate: last.date,
    min: formatNumber(Math.min(...known.map((k) => k.v)), lang),
    max: formatNumber(Math.max(...known.map((k) => k.v)), lang),
  });
}

function trendChart(
  lang: Lang,
  id: string,
  title: string,
  dates: string[],
  series: LineSeriesInput[],
  yMax: number,
  tableId: string,
): LineChart {
  const description = [
    ...series.map((s) => seriesSummary(lang, s.label, s.values, dates)),
    translate(lang, 'web.chartRuns', { count: dates.length }),
    translate(lang, 'web.chartDataNote', { table: translate(lang, 'web.trendData') }),
  ].join(' ');
  const chart = lineChart({
    id,
    title,
    description,
    xLabels: dates,
    series,
    yMax,
    yStep: yMax / 5,
    format: (v) => formatNumber(v, lang),
  });
  return Object.assign(chart, { tableId });
}

// ---------------------------------------------------------------- item histories (first seen, fixed)

/** "no cumple desde el 5 ene 2026", "corregido el 5 mar 2026 (fallaba desde el 5 ene 2026)", "cumple desde …". */
export function itemHistory(item: ItemTrend | undefined, lang: Lang): string {
  if (!item) return translate(lang, 'web.noHistory');
  const last = lastOf(item.episodes);
  const parts: string[] = [];
  if (!last) {
    parts.push(
      item.firstPassed
        ? translate(lang, 'web.sinceMet', { date: formatDay(item.firstPassed, lang) })
        : translate(lang, 'web.noHistory'),
    );
  } else if (last.fixed === null) {
    parts.push(translate(lang, 'web.failingSince', { date: formatDay(last.firstSeen, lang) }));
  } else {
    parts.push(
      translate(lang, 'web.fixedOn', {
        date: formatDay(last.fixed, lang),
        since: formatDay(last.firstSeen, lang),
      }),
    );
  }
  if (item.episodes.length > 1)
    parts.push(translate(lang, 'web.failedBefore', { count: item.episodes.length - 1 }));
  return parts.join('; ');
}

// ---------------------------------------------------------------- ranking and the report's charts

export interface RankedSite {
  key: string;
  rank: number | null;
  name: string;
  acronym: string | null;
  href: string;
  institution: Link;
  group: string;
  level: number;
  levelName: string;
  points: number;
  compliance: number | null;
  provisional: boolean;
  evaluated: boolean;
  /** Why the site has no level (error code, or below level 1). */
  reason: string | null;
  change: string;
}

function isEvaluatedPoint(point: SitePoint): boolean {
  return point.status === 'ok' && point.level > 0;
}

function changeText(site: SiteTrend, lang: Lang): string {
  const [previous, current] = site.points.slice(-2);
  if (!current || !previous || !isEvaluatedPoint(previous)) return translate(lang, 'web.changeNew');
  // As the comparison says it (rubric changeKind): a site that did not load is not a fall to level 0, and a lower
  // level that inconclusive verdicts could raise is provisional, not a regression.
  if (current.status === 'error') return translate(lang, 'web.changeUnreachable');
  const delta = current.points - previous.points;
  if (delta === 0) return translate(lang, 'web.changeSame');
  if (delta < 0 && current.provisional) return translate(lang, 'web.changeProvisional');
  return translate(lang, delta > 0 ? 'web.changeUp' : 'web.changeDown', {
    delta: formatNumber(Math.abs(delta), lang),
  });
}

/** Sites of the newest run, best first: points, then compliance, then name; equal scores share a rank. */
export function ranking(data: SiteData, lang: Lang, fromPath: string): RankedSite[] {
  const lastRun = lastOf(data.trends.runs);
  const current = data.trends.sites.filter((s) => lastRun && s.lastRun === lastRun.id);
  const rows = current.map((site) => {
    const point = lastOf(site.points)!;
    return { site, point, evaluated: isEvaluatedPoint(point) };
  });
  rows.sort(
    (a, b) =>
      Number(b.evaluated) - Number(a.evaluated) ||
      b.point.points - a.point.points ||
      (b.point.compliance.overall ?? -1) - (a.point.compliance.overall ?? -1) ||
      a.site.name.localeCompare(b.site.name, 'es') ||
      (a.site.key < b.site.key ? -1 : 1),
  );
  let rank = 0;
  return rows.map(({ site, point, evaluated }, i) => {
    const previous = rows[i - 1];
    if (
      evaluated &&
      !(
        previous &&
        previous.evaluated &&
        previous.point.points === point.points &&
        previous.point.compliance.overall === point.compliance.overall
      )
    ) {
      rank = i + 1;
    }
    return {
      key: site.key,
      rank: evaluated ? rank : null,
      name: site.name,
      acronym: site.acronym ?? null,
      href: relativeLink(fromPath, sitePaths.site(lang, siteSlug(site.url))),
      institution: {
        label: site.institution,
        href: relativeLink(fromPath, sitePaths.institution(lang, institutionSlug(site.institution))),
      },
      group: groupLabel(site.group, site.group, lang),
      level: evaluated ? point.level : 0,
      levelName: translate(lang, `levels.${evaluated ? point.level : 0}`),
      points: point.points,
      compliance: point.compliance.overall,
      provisional: point.provisional,
      evaluated,
      reason: evaluated ? null : (point.error ?? 'below-level-1'),
      change: changeText(site, lang),
    };
  });
}

// ---------------------------------------------------------------- the index page

export interface TrendRow {
  date: string;
  cells: string[];
}

export interface IndexView extends PageContext {
  latestLine: string | null;
  list: string;
  historyLine: string;
  averages: {
    label: string;
    evaluated: number;
    notEvaluated: number;
    averagePoints: string;
    averageCompliance: string;
  }[];
  references: { label: string; value: string }[];
  chartAverages: BarChart;
  ranking: RankedSite[];
  chartScore: BarChart;
  chartLevels: BarChart;
  chartInstitution: BarChart;
  levels: { level: number; name: string; count: number }[];
  institutionRows: { name: string; href: string; evaluated: number; averagePoints: string }[];
  trendAverage: LineChart;
  trendHead: string[];
  trendRows: TrendRow[];
  institutions: {
    name: string;
    href: string;
    sites: number;
    evaluated: number;
    averagePoints: string;
    averageCompliance: string;
  }[];
  runs: {
    date: string;
    list: string;
    sites: number;
    evaluated: number;
    averagePoints: string;
    tool: string;
  }[];
  notEvaluated: { name: string; href: string; code: string }[];
  downloads: Link[];
}

function aggregateAt(trend: AggregateTrend, runId: string | undefined): AggregatePoint | undefined {
  return runId ? trend.points.find((p) => p.run === runId) : undefined;
}

export function indexView(data: SiteData, lang: Lang): IndexView {
  const path = sitePaths.home(lang);
  const link = (to: string) => relativeLink(path, to);
  const { trends } = data;
  const lastRun = lastOf(trends.runs);
  const overall = aggregateAt(trends.overall, lastRun?.id);
  const format = fmt(lang);
  const rows = ranking(data, lang, path);
  const evaluatedRows = rows.filter((r) => r.evaluated);
  const groupsNow = trends.groups.flatMap((g) => {
    const p = aggregateAt(g, lastRun?.id);
    return p ? [{ label: groupLabel(g.key, g.label, lang), point: p }] : [];
  });
  const averagesRows = [
    ...groupsNow,
    ...(overall ? [{ label: groupLabel('overall', trends.overall.label, lang), point: overall }] : []),
  ];
  const references = data.references.map((r) => ({ label: r.label[lang], value: r.value }));
  const institutionsNow = trends.institutions.flatMap((t) => {
    const p = aggregateAt(t, lastRun?.id);
    return p ? [{ trend: t, point: p }] : [];
  });
  const levels = [0, 1, 2, 3, 4, 5].map((level) => ({
    level,
    name: translate(lang, `levels.${level}`),
    count: overall?.levels[level] ?? 0,
  }));
  const levelMax = Math.max(1, ...levels.map((l) => l.count));
  const dates = trends.runs.map((r) => formatDay(r.date, lang));
  const averageSeries: LineSeriesInput[] = [
    {
      label: groupLabel('overall', trends.overall.label, lang),
      values: trends.runs.map((r) => aggregateAt(trends.overall, r.id)?.averagePoints ?? null),
    },
    ...trends.groups.map((g) => ({
      label: groupLabel(g.key, g.label, lang),
      values: trends.runs.map((r) => aggregateAt(g, r.id)?.averagePoints ?? null),
    })),
  ].slice(0, 5);

  return {
    ...page(lang, path, sitePaths.home(otherLang(lang)), translate(lang, 'web.title'), data),
    latestLine:
      lastRun && overall
        ? translate(lang, 'web.latestRunLine', {
            date: formatDay(lastRun.date, lang),
            sites: overall.sites,
            evaluated: overall.evaluated,
          })
        : null,
    list: lastRun?.list ?? translate(lang, 'web.commandLine'),
    historyLine: translate(lang, 'web.historyLine', {
      count: trends.runs.length,
      first: trends.runs[0] ? formatDay(trends.runs[0].date, lang) : '—',
      last: lastRun ? formatDay(lastRun.date, lang) : '—',
    }),
    averages: averagesRows.map(({ label, point }) => ({
      label,
      evaluated: point.evaluated,
      notEvaluated: point.sites - point.evaluated,
      averagePoints: format(point.averagePoints),
      averageCompliance: format(point.compliance.overall),
    })),
    references: references.map((r) => ({ label: r.label, value: formatNumber(r.value, lang, 2) })),
    chartAverages: barChart(
      'chart-averages',
      translate(lang, 'web.averagesChart'),
      [
        ...averagesRows.map(({ label, point }) => ({ label, value: point.averagePoints })),
        ...references.map((r) => ({ label: r.label, value: r.value })),
      ],
      100,
      20,
      format,
    ),
    ranking: rows,
    chartScore: barChart(
      'chart-score',
      translate(lang, 'report.chartScorePerSite'),
      evaluatedRows.map((r) => ({ label: r.acronym ?? r.name, value: r.points })),
      100,
      20,
      format,
    ),
    chartLevels: barChart(
      'chart-levels',
      translate(lang, 'report.chartSitesPerLevel'),
      levels.map((l) => ({ label: `${l.level} — ${l.name}`, value: l.count })),
      levelMax,
      niceStep(levelMax),
      format,
    ),
    chartInstitution: barChart(
      'chart-institution',
      translate(lang, 'report.chartInstitution'),
      institutionsNow.map(({ trend, point }) => ({
        label: `${trend.label} (${formatNumber(point.evaluated, lang)})`,
        value: point.averagePoints,
      })),
      100,
      20,
      format,
    ),
    levels,
    institutionRows: institutionsNow.map(({ trend, point }) => ({
      name: trend.label,
      href: link(sitePaths.institution(lang, institutionSlug(trend.key))),
      evaluated: point.evaluated,
      averagePoints: format(point.averagePoints),
    })),
    trendAverage: trendChart(
      lang,
      'trend-average',
      translate(lang, 'web.trendAverage'),
      dates,
      averageSeries,
      100,
      'trend-data',
    ),
    trendHead: averageSeries.map((s) => s.label),
    trendRows: trends.runs.map((r, i) => ({
      date: dates[i]!,
      cells: averageSeries.map((s) => format(s.values[i] ?? null)),
    })),
    institutions: institutionsNow.map(({ trend, point }) => ({
      name: trend.label,
      href: link(sitePaths.institution(lang, institutionSlug(trend.key))),
      sites: point.sites,
      evaluated: point.evaluated,
      averagePoints: format(point.averagePoints),
      averageCompliance: format(point.compliance.overall),
    })),
    runs: [...trends.runs].reverse().map((r) => {
      const p = aggregateAt(trends.overall, r.id)!;
      return {
        date: formatDay(r.date, lang),
        list: r.list ?? translate(lang, 'web.commandLine'),
        sites: p.sites,
        evaluated: p.evaluated,
        averagePoints: format(p.averagePoints),
        tool: `${r.tool.name} ${r.tool.version}`,
      };
    }),
    notEvaluated: rows
      .filter((r) => !r.evaluated)
      .map((r) => ({ name: r.name, href: r.href, code: r.reason ?? '' })),
    downloads: downloads(lang, path),
  };
}

export const DOWNLOADS = {
  latestCsv: 'latest.csv',
  latestJson: 'latest.json',
  historyCsv: 'history.csv',
  aggregatesCsv: 'aggregates.csv',
  trendsJson: 'trends.json',
} as const;

function downloads(lang: Lang, fromPath: string): Link[] {
  const item = (file: string, key: string) => ({
    href: relativeLink(fromPath, sitePaths.data(file)),
    label: translate(lang, `web.${key}`),
  });
  return [
    item(DOWNLOADS.latestCsv, 'downloadLatestCsv'),
    item(DOWNLOADS.latestJson, 'downloadLatestJson'),
    item(DOWNLOADS.historyCsv, 'downloadHistoryCsv'),
    item(DOWNLOADS.aggregatesCsv, 'downloadAggregatesCsv'),
    item(DOWNLOADS.trendsJson, 'downloadTrendsJson'),
  ];
}

// ---------------------------------------------------------------- an institution's page

export interface InstitutionView extends PageContext {
  name: string;
  groups: string;
  summary: {
    sites: number;
    evaluated: number;
    averagePoints: string;
    averageCompliance: string;
    axeRules: number;
  } | null;
  sites: RankedSite[];
  /** Sites of the institution that were not in the newest run. */
  formerSites: (Link & { lastSeen: string })[];
  trendPoints: LineChart;
  trendCompliance: LineChart;
  trendAccessibility: LineChart;
  trendHead: string[];
  trendRows: TrendRow[];
}

export function institutionView(data: SiteData, trend: AggregateTrend, lang: Lang): InstitutionView {
  const slug = institutionSlug(trend.key);
  const path = sitePaths.institution(lang, slug);
  const format = fmt(lang);
  const lastRun = lastOf(data.trends.runs);
  const now = aggregateAt(trend, lastRun?.id);
  const members = ranking(data, lang, path).filter((r) => r.institution.label === trend.key);
  const dates = trend.points.map((p) => formatDay(p.date, lang));
  const areaSeries = complianceSeries(
    lang,
    trend.points.map((p) => p.compliance),
  );
  const accessibility = trend.points.map((p) => (p.accessibility.sites ? p.accessibility.rules : null));
  const groups = [
    ...new Set(
      data.trends.sites
        .filter((s) => s.institution === trend.key)
        .map((s) => groupLabel(s.group, s.group, lang)),
    ),
  ];
  return {
    ...page(lang, path, sitePaths.institution(otherLang(lang), slug), trend.label, data, [
      { href: relativeLink(path, sitePaths.home(lang)), label: translate(lang, 'web.home') },
    ]),
    name: trend.label,
    groups: groups.join(', '),
    summary: now
      ? {
          sites: now.sites,
          evaluated: now.evaluated,
          averagePoints: format(now.averagePoints),
          averageCompliance: format(now.compliance.overall),
          axeRules: now.accessibility.rules,
        }
      : null,
    sites: members,
    formerSites: data.trends.sites
      .filter((s) => s.institution === trend.key && !members.some((m) => m.key === s.key))
      .map((s) => ({
        label: s.name,
        href: relativeLink(path, sitePaths.site(lang, siteSlug(s.url))),
        lastSeen: formatDay(s.lastSeen, lang),
      })),
    trendPoints: trendChart(
      lang,
      'trend-points',
      translate(lang, 'web.trendAverage'),
      dates,
      [{ label: translate(lang, 'col.averagePoints'), values: trend.points.map((p) => p.averagePoints) }],
      100,
      'trend-data',
    ),
    trendCompliance: trendChart(
      lang,
      'trend-compliance',
      translate(lang, 'web.trendCompliance'),
      dates,
      areaSeries,
      100,
      'trend-data',
    ),
    trendAccessibility: trendChart(
      lang,
      'trend-accessibility',
      translate(lang, 'web.trendAccessibility'),
      dates,
      [{ label: translate(lang, 'web.axeRules'), values: accessibility }],
      niceMax(Math.max(0, ...accessibility.map((v) => v ?? 0))),
      'trend-data',
    ),
    trendHead: [
      translate(lang, 'web.evaluatedSites'),
      translate(lang, 'col.averagePoints'),
      ...AREAS.map((a) => translate(lang, `areas.${a}`)),
      translate(lang, 'areas.overall'),
      translate(lang, 'web.axeRules'),
      translate(lang, 'web.axeNodes'),
    ],
    trendRows: trend.points.map((p, i) => ({
      date: dates[i]!,
      cells: [
        formatNumber(p.evaluated, lang),
        format(p.averagePoints),
        ...AREAS.map((a) => format(p.compliance[a])),
        format(p.compliance.overall),
        formatNumber(p.accessibility.rules, lang),
        formatNumber(p.accessibility.nodes, lang),
      ],
    })),
  };
}

function complianceSeries(
  lang: Lang,
  points: { [K in ComplianceArea | 'overall']: number | null }[],
): LineSeriesInput[] {
  return [...AREAS, 'overall' as const].map((area) => ({
    label: translate(lang, `areas.${area}`),
    values: points.map((p) => p[area]),
  }));
}

// ---------------------------------------------------------------- a site's page

export interface Screenshot {
  src: string;
  alt: string;
  caption: string;
  width?: number;
  height?: number;
}

export interface SitePageView extends PageContext {
  name: string;
  acronym: string | null;
  url: string;
  institution: Link;
  group: string;
  inLatest: boolean;
  notInLatest: string | null;
  last: SitePoint;
  levelName: string;
  evaluated: boolean;
  /** The newest run's full result for this site, as the report shows it; null when the site was not in it. */
  detail: (SiteView & { histories: { criteria: string[]; checks: string[]; rules: string[] } }) | null;
  findingsByPage: {
    url: string;
    rules: { ruleId: string; help: string; helpUrl: string; impact: string }[];
  }[];
  /** Home page screenshots when the result carries them (#15 item 4 fills this slot). */
  screenshots: Screenshot[];
  trendPoints: LineChart;
  trendCompliance: LineChart;
  trendAccessibility: LineChart;
  trendHead: string[];
  trendRows: TrendRow[];
  criteriaHistory: { title: string; history: string }[];
  checksHistory: { title: string; history: string }[];
  downloads: Link[];
}

const IMPACT_RANK: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

/** The newest run's violations regrouped by page: what a site's team fixes page by page. */
export function findingsByPage(
  violations: readonly MergedAxeViolation[],
  lang: Lang,
): SitePageView['findingsByPage'] {
  const pages = new Map<string, MergedAxeViolation[]>();
  for (const v of violations) for (const url of v.pages) pages.set(url, [...(pages.get(url) ?? []), v]);
  return [...pages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([url, rules]) => ({
      url,
      rules: [...rules]
        .sort(
          (a, b) =>
            (IMPACT_RANK[a.impact ?? ''] ?? 4) - (IMPACT_RANK[b.impact ?? ''] ?? 4) ||
            (a.ruleId < b.ruleId ? -1 : 1),
        )
        .map((v) => ({
          ruleId: v.ruleId,
          help: v.help,
          helpUrl: v.helpUrl,
          impact: translate(lang, `impact.${v.impact ?? 'none'}`),
        })),
    }));
}

/**
 * Screenshots a result may carry (`screenshots: [{ viewport, file, width?, height? }]`, files relative to the
 * run's output folder, copied next to the site by buildSite). Read defensively: the field comes with #15 item 4.
 */
export function screenshotsOf(
  site: SiteResult | null,
  lang: Lang,
  name: string,
  assetHref: (file: string) => string,
): Screenshot[] {
  const raw = (site as (SiteResult & { screenshots?: unknown }) | null)?.screenshots;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((shot: unknown) => {
    const s = shot as { viewport?: unknown; file?: unknown; width?: unknown; height?: unknown };
    if (typeof s.file !== 'string' || typeof s.viewport !== 'string') return [];
    const viewport = s.viewport;
    return [
      {
        src: assetHref(s.file),
        alt: translate(lang, 'web.screenshot', { name, viewport }),
        caption: viewport,
        ...(typeof s.width === 'number' ? { width: s.width } : {}),
        ...(typeof s.height === 'number' ? { height: s.height } : {}),
      },
    ];
  });
}

export function siteFilesBase(slug: string): string {
  return `sites/${slug}`;
}

export function sitePageView(
  data: SiteData,
  site: SiteTrend,
  latest: SiteResult | null,
  lang: Lang,
): SitePageView {
  const slug = siteSlug(site.url);
  const path = sitePaths.site(lang, slug);
  const link = (to: string) => relativeLink(path, to);
  const format = fmt(lang);
  const lastRun = lastOf(data.trends.runs);
  const inLatest = Boolean(lastRun && site.lastRun === lastRun.id);
  const last = lastOf(site.points)!;
  const evaluated = isEvaluatedPoint(last);
  const dates = site.points.map((p) => formatDay(p.date, lang));
  const criterionTitle = (id: string) =>
    (CRITERION_IDS as readonly string[]).includes(id) ? translate(lang, `criteria.${id}`) : id;
  const checkTitle = (id: string) => CHECKS.find((c) => c.meta.id === id)?.meta.title[lang] ?? id;
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));
  const criteria = byId(site.criteria);
  const checks = byId(site.checks);
  const rules = byId(site.accessibilityRules);
  const view = latest && inLatest ? siteView(latest, undefined, lang, UNLIMITED) : null;
  const accessibility = site.points.map((p) =>
    p.status === 'ok' && p.accessibility.pages > 0 ? p.accessibility.rules : null,
  );

  return {
    ...page(
      lang,
      path,
      sitePaths.site(otherLang(lang), slug),
      site.acronym ? `${site.name} (${site.acronym})` : site.name,
      data,
      [
        { href: link(sitePaths.home(lang)), label: translate(lang, 'web.home') },
        {
          href: link(sitePaths.institution(lang, institutionSlug(site.institution))),
          label: site.institution,
        },
      ],
    ),
    name: site.name,
    acronym: site.acronym ?? null,
    url: site.url,
    institution: {
      href: link(sitePaths.institution(lang, institutionSlug(site.institution))),
      label: site.institution,
    },
    group: groupLabel(site.group, site.group, lang),
    inLatest,
    notInLatest: inLatest ? null : translate(lang, 'web.notInLatest', { date: formatDay(last.date, lang) }),
    last,
    levelName: translate(lang, `levels.${evaluated ? last.level : 0}`),
    evaluated,
    detail: view
      ? {
          ...view,
          histories: {
            criteria: view.criteria.map((c) => itemHistory(criteria.get(c.id), lang)),
            checks: view.checks.map((c) => itemHistory(checks.get(c.id), lang)),
            rules: view.violations.items.map((v) => itemHistory(rules.get(v.ruleId), lang)),
          },
        }
      : null,
    findingsByPage: view ? findingsByPage(latest!.accessibility.violations, lang) : [],
    screenshots: screenshotsOf(view ? latest : null, lang, site.name, (file) =>
      link(`assets/screenshots/${slug}/${file.split('/').pop()}`),
    ),
    trendPoints: trendChart(
      lang,
      'trend-points',
      translate(lang, 'web.trendPoints'),
      dates,
      [{ label: translate(lang, 'col.points'), values: site.points.map((p) => p.points) }],
      100,
      'trend-data',
    ),
    trendCompliance: trendChart(
      lang,
      'trend-compliance',
      translate(lang, 'web.trendCompliance'),
      dates,
      complianceSeries(
        lang,
        site.points.map((p) => p.compliance),
      ),
      100,
      'trend-data',
    ),
    trendAccessibility: trendChart(
      lang,
      'trend-accessibility',
      translate(lang, 'web.trendAccessibility'),
      dates,
      [{ label: translate(lang, 'web.axeRules'), values: accessibility }],
      niceMax(Math.max(0, ...accessibility.map((v) => v ?? 0))),
      'trend-data',
    ),
    trendHead: [
      translate(lang, 'col.level'),
      translate(lang, 'col.points'),
      ...AREAS.map((a) => translate(lang, `areas.${a}`)),
      translate(lang, 'areas.overall'),
      translate(lang, 'web.axeRules'),
      translate(lang, 'web.axeNodes'),
      translate(lang, 'web.axePages'),
    ],
    trendRows: site.points.map((p, i) => ({
      date: dates[i]!,
      cells: [
        p.status === 'ok'
          ? `${p.level} — ${translate(lang, `levels.${p.level}`)}${p.provisional ? ` (${translate(lang, 'web.provisional')})` : ''}`
          : `${translate(lang, 'web.notEvaluatedShort')} (${p.error ?? 'error'})`,
        format(p.points),
        ...AREAS.map((a) => format(p.compliance[a])),
        format(p.compliance.overall),
        p.status === 'ok' ? formatNumber(p.accessibility.rules, lang) : '—',
        p.status === 'ok' ? formatNumber(p.accessibility.nodes, lang) : '—',
        p.status === 'ok' ? formatNumber(p.accessibility.pages, lang) : '—',
      ],
    })),
    // Without the newest run's evidence (the site left the list), the verdicts' history still shows.
    criteriaHistory: view
      ? []
      : site.criteria.map((c) => ({ title: criterionTitle(c.id), history: itemHistory(c, lang) })),
    checksHistory: view
      ? []
      : site.checks.map((c) => ({ title: checkTitle(c.id), history: itemHistory(c, lang) })),
    downloads: [
      {
        href: link(sitePaths.data(`${siteFilesBase(slug)}.json`)),
        label: translate(lang, 'web.downloadSiteJson'),
      },
      {
        href: link(sitePaths.data(`${siteFilesBase(slug)}.csv`)),
        label: translate(lang, 'web.downloadSiteCsv'),
      },
    ],
  };
}

/** The newest run's result of each site, by history identity. */
export function latestByKey(latest: ScanResults | null): Map<string, SiteResult> {
  const map = new Map<string, SiteResult>();
  for (const site of latest?.sites ?? []) {
    const key = historySiteKey(site.url);
    if (!map.has(key)) map.set(key, site);
  }
  return map;
}

export function rootView(): {
  lang: Lang;
  title: string;
  css: string;
  languages: { href: string; lang: Lang; name: string; title: string; tagline: string }[];
} {
  return {
    lang: 'es',
    title: `${translate('es', 'web.title')} · ${translate('en', 'web.title')}`,
    css: sitePaths.css,
    languages: LANGS.map((lang) => ({
      href: sitePaths.home(lang),
      lang,
      name: translate(lang, 'web.languageName'),
      title: translate(lang, 'web.title'),
      tagline: translate(lang, 'web.tagline'),
    })),
  };
}
