import { join } from 'node:path';
import type { ResultsValidation, ScanResults, SiteResult } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { csvHeader, csvRow } from '../render/csv.js';
import { htmlEnd, htmlHead, htmlSite } from '../render/html.js';
import { MARKDOWN_SEPARATOR, markdownEnd, markdownHead, markdownSite } from '../render/markdown.js';
import { comparisonIndex } from '../render/view-model.js';
import type { ReportInput } from '../render/view-model.js';
import { AtomicFile, removeStaleTemporaries, writeFileAtomic } from './atomic-file.js';
import { resultsJsonChunks } from './results-json.js';

export interface WriteReportOptions {
  lang: Lang;
}

export const REPORT_FILES = ['results.json', 'report.md', 'report.html', 'report.csv'] as const;

/**
 * A run to write without holding it whole: its head and one summary per site (`results.sites`, list order), and
 * the full site results, produced one at a time in the same order (read back from disk by the pipeline). `sites`
 * is called once per pass: once for results.json, once for the three reports.
 */
export interface ReportSource {
  results: ReportInput;
  sites(): Iterable<SiteResult> | AsyncIterable<SiteResult>;
}

export interface WrittenReport {
  /** The four files, in the order of REPORT_FILES. */
  files: string[];
  /** results.json against the results schema (per site and the rest), as it was written. */
  validation: ResultsValidation;
}

/**
 * Writes the run's four outputs into `outDir` (created if missing) and returns their paths, in the order of
 * REPORT_FILES. results.json keeps the key order the results were built with, indented by two spaces.
 */
export async function writeReport(results: ScanResults, outDir: string, options: WriteReportOptions): Promise<string[]> {
  return (await writeRunReport({ results, sites: () => results.sites }, outDir, options)).files;
}

/**
 * Writes results.json, then report.md, report.html and report.csv, each atomically (a temporary file renamed into
 * place once complete and synced): a run killed or a disk full mid-write leaves the previous files whole, and
 * the error names the file and the cause. Memory stays that of one site at a time plus the summaries.
 */
export async function writeRunReport(source: ReportSource, outDir: string, options: WriteReportOptions): Promise<WrittenReport> {
  const [jsonPath, mdPath, htmlPath, csvPath] = REPORT_FILES.map((name) => join(outDir, name)) as [string, string, string, string];
  // What a writer killed before its rename left behind (kill -9 during an earlier run's report).
  await removeStaleTemporaries(outDir);

  const json = resultsJsonChunks(source.results, source.sites());
  await writeFileAtomic(jsonPath, json.chunks);

  const { results } = source;
  const lang = options.lang;
  const changeOf = comparisonIndex(results);
  const files: AtomicFile[] = [];
  try {
    const md = await AtomicFile.open(mdPath);
    files.push(md);
    const html = await AtomicFile.open(htmlPath);
    files.push(html);
    const csv = await AtomicFile.open(csvPath);
    files.push(csv);
    await md.write(markdownHead(results, lang));
    await html.write(htmlHead(results, lang));
    await csv.write(csvHeader());
    let index = 0;
    for await (const site of source.sites()) {
      const change = changeOf(site);
      await md.write(MARKDOWN_SEPARATOR + markdownSite(site, change, lang));
      await html.write(htmlSite(site, change, index, lang));
      await csv.write(csvRow(site));
      index += 1;
    }
    await md.write(MARKDOWN_SEPARATOR + markdownEnd(results, lang));
    await html.write(htmlEnd(results, lang));
    for (const file of files) await file.commit();
  } catch (error) {
    await Promise.all(files.map((file) => file.abort()));
    throw error;
  }
  return { files: [jsonPath, mdPath, htmlPath, csvPath], validation: json.validation };
}
