import { describeFinding, siteRegressions } from '@egov-monitor/rubric';
import type { RunComparison, SiteComparison, SiteSummary } from '@egov-monitor/rubric';
import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { escapeMarkdown, markdownLink } from '../render/helpers.js';
import type { GitHubClient, RepoRef } from './client.js';

/** The hidden marker of the one comment egov-monitor keeps on a pull request: found by it, edited, never repeated. */
export const PULL_REQUEST_MARKER = '<!-- egov-monitor:pull-request -->';

/** Lines per list in the comment: a long backlog must not push the comment past GitHub's 65,536 characters. */
const MAX_LINES = 50;

export interface PullRequestCommentOptions {
  lang: Lang;
  /** The preview deployment that was scanned, when the sites were scanned there. */
  previewUrl?: string;
  /** Link to the workflow run or the full report. */
  reportUrl?: string;
}

/** What a run needs for the comment: its sites' standing and its comparison with the baseline (if any). */
export interface PullRequestRun {
  sites: readonly SiteSummary[];
  comparison?: RunComparison;
}

function fixedLines(site: SiteComparison, lang: Lang): string[] {
  const lines: string[] = [];
  if (site.kind === 'improved' && site.previous && site.current && site.current.level > site.previous.level) {
    lines.push(translate(lang, 'pullRequest.levelUp', { from: site.previous.level, to: site.current.level }));
  }
  for (const id of site.criteriaGained) lines.push(translate(lang, 'pullRequest.criterionGained', { id }));
  for (const change of site.checksChanged) {
    if (change.from === 'fail' && change.to === 'pass')
      lines.push(translate(lang, 'pullRequest.checkFixed', { id: change.id }));
  }
  for (const finding of site.accessibility.fixed) {
    lines.push(translate(lang, 'pullRequest.violationFixed', { finding: describeFinding(finding) }));
  }
  return lines;
}

function list(lines: string[], lang: Lang): string[] {
  const shown = lines.slice(0, MAX_LINES).map((line) => `- ${escapeMarkdown(line)}`);
  if (lines.length > MAX_LINES)
    shown.push(`- ${translate(lang, 'pullRequest.more', { count: lines.length - MAX_LINES })}`);
  return shown;
}

/**
 * The pull request's comment: each site's level and standards score, what got worse since the baseline (the
 * regression gate's list) and what was fixed. Deterministic: the same run renders the same comment, so an
 * unchanged re-run edits nothing.
 */
export function renderPullRequestComment(run: PullRequestRun, options: PullRequestCommentOptions): string {
  const { lang } = options;
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, `pullRequest.${key}`, params);
  const lines = [PULL_REQUEST_MARKER, `## ${t('title')}`, ''];
  if (options.previewUrl) lines.push(t('preview', { url: options.previewUrl }), '');
  lines.push(`| ${t('site')} | ${t('level')} | ${t('score')} |`, '| --- | --- | --- |');
  for (const site of run.sites) {
    const level =
      site.status === 'error'
        ? t('unreachable')
        : `${site.maturity.level}${site.maturity.provisional ? ` (${t('provisional')})` : ''}`;
    const score = site.compliance.overall === null ? '—' : String(site.compliance.overall);
    lines.push(`| ${escapeMarkdown(site.name || site.url)} | ${level} | ${score} |`);
  }
  lines.push('');
  if (!run.comparison) {
    lines.push(t('noBaseline'));
  } else {
    const named = (site: SiteComparison, text: string) =>
      run.comparison!.sites.length > 1 ? `${site.name || site.url}: ${text}` : text;
    const worse = run.comparison.sites.flatMap((site) =>
      siteRegressions(site).map((item) => named(site, item.text)),
    );
    const fixed = run.comparison.sites.flatMap((site) =>
      fixedLines(site, lang).map((text) => named(site, text)),
    );
    if (worse.length === 0) lines.push(`✅ ${t('nothingWorse')}`);
    else lines.push(`### ❌ ${t('worse', { count: worse.length })}`, '', ...list(worse, lang));
    if (fixed.length > 0)
      lines.push('', `### ${t('fixed', { count: fixed.length })}`, '', ...list(fixed, lang));
    lines.push('', t('baseline', { date: run.comparison.previousStartedAt }));
  }
  if (options.reportUrl) lines.push('', markdownLink(options.reportUrl, t('report')));
  return `${lines.join('\n')}\n`;
}

export type PullRequestCommentOutcome = {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number | bigint;
};

/**
 * Keeps ONE comment on the pull request: the comment carrying the marker is edited (left alone when its text is
 * already this one), and created only when there is none. Pull requests are issues to the comments API.
 */
export async function upsertPullRequestComment(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  body: string,
): Promise<PullRequestCommentOutcome> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    ...repo,
    issue_number: pullNumber,
    per_page: 100,
  });
  const ours = comments.find((comment) => (comment.body ?? '').includes(PULL_REQUEST_MARKER));
  if (ours) {
    if (ours.body === body) return { action: 'unchanged', commentId: ours.id };
    await client.rest.issues.updateComment({ ...repo, comment_id: ours.id, body });
    return { action: 'updated', commentId: ours.id };
  }
  const created = await client.rest.issues.createComment({ ...repo, issue_number: pullNumber, body });
  return { action: 'created', commentId: created.data.id };
}
