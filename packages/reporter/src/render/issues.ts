/**
 * The texts the GitHub modules publish: one issue per site, the summary issue, and the comparison comment.
 * Pure; bodies stay under GitHub's 65 536-character limit by cutting long lists ("… y N más") and pointing to
 * the run's report, never by dropping the marker that identifies the site.
 */
import type { ScanResults, SiteComparison, SiteResult } from '@egov-monitor/rubric';
import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { oneLine } from './helpers.js';
import { tidy } from './markdown.js';
import { runMarker, SUMMARY_MARKER, siteId } from './site-id.js';
import { renderTemplate } from './templates.js';
import type { Limits } from './view-model.js';
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
function hardCap(body: string, max: number, lang: Lang): string {
  if (body.length <= max) return body;
  const note = `\n\n> ${translate(lang, 'issue.truncated')}\n`;
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
    site.status === 'ok'
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
  options: IssueRenderOptions = {},
): IssueText {
  const max = options.maxBody ?? MAX_BODY;
  let body = '';
  for (const limits of ISSUE_LIMITS) {
    const view = siteView(site, comparison, lang, limits);
    body = tidy(renderTemplate('site-issue.md', { ...view, lang, tool: options.tool, sitePage: options.sitePage ?? null, truncated: anyCut(view) }));
    if (body.length <= max) break;
  }
  return { title: siteIssueTitle(site, lang), body: hardCap(body, max, lang) };
}

export interface SummaryRenderOptions extends IssueRenderOptions {
  /** Issue number of each site, by site id, for the table's "Issue" column. */
  issueNumbers?: Record<string, number>;
}

export function renderSummaryIssue(results: ScanResults, lang: Lang, options: SummaryRenderOptions = {}): IssueText {
  const max = options.maxBody ?? MAX_BODY;
  const view = reportView(results, lang, UNLIMITED);
  const sites = view.sites.map((s) => ({ ...s, issue: options.issueNumbers?.[siteId(s.site.url)] ?? null }));
  let body = '';
  for (const shown of [sites.length, 200, 100, 50, 20, 0]) {
    if (shown > sites.length) continue;
    body = tidy(
      renderTemplate('summary-issue.md', {
        ...view,
        sites: sites.slice(0, shown),
        sitesMore: sites.length - shown,
        summaryMarker: SUMMARY_MARKER,
      }),
    );
    if (body.length <= max) break;
  }
  return { title: issueTitle(translate(lang, 'issue.summaryTitle')), body: hardCap(body, max, lang) };
}

export function renderComparisonComment(siteComparison: SiteComparison, lang: Lang, options: { runId?: string } = {}): string {
  let body = '';
  for (const limits of ISSUE_LIMITS) {
    body = tidy(
      renderTemplate('comparison-comment.md', {
        lang,
        change: changeView(siteComparison, lang, limits),
        runId: options.runId ?? null,
        runMarker: options.runId ? runMarker(options.runId) : null,
      }),
    );
    if (body.length <= MAX_BODY) break;
  }
  return hardCap(body, MAX_BODY, lang);
}

/** Whether a comparison says anything worth a comment. */
export function hasChanges(siteComparison: SiteComparison, lang: Lang = 'es'): boolean {
  return changeView(siteComparison, lang, UNLIMITED).hasChanges;
}
