import type { ScanResults, SiteComparison, SiteResult } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { renderTemplate } from './templates.js';
import { renderWhole } from './format.js';
import type { ReportFormat } from './format.js';
import { reportView, siteView, UNLIMITED } from './view-model.js';
import type { ReportInput } from './view-model.js';

/**
 * The report in three parts, so a run of 50,000 sites is written one site at a time: the head (metadata, summary,
 * tables, changes) from the sites' summaries, one section per site, the footer. Each part is tidied on its own
 * and the parts are joined by one blank line: the same bytes as tidying the whole.
 */
export function markdownHead(results: ReportInput, lang: Lang): string {
  return tidy(renderTemplate('report.md', reportView(results, lang)));
}

export function markdownSite(site: SiteResult, comparison: SiteComparison | undefined, lang: Lang): string {
  return tidy(renderTemplate('report-site.md', { ...siteView(site, comparison, lang, UNLIMITED), lang }));
}

export function markdownEnd(results: ReportInput, lang: Lang): string {
  return tidy(renderTemplate('report-end.md', { results, lang }));
}

/** Between two tidied parts: they end with one newline, and one more makes the blank line. */
export const MARKDOWN_SEPARATOR = '\n';

/** report.md: each part after the head opens with the separator, so the parts concatenate into the file. */
export const markdownFormat: ReportFormat = {
  file: 'report.md',
  head: markdownHead,
  site: (site, comparison, _index, lang) => MARKDOWN_SEPARATOR + markdownSite(site, comparison, lang),
  end: (results, lang) => MARKDOWN_SEPARATOR + markdownEnd(results, lang),
};

/** The whole report as Markdown (report.md). Pure: the same results give the same bytes. */
export function renderMarkdown(results: ScanResults, lang: Lang): string {
  return renderWhole(markdownFormat, results, lang);
}

/** At most one blank line in a row and one final newline, whatever the templates' conditionals left. */
export function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
