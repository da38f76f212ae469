import type { Rubric, ScanResults, SiteResult } from '@egov-monitor/rubric';
import { compactRun, createRunCompactor } from '@egov-monitor/rubric';
import type { ReportInput } from '../render/view-model.js';
import type { AppendResult, HistoryStore } from './store.js';
import { latestResultsBytes, latestResultsFileBytes } from './store.js';

export interface RecordRunOptions {
  rubric: Rubric;
  /** The URL list's name, or null when the sites came from the command line. */
  list?: string | null;
}

/** Appends a finished run held in memory: its compact form, and its full results while it is the newest run. */
export async function recordRun(
  store: HistoryStore,
  results: ScanResults,
  options: RecordRunOptions,
): Promise<AppendResult> {
  const run = compactRun(results, { rubric: options.rubric, list: options.list ?? null });
  return store.append(run, await latestResultsBytes(results));
}

/** A run whose full results are on disk (the pipeline's): as `writeRunReport` takes it, plus its results.json. */
export interface StreamedRun {
  /** The run's head and one summary per site. */
  results: ReportInput;
  /** The full site results, one at a time, in list order. */
  sites(): Iterable<SiteResult> | AsyncIterable<SiteResult>;
  /** The results.json the run wrote: the history keeps its bytes, compressed, as the latest results. */
  resultsJson: string;
}

/**
 * Appends a finished run without holding its full results: each site is reduced to its compact form as it is
 * read, and results.json is compressed from its file.
 */
export async function recordStreamedRun(
  store: HistoryStore,
  source: StreamedRun,
  options: RecordRunOptions,
): Promise<AppendResult> {
  const compactor = createRunCompactor(source.results, {
    rubric: options.rubric,
    list: options.list ?? null,
  });
  for await (const site of source.sites()) compactor.add(site);
  return store.append(compactor.result(), await latestResultsFileBytes(source.resultsJson));
}
