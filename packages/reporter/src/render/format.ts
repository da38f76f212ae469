import type { ScanResults, SiteComparison, SiteResult } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { comparisonIndex } from './view-model.js';
import type { ReportInput } from './view-model.js';

/**
 * One report file the run writes beside results.json (report.md, report.html, report.csv). A report is written in
 * three parts so a run of 50,000 sites never holds it whole: the head from the sites' summaries, one part per site
 * (in list order, `index` its place), the end. The parts, concatenated, are the file: each part carries its own
 * separators. Adding a format is one module exporting a ReportFormat and one line in REPORT_FORMATS.
 */
export interface ReportFormat {
  /** The file name in the output folder. */
  file: string;
  head(results: ReportInput, lang: Lang): string;
  site(site: SiteResult, comparison: SiteComparison | undefined, index: number, lang: Lang): string;
  end(results: ReportInput, lang: Lang): string;
}

/** The whole file at once (for tests and small runs): the same bytes as the writer's part by part. */
export function renderWhole(format: ReportFormat, results: ScanResults, lang: Lang): string {
  const changeOf = comparisonIndex(results);
  return [
    format.head(results, lang),
    ...results.sites.map((site, index) => format.site(site, changeOf(site), index, lang)),
    format.end(results, lang),
  ].join('');
}
