// Public entry point of @egov-monitor/reporter: results → Markdown, HTML, CSV, JSON files and GitHub issues.
export type { Lang } from './i18n/index.js';
export { LANGS, isLang } from './i18n/index.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { renderCsv, CSV_COLUMNS } from './render/csv.js';
export {
  renderSiteIssue,
  renderSummaryIssue,
  renderComparisonComment,
  siteIssueTitle,
  MAX_BODY,
} from './render/issues.js';
export type {
  IssueText,
  IssueRenderOptions,
  SiteIssueOptions,
  SummaryRenderOptions,
  CommentRenderOptions,
} from './render/issues.js';
export type { LevelPoint } from './render/mermaid.js';
export { levelHistoryFromComparison } from './render/view-model.js';
export { siteId, siteKey, siteMarker, markerSiteKey, SUMMARY_MARKER } from './render/site-id.js';
export { escapeMarkdown, codeSpan, markdownLink } from './render/helpers.js';
export { writeReport, writeRunReport, REPORT_FILES } from './outputs/write-report.js';
export { REPORT_FORMATS } from './render/formats.js';
export type { ReportFormat } from './render/format.js';
export type { ReportSource, WriteReportOptions, WrittenReport } from './outputs/write-report.js';
export { resultsJsonChunks } from './outputs/results-json.js';
export {
  AtomicFile,
  OutputWriteError,
  removeStaleTemporaries,
  writeFileAtomic,
} from './outputs/atomic-file.js';
export type { AtomicWriteOptions } from './outputs/atomic-file.js';
export type { ReportInput } from './render/view-model.js';
export { publishIssues, PublishError } from './github/publish-issues.js';
export type { GitHubPublishOptions, PublishSummary, SiteAction } from './github/publish-issues.js';
export type { PermissionProblem } from './github/permission.js';
export { createClient } from './github/client.js';
export {
  PULL_REQUEST_MARKER,
  renderPullRequestComment,
  upsertPullRequestComment,
} from './github/pull-request-comment.js';
export type {
  PullRequestCommentOptions,
  PullRequestCommentOutcome,
  PullRequestRun,
} from './github/pull-request-comment.js';
export type { ClientOptions, GitHubClient, Logger, Clock } from './github/client.js';
export { systemClock } from './github/clock.js';
export * from './history/index.js';
export * from './site/index.js';
