/**
 * The texts the GitHub modules publish: one issue per site, the summary issue, and the comparison comment.
 * Pure; bodies stay under GitHub's 65 536-character limit by cutting long lists ("… y N más") and pointing to
 * the run's report, never by dropping the marker that identifies the site.
 */
import type { SiteComparison, SiteResult } from '@egov-monitor/rubric';
import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { codeSpan, markdownLink, markdownLinkWithOwnText, oneLine, webUrl } from './helpers.js';
import { tidy } from './markdown.js';
import type { LevelPoint } from './mermaid.js';
import { runMarker, SUMMARY_MARKER, siteId } from './site-id.js';
import { renderTemplate } from './templates.js';
import type { Limits, ReportInput } from './view-model.js';
import { changeView, displayName, reportView, siteView, UNLIMITED } from './view-model.js';

/** GitHub rejects bodies over 65 536 characters; stay well below, counting UTF-16 units (never fewer than GitHub's). */
export const MAX_BODY = 60_000;
const MAX_TITLE = 256;

/** From generous to bare: the first that fits is used. */
const ISSUE_LIMITS: Limits[] = [
  { evidence: 10, violations: 50, pages: 10, selectors: 5, changes: 20 },
  { evidence: 5, violations: 25, pages: 5, selectors: 3, changes: 10 },
  { evidence: 2, violations: 10, pages: 2, selectors: 1, changes: 5 },
  { evidence: 1, violations: 5, pages: 1, selectors: 0, changes: 2 },
  { evidence: 0, violations: 0, pages: 0, selectors: 0, changes: 0 },
];

export interface IssueText {
  title: string;
  body: string;
}

export interface IssueRenderOptions {
  /** Printed in the footer ("Generado por …"). */
  tool?: { name: string; version: string };
  maxBody?: number;
  /** The site's page on the published static site (`sitePageUrl`), linked from the issue when given. */
  sitePage?: string;
  /**
   * Where the full report is (the workflow run's page with its artifacts, or an observatory page): a body cut to
   * fit an issue links it.
   */
  reportUrl?: string;
}

export interface SiteIssueOptions extends IssueRenderOptions {
  /** The site's level run after run, oldest first; drawn as a Mermaid line when two runs have a level. */
  levelHistory?: LevelPoint[];
}

/** The note under a cut body: with a link to the full report when there is one. */
function truncatedNote(lang: Lang, reportUrl: string | undefined): string {
  return webUrl(reportUrl)
    ? translate(lang, 'issue.truncatedLink', {
        link: markdownLinkWithOwnText(reportUrl, translate(lang, 'issue.fullReport')),
      })
    : translate(lang, 'issue.truncated');
}

function anyCut(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(anyCut);
  if (value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'site') continue;
    if (k === 'more' && typeof v === 'number' && v > 0) return true;
    if (anyCut(v)) return true;
  }
  return false;
}

/** Last resort when even bare lists are too long (huge single texts): cut at a line end and say so. */
function hardCap(body: string, max: number, lang: Lang, reportUrl?: string): string {
  if (body.length <= max) return body;
  const note = `\n\n> ${truncatedNote(lang, reportUrl)}\n`;
  const room = body.slice(0, max - note.length);
  const cut = room.lastIndexOf('\n');
  return `${room.slice(0, cut > 0 ? cut : room.length)}${note}`;
}

