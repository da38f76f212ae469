/**
 * Publishes a run to GitHub issues, exactly once: one issue per site (found by its hidden marker, edited in
 * place), one comparison comment per changed site and workflow run, one summary issue, labels ensured, extra
 * issues carrying a marker closed as duplicates, removed sites optionally closed. A site that fails is reported
 * in `errors` and the others go on; a write GitHub refuses for lack of permission stops the publication at once
 * (every other write would be refused too) and is reported in `permission`.
 */
import type { ScanResults, SiteResult } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { hasChanges, renderSiteIssue, renderSummaryIssue } from '../render/issues.js';
import type { IssueText } from '../render/issues.js';
import type { LevelPoint } from '../render/mermaid.js';
import { siteId, siteKey } from '../render/site-id.js';
import { checkTitlesOf, comparisonFor, levelHistoryFromComparison } from '../render/view-model.js';
import { sitePageUrl } from '../site/paths.js';
import type { ClientOptions, GitHubClient, RepoRef } from './client.js';
import { createClient } from './client.js';
import { systemClock } from './clock.js';
import { closeDuplicate, findDuplicates } from './close-duplicates.js';
import { closeRemoved } from './close-removed.js';
import { commentComparison } from './comment-comparison.js';
import type { CreateOnceOptions } from './create-site-issue.js';
import { createIssueOnce } from './create-site-issue.js';
import { ensureLabels } from './ensure-labels.js';
import { describeError } from './errors.js';
import type { ManagedIssue } from './find-site-issue.js';
import {
  findSummaryIssue,
  indexBySite,
  isSummaryIssue,
  listManagedIssues,
  markerSiteId,
} from './find-site-issue.js';
import { MANAGED_LABEL, siteStateLabel } from './labels.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import type { PermissionProblem } from './permission.js';
import { permissionProblem } from './permission.js';
import type { SummaryIssueResult } from './summary-issue.js';
import { upsertSummaryIssue } from './summary-issue.js';
import { updateSiteIssue } from './update-site-issue.js';

export interface GitHubPublishOptions {
  token: string;
  owner: string;
  repo: string;
  /** For GitHub Enterprise Server: `https://HOST/api/v3`. */
  baseUrl?: string;
  lang: Lang;
  /**
   * The workflow run (`GITHUB_RUN_ID`, *not* with the attempt): one comparison comment per run and site, so
   * "Re-run jobs" posts nothing new.
   */
  runId: string;
  /** The run's page (`…/actions/runs/<id>`), linked from comparison comments. */
  runUrl?: string;
  /** Where the full report is; a body cut to fit an issue links it (default: `runUrl`). */
  reportUrl?: string;
  /** Close the issues of sites no longer in the list (default false). */
  closeRemoved?: boolean;
  /** Base address of the published static site (`egov-monitor site`): each site issue links to its page there. */
  sitePageBase?: string;
  /** Read, decide and count, but write nothing. */
  dryRun?: boolean;
  log?: Logger;
  /**
   * A site's level run after run (oldest first, this run included) for the chart in its issue. Without it, or
   * when it returns nothing, the previous run and this one are used, from the comparison.
   */
  levelHistory?: (site: SiteResult) => LevelPoint[] | undefined;
  /** Client tuning (pacing, retries, clock); tests pass a virtual clock. */
  client?: Omit<ClientOptions, 'token' | 'baseUrl' | 'log'>;
}

export type SiteAction = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped';

export interface PublishSummary {
  created: number;
  updated: number;
  unchanged: number;
  commented: number;
  closed: number;
  /** Extra open issues with the marker of a site (or of the summary) closed as duplicates of the oldest. */
  duplicatesClosed: number;
  summaryIssue: SummaryIssueResult | null;
  labelsCreated: string[];
  sites: {
    url: string;
    id: string;
    issue: number | null;
    issueUrl: string | null;
    action: SiteAction;
    commented: boolean;
  }[];
  errors: { url: string | null; step: string; message: string }[];
  /** Set when GitHub refused a write for lack of permission; the publication stopped there. */
  permission: PermissionProblem | null;
  dryRun: boolean;
}

/** The listing of the repository's issues failed: nothing was published (without it issues would be duplicated). */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(
    message: string,
    readonly permission: PermissionProblem | null,
  ) {
    super(message);
  }
}

/** Thrown inside the run to stop it when a permission is missing. */
class Refused extends Error {
  constructor(readonly problem: PermissionProblem) {
    super(problem.message);
  }
}

