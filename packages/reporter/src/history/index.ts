export type { AppendResult, HistoryFile, HistoryStore } from './store.js';
export { HistoryStoreError, latestResultsBytes, latestResultsFileBytes, readRuns } from './store.js';
export { openLocalHistory } from './local-store.js';
export type { LocalHistoryOptions } from './local-store.js';
export { DEFAULT_HISTORY_BRANCH, openGitHubHistory } from './github-store.js';
export type { GitHubHistoryOptions } from './github-store.js';
export { recordRun, recordStreamedRun } from './record-run.js';
export type { RecordRunOptions, StreamedRun } from './record-run.js';