function issueTitle(text: string): string {
  const t = oneLine(text);
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1)}…` : t;
}

/** `[egov-monitor] MINFIN — Nivel 3 Interactivo (60)`; the marker in the body, not this title, identifies the site. */
export function siteIssueTitle(site: SiteResult, lang: Lang): string {
  const status =
    site.status === 'ok' && site.maturity.level === 0
      ? translate(lang, 'issue.levelZeroTitle')
      : site.status === 'ok'
        ? translate(lang, 'issue.levelTitle', {
            level: site.maturity.level,
            levelName: translate(lang, `levels.${site.maturity.level}`),
            points: site.maturity.points,
          })
        : translate(lang, 'issue.notEvaluatedTitle', { code: oneLine(site.error?.code ?? 'internal-error') });
  return issueTitle(`${translate(lang, 'issue.titlePrefix')} ${oneLine(displayName(site))} — ${status}`);
}

export function renderSiteIssue(
  site: SiteResult,
  comparison: SiteComparison | undefined,
  lang: Lang,
  options: SiteIssueOptions = {},
): IssueText {
  const max = options.maxBody ?? MAX_BODY;
  let body = '';
  for (const limits of ISSUE_LIMITS) {
    const view = siteView(site, comparison, lang, limits, options.levelHistory);
    const truncated = anyCut(view) ? truncatedNote(lang, options.reportUrl) : null;
    body = tidy(
      renderTemplate('site-issue.md', {
        ...view,
        lang,
        tool: options.tool,
        sitePage: options.sitePage ?? null,
        truncated,
      }),
    );
    if (body.length <= max) break;
  }
  return { title: siteIssueTitle(site, lang), body: hardCap(body, max, lang, options.reportUrl) };
}

export interface SummaryRenderOptions extends IssueRenderOptions {
  /** Issue number of each site, by site id, for the table's "Issue" column. */
  issueNumbers?: Record<string, number>;
  /** The page of each site's issue, by site id: the column links it (a job summary does not link `#12`). */
  issueUrls?: Record<string, string>;
}

/** `[#12](https://github.com/o/r/issues/12)`, `#12` without a page, or null without an issue. */
function issueRef(id: string, options: SummaryRenderOptions): string | null {
  const number = options.issueNumbers?.[id];
  if (number === undefined) return null;
  const url = options.issueUrls?.[id];
  return markdownLinkWithOwnText(url, `#${number}`);
}

export function renderSummaryIssue(
  results: ReportInput,
  lang: Lang,
  options: SummaryRenderOptions = {},
): IssueText {
  const max = options.maxBody ?? MAX_BODY;
  const view = reportView(results, lang, UNLIMITED);
  const sites = view.sites.map((s) => ({ ...s, issue: issueRef(siteId(s.site.url), options) }));
  const withIssue = <T extends { id: string }>(list: T[]): (T & { issue: string | null })[] =>
    list.map((m) => ({ ...m, issue: issueRef(m.id, options) }));
  const movers = {
    ...view.movers,
    rose: withIssue(view.movers.rose),
    fell: withIssue(view.movers.fell),
    wentDown: withIssue(view.movers.wentDown),
    cameBack: withIssue(view.movers.cameBack),
  };
  const reportLink = webUrl(options.reportUrl) ? markdownLink(options.reportUrl) : null;
  let body = '';
  for (const shown of [sites.length, 200, 100, 50, 20, 0]) {
    if (shown > sites.length) continue;
    body = tidy(
      renderTemplate('summary-issue.md', {
        ...view,
        movers,
        sites: sites.slice(0, shown),
        sitesMore: sites.length - shown,
        summaryMarker: SUMMARY_MARKER,
        reportLink,
      }),
    );
    if (body.length <= max) break;
  }
  return {
    title: issueTitle(translate(lang, 'issue.summaryTitle')),
    body: hardCap(body, max, lang, options.reportUrl),
  };
}

export interface CommentRenderOptions {
  /** The workflow run the comment belongs to (one comment per run and site). */
  runId?: string;
  /** Its page, linked from the comment's title. */
  runUrl?: string;
  /** Check titles by id (the current run's), so the comment names checks as people read them. */
  checkTitles?: Record<string, string>;
}

export function renderComparisonComment(
  siteComparison: SiteComparison,
  lang: Lang,
  options: CommentRenderOptions = {},
): string {
  const run = options.runId
    ? webUrl(options.runUrl)
      ? markdownLink(options.runUrl, options.runId)
      : codeSpan(options.runId)
    : null;
  let body = '';
  for (const limits of ISSUE_LIMITS) {
    body = tidy(
      renderTemplate('comparison-comment.md', {
        lang,
        change: changeView(siteComparison, lang, limits, options.checkTitles),
        run,
        runMarker: options.runId ? runMarker(options.runId) : null,
      }),
    );
    if (body.length <= MAX_BODY) break;
  }
  return hardCap(body, MAX_BODY, lang, options.runUrl);
}

/** Whether a comparison says anything worth a comment. */
export function hasChanges(siteComparison: SiteComparison, lang: Lang = 'es'): boolean {
  return changeView(siteComparison, lang, UNLIMITED).hasChanges;
}
