import type { ScanResults, SiteComparison, SiteResult } from '@egov-monitor/rubric';
import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { barChart, niceStep } from './charts.js';
import { formatNumber } from './helpers.js';
import { renderTemplate } from './templates.js';
import { renderWhole } from './format.js';
import type { ReportFormat } from './format.js';
import { reportView, siteView, UNLIMITED } from './view-model.js';
import type { ReportInput } from './view-model.js';

/**
 * The whole report as one self-contained, accessible HTML page (report.html): no scripts, no external assets;
 * the charts are inline SVG and every chart is followed by a table with its data. Written in three parts like
 * the Markdown (head, one section per site, footer), each compacted on its own: the same bytes as compacting all.
 */
export function renderHtml(results: ScanResults, lang: Lang): string {
  return renderWhole(htmlFormat, results, lang);
}

/** No trailing blanks, no empty lines, one final newline. */
function compact(html: string): string {
  return `${html
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()}\n`;
}

/** The site's section; `index` is its place in the list (the anchor the sites table links to). */
export function htmlSite(
  site: SiteResult,
  comparison: SiteComparison | undefined,
  index: number,
  lang: Lang,
): string {
  return compact(
    renderTemplate('report-site.html', { ...siteView(site, comparison, lang, UNLIMITED), index, lang }),
  );
}

export function htmlEnd(results: ReportInput, lang: Lang): string {
  return compact(renderTemplate('report-end.html', { results, lang }));
}

export function htmlHead(results: ReportInput, lang: Lang): string {
  const view = reportView(results, lang);
  const charts = view.charts;
  const fmt = (v: number | null): string => formatNumber(v, lang);
  const levelMax = Math.max(1, ...view.levels.map((l) => l.count));
  const extra = charts
    ? {
        chartScore: barChart(
          'chart-score',
          translate(lang, 'report.chartScorePerSite'),
          charts.scorePerSite.map((s) => ({ label: s.name, value: s.points })),
          100,
          20,
          fmt,
        ),
        chartLevels: barChart(
          'chart-levels',
          translate(lang, 'report.chartSitesPerLevel'),
          view.levels.map((l) => ({ label: l.label, value: l.count })),
          levelMax,
          niceStep(levelMax),
          fmt,
        ),
        chartInstitution: barChart(
          'chart-institution',
          translate(lang, 'report.chartInstitution'),
          charts.institutionEvaluatedVsScore.map((i) => ({
            label: `${i.institution} (${formatNumber(i.evaluated, lang)})`,
            value: i.averagePoints,
          })),
          100,
          20,
          fmt,
        ),
      }
    : {};
  return compact(renderTemplate('report.html', { ...view, ...extra }));
}

export const htmlFormat: ReportFormat = { file: 'report.html', head: htmlHead, site: htmlSite, end: htmlEnd };
