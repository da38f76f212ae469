// Public entry point of @egov-monitor/pipeline: the one function the CLI and the GitHub Action call, and the
// readers of the files they accept. No console output here: progress goes through RunOptions.onProgress.
export { runScan, BrowserUnavailableError } from './run-scan.js';
export type { RunOptions, RunOutcome, ScanSettings } from './run-scan.js';
export { mergeShards, ShardMergeError } from './merge-shards.js';
export type { MergeOptions, MergeOutcome } from './merge-shards.js';
export { MAX_SHARDS, assignShards, listFingerprint, parseShard, shardOfUrls } from './shard.js';
export type { ShardSpec } from './shard.js';
export { evaluateGates, gateFailureLines, gateNoticeLines } from './gates.js';
export type { Acceptance } from './gates.js';
export type { GateOptions, GateResult } from './gates.js';
export type { RunProgressEvent } from './progress.js';
export {
  parseUrlList,
  urlListFromArguments,
  urlListFormatOf,
  normaliseTargetUrl,
  parseGroup,
  siteKey,
  siteSlug,
  UrlListError,
} from './url-list.js';
export type { ListProblem, ListProblemCode, ParsedUrlList, UrlListFormat } from './url-list.js';
export { readUrlListFile } from './url-list-file.js';
export { readRubricFile } from './rubric-file.js';
export { readProfile } from './profile-file.js';
export { readOverridesFile } from './overrides-file.js';
export { readPreviousResults } from './previous-results.js';
export { readAcceptedFile } from './accepted-file.js';
export { baselineAtPreview } from './preview-baseline.js';
export { readExtraCaPems } from './ca.js';
export { PipelineConfigError } from './errors.js';
export { TIME_LIMIT_RANGE, TimeLimitError, checkTimeLimits, parseTimeLimit } from './time-limits.js';
export type { TimeLimit } from './time-limits.js';
export { defaultConcurrency } from './concurrency.js';
export {
  RUN_OPTIONS,
  RunOptionError,
  acceptedValues,
  defaultText,
  helpText,
  parseRunOption,
} from './run-options.js';
export type { RunOptionKey, RunOptionSpec } from './run-options.js';
export { DEFAULT_SCAN_OPTIONS } from '@egov-monitor/scanner';
export { measureAccuracy, formatAccuracy } from './accuracy.js';
export type { AccuracyReport, AccuracyMiss, LabelledSite } from './accuracy.js';
// the history the tool keeps, and the static site built from it (the reporter's, re-exported for the apps)
export {
  buildSite,
  DEFAULT_HISTORY_BRANCH,
  HistoryStoreError,
  latestResultsBytes,
  openGitHubHistory,
  openLocalHistory,
  recordRun,
  sitePageUrl,
} from '@egov-monitor/reporter';
export type {
  AppendResult,
  BuildSiteOptions,
  BuildSiteResult,
  GitHubHistoryOptions,
  HistoryStore,
} from '@egov-monitor/reporter';
export { listNameOf } from './list-name.js';
