import { join } from 'node:path';
import type { ResultsValidation, ScanResults, SiteResult } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import type { ReportFormat } from '../render/format.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { comparisonIndex } from '../render/view-model.js';
import type { ReportInput } from '../render/view-model.js';
import { AtomicFile, removeStaleTemporaries, writeFileAtomic } from './atomic-file.js';
import { resultsJsonChunks } from './results-json.js';

export interface WriteReportOptions {
  lang: Lang;
}

export const REPORT_FILES: readonly string[] = Object.freeze([
  'results.json',
  ...REPORT_FORMATS.map((format) => format.file),
]);

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
  /** The files written, in the order of REPORT_FILES. */
  files: string[];
  /** results.json against the results schema (per site and the rest), as it was written. */
  validation: ResultsValidation;
}

/**
 * Writes the run's four outputs into `outDir` (created if missing) and returns their paths, in the order of
 * REPORT_FILES. results.json keeps the key order the results were built with, indented by two spaces.
 */
export async function writeReport(
  results: ScanResults,
  outDir: string,
  options: WriteReportOptions,
): Promise<string[]> {
  return (await writeRunReport({ results, sites: () => results.sites }, outDir, options)).files;
}

/**
 * Writes results.json, then every report format (REPORT_FORMATS: report.md, report.html, report.csv), each atomically (a temporary file renamed into
 * place once complete and synced): a run killed or a disk full mid-write leaves the previous files whole, and
 * the error names the file and the cause. Memory stays that of one site at a time plus the summaries.
 */
export async function writeRunReport(
  source: ReportSource,
  outDir: string,
  options: WriteReportOptions,
): Promise<WrittenReport> {
  const jsonPath = join(outDir, 'results.json');
  // What a writer killed before its rename left behind (kill -9 during an earlier run's report).
  await removeStaleTemporaries(outDir);

  const json = resultsJsonChunks(source.results, source.sites());
  await writeFileAtomic(jsonPath, json.chunks);

  const { results } = source;
  const lang = options.lang;
  const changeOf = comparisonIndex(results);
  const files: AtomicFile[] = [];
  try {
    for (const format of REPORT_FORMATS) files.push(await AtomicFile.open(join(outDir, format.file)));
    const write = async (part: (format: ReportFormat) => string) => {
      for (const [index, format] of REPORT_FORMATS.entries()) await files[index]!.write(part(format));
    };
    await write((format) => format.head(results, lang));
    let index = 0;
    for await (const site of source.sites()) {
      const change = changeOf(site);
      await write((format) => format.site(site, change, index, lang));
      index += 1;
    }
    await write((format) => format.end(results, lang));
    for (const file of files) await file.commit();
  } catch (error) {
    await Promise.all(files.map((file) => file.abort()));
    throw error;
  }
  return { files: REPORT_FILES.map((name) => join(outDir, name)), validation: json.validation };
}
