import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanResults } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { renderCsv } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';

export interface WriteReportOptions {
  lang: Lang;
}

export const REPORT_FILES = ['results.json', 'report.md', 'report.html', 'report.csv'] as const;

/**
 * Writes the run's four outputs into `outDir` (created if missing) and returns their paths, in the order of
 * REPORT_FILES. results.json keeps the key order the results were built with, indented by two spaces.
 */
export async function writeReport(results: ScanResults, outDir: string, options: WriteReportOptions): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'results.json': `${JSON.stringify(results, null, 2)}\n`,
    'report.md': renderMarkdown(results, options.lang),
    'report.html': renderHtml(results, options.lang),
    'report.csv': renderCsv(results),
  };
  const paths: string[] = [];
  for (const name of REPORT_FILES) {
    const path = join(outDir, name);
    await writeFile(path, contents[name], 'utf8');
    paths.push(path);
  }
  return paths;
}