export async function publishIssues(
  results: ScanResults,
  options: GitHubPublishOptions,
): Promise<PublishSummary> {
  const repo: RepoRef = { owner: options.owner, repo: options.repo };
  const log = options.log ?? silentLogger;
  const clock = options.client?.clock ?? systemClock;
  const client: GitHubClient = createClient({
    ...options.client,
    token: options.token,
    baseUrl: options.baseUrl,
    log,
  });
  const dryRun = options.dryRun ?? false;
  const lang = options.lang;
  const reportUrl = options.reportUrl ?? options.runUrl;
  const summary: PublishSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    commented: 0,
    closed: 0,
    duplicatesClosed: 0,
    summaryIssue: null,
    labelsCreated: [],
    sites: [],
    errors: [],
    permission: null,
    dryRun,
  };
  /** Records a failure; a missing permission stops everything. */
  const failed = (error: unknown, url: string | null, step: string): void => {
    const problem = error instanceof Refused ? error.problem : permissionProblem(error);
    if (problem) throw new Refused(problem);
    summary.errors.push({ url, step, message: describeError(error) });
    log.error(`egov-monitor: ${step}${url ? ` ${url}` : ''} failed: ${describeError(error)}`);
  };

  let issues: ManagedIssue[];
  try {
    issues = await listManagedIssues(client, repo);
  } catch (error) {
    // Without the listing we cannot tell new sites from known ones, and would duplicate issues: stop here.
    throw new PublishError(
      `could not list the issues of ${repo.owner}/${repo.repo}: ${describeError(error)}`,
      permissionProblem(error, { permission: 'issues', access: 'read' }),
    );
  }
  const findAgain = (key: (issue: ManagedIssue) => boolean): CreateOnceOptions => ({
    clock,
    log,
    find: async () =>
      (await listManagedIssues(client, repo)).find((issue) => issue.state === 'open' && key(issue)),
  });

  try {
    if (!dryRun) {
      try {
        summary.labelsCreated = await ensureLabels(client, repo);
      } catch (error) {
        // Issues can still be written without our labels' colours.
        failed(error, null, 'labels');
      }
    }

    for (const found of findDuplicates(issues)) {
      try {
        if (!dryRun) await closeDuplicate(client, repo, found, lang);
        summary.duplicatesClosed += 1;
        log.info(`egov-monitor: closed #${found.duplicate.number} as a duplicate of #${found.kept.number}`);
      } catch (error) {
        failed(error, null, `close duplicate #${found.duplicate.number}`);
      }
    }
    const bySite = indexBySite(issues);

    const seen = new Set<string>();
    for (const site of results.sites) {
      const id = siteId(site.url);
      // Issues are found by the key in their marker (a hash of the site identity), shown by the readable id.
      const key = siteKey(site.url);
      const entry: PublishSummary['sites'][number] = {
        url: site.url,
        id,
        issue: null,
        issueUrl: null,
        action: 'failed',
        commented: false,
      };
      summary.sites.push(entry);
      if (seen.has(key)) {
        summary.errors.push({
          url: site.url,
          step: 'site',
          message: `another site in this run has the same id (${id})`,
        });
        continue;
      }
      seen.add(key);
      try {
        const comparison = comparisonFor(results, site);
        const text: IssueText = renderSiteIssue(site, comparison, lang, {
          tool: results.tool,
          reportUrl,
          levelHistory: options.levelHistory?.(site) ?? levelHistoryFromComparison(results, site),
          ...(options.sitePageBase ? { sitePage: sitePageUrl(options.sitePageBase, lang, site.url) } : {}),
        });
        const labels = [MANAGED_LABEL, siteStateLabel(site)];
        let issue: ManagedIssue | undefined = bySite.get(key);
        if (!issue) {
          if (!dryRun)
            issue = await createIssueOnce(
              client,
              repo,
              text,
              labels,
              findAgain((i) => markerSiteId(i.body) === key),
            );
          entry.action = 'created';
          summary.created += 1;
        } else {
          entry.action = dryRun
            ? wouldChange(issue, text)
              ? 'updated'
              : 'unchanged'
            : await updateSiteIssue(client, repo, issue, text, labels);
          summary[entry.action] += 1;
          // A new issue already shows the changes in its body; an existing one gets them as a comment, so
          // people watching it are told — only of a real change (a site still down is not news).
          if (comparison && hasChanges(comparison, lang)) {
            const outcome = dryRun
              ? 'commented'
              : await commentComparison(client, repo, issue.number, comparison, {
                  runId: options.runId,
                  runUrl: options.runUrl,
                  checkTitles: checkTitlesOf(site, lang),
                  lang,
                  clock,
                  log,
                });
            if (outcome === 'commented') {
              entry.commented = true;
              summary.commented += 1;
            }
          }
        }
        if (issue) {
          entry.issue = issue.number;
          entry.issueUrl = issue.url;
        }
      } catch (error) {
        entry.action = 'failed';
        failed(error, site.url, 'site');
      }
    }

    if (options.closeRemoved) {
      const removed = issues.filter(
        (i) => i.state === 'open' && markerSiteId(i.body) !== null && !seen.has(markerSiteId(i.body)!),
      );
      if (dryRun) summary.closed = removed.length;
      else {
        try {
          summary.closed = (await closeRemoved(client, repo, issues, seen, lang)).length;
        } catch (error) {
          failed(error, null, 'close-removed');
        }
      }
    }

    try {
      const issueNumbers: Record<string, number> = {};
      const issueUrls: Record<string, string> = {};
      for (const s of summary.sites) {
        if (s.issue !== null) issueNumbers[s.id] = s.issue;
        if (s.issueUrl) issueUrls[s.id] = s.issueUrl;
      }
      const text = renderSummaryIssue(results, lang, {
        issueNumbers,
        issueUrls,
        tool: results.tool,
        reportUrl,
      });
      const existing = findSummaryIssue(issues);
      summary.summaryIssue = dryRun
        ? {
            number: existing?.number ?? 0,
            url: existing?.url ?? '',
            action: existing ? (wouldChange(existing, text) ? 'updated' : 'unchanged') : 'created',
          }
        : await upsertSummaryIssue(client, repo, existing, text, [MANAGED_LABEL], findAgain(isSummaryIssue));
    } catch (error) {
      failed(error, null, 'summary');
    }
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    summary.permission = error.problem;
    log.error(
      `egov-monitor: GitHub refused ${error.problem.request} (HTTP ${error.problem.status}: ${error.problem.message}); the publication stops here`,
    );
    for (const site of results.sites.slice(summary.sites.length)) {
      summary.sites.push({
        url: site.url,
        id: siteId(site.url),
        issue: null,
        issueUrl: null,
        action: 'skipped',
        commented: false,
      });
    }
  }
  return summary;
}

function wouldChange(issue: ManagedIssue, text: IssueText): boolean {
  return (
    issue.title !== text.title ||
    issue.body.replace(/\r\n/g, '\n').trimEnd() !== text.body.trimEnd() ||
    issue.state === 'closed'
  );
}
