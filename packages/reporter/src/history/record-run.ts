import type { Rubric, ScanResults } from '@egov-monitor/rubric';
import { compactRun } from '@egov-monitor/rubric';
import type { AppendResult, HistoryStore } from './store.js';

export interface RecordRunOptions {
  rubric: Rubric;
  /** The URL list's name, or null when the sites came from the command line. */
  list?: string | null;
}

/** Appends a finished run to a history: its compact form, and its full results while it is the newest run. */
export function recordRun(
  store: HistoryStore,
  results: ScanResults,
  options: RecordRunOptions,
): Promise<AppendResult> {
  return store.append(compactRun(results, { rubric: options.rubric, list: options.list ?? null }), results);
}
