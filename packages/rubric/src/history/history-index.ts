import { indexEntry } from './compact-run.js';
import type { HistoryIndex, HistoryRun } from './types.js';
import { HISTORY_FORMAT } from './types.js';

export function emptyHistoryIndex(): HistoryIndex {
  return { format: HISTORY_FORMAT, latest: null, runs: [] };
}

const byStart = (a: { startedAt: string; id: string }, b: { startedAt: string; id: string }) =>
  a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The index with `run` in it: a run already there (same id: the same results appended again, e.g. a re-run job)
 * is replaced, not repeated; runs stay oldest first. `isLatest` says whether the run is now the newest, i.e.
 * whether its full results replace the kept latest results (an older run appended late does not).
 */
export function addRunToIndex(
  index: HistoryIndex,
  run: HistoryRun,
): { index: HistoryIndex; isLatest: boolean } {
  const runs = [...index.runs.filter((entry) => entry.id !== run.id), indexEntry(run)].sort(byStart);
  const newest = runs[runs.length - 1]!;
  const latestEntry = index.latest ? index.runs.find((entry) => entry.id === index.latest) : undefined;
  // The kept results belong to the newest run; when they are missing or older, this run's results take their place.
  const isLatest = newest.id === run.id || !latestEntry;
  return { index: { format: HISTORY_FORMAT, latest: isLatest ? run.id : index.latest, runs }, isLatest };
}
