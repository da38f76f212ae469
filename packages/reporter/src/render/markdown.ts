import type { ScanResults } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { renderTemplate } from './templates.js';
import { reportView } from './view-model.js';

/** The whole report as Markdown (report.md). Pure: the same results give the same bytes. */
export function renderMarkdown(results: ScanResults, lang: Lang): string {
  return tidy(renderTemplate('report.md', reportView(results, lang)));
}

/** At most one blank line in a row and one final newline, whatever the templates' conditionals left. */
export function tidy(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
