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
export type { IssueText, IssueRenderOptions, SummaryRenderOptions } from './render/issues.js';
export { siteId, siteMarker, normaliseSiteUrl, SUMMARY_MARKER } from './render/site-id.js';
export { escapeMarkdown, codeSpan, markdownLink } from './render/helpers.js';
export { writeReport } from './outputs/write-report.js';
export type { WriteReportOptions } from './outputs/write-report.js';
export { publishIssues } from './github/publish-issues.js';
export type { GitHubPublishOptions, PublishSummary, SiteAction } from './github/publish-issues.js';
export { createClient } from './github/client.js';
export type { ClientOptions, GitHubClient, Logger } from './github/client.js';
export * from './history/index.js';
export * from './site/index.js';
