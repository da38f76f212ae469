/**
 * Publishes a run to GitHub issues: one issue per site (found by its hidden marker, edited in place), one
 * comparison comment per changed site and run, one summary issue, labels ensured, removed sites optionally
 * closed. A site that fails is reported in `errors` and the others go on.
 */
import type { ScanResults } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { hasChanges, renderSiteIssue, renderSummaryIssue } from '../render/issues.js';
import type { IssueText } from '../render/issues.js';
import { siteId } from '../render/site-id.js';
import { comparisonFor } from '../render/view-model.js';
import { sitePageUrl } from '../site/paths.js';
import type { ClientOptions, GitHubClient, Logger, RepoRef } from './client.js';
import { createClient } from './client.js';
import { closeRemoved } from './close-removed.js';
import { commentComparison } from './comment-comparison.js';
import { createSiteIssue } from './create-site-issue.js';
import { ensureLabels } from './ensure-labels.js';
import type { ManagedIssue } from './find-site-issue.js';
import { findSummaryIssue, indexBySite, listManagedIssues, markerSiteId } from './find-site-issue.js';
import { levelLabel, MANAGED_LABEL } from './labels.js';
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
  /** Identifies the run (e.g. `${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}`): one comparison comment per run and site. */
  runId: string;
  /** Close the issues of sites no longer in the list (default false). */
  closeRemoved?: boolean;
  /** Base address of the published static site (`egov-monitor site`): each site issue links to its page there. */
  sitePageBase?: string;
  /** Read, decide and count, but write nothing. */
  dryRun?: boolean;
  log?: Logger;
  /** Client tuning (retries, pacing); tests shrink the waits. */
  client?: Omit<ClientOptions, 'token' | 'baseUrl' | 'log'>;
}

export type SiteAction = 'created' | 'updated' | 'unchanged' | 'failed';

export interface PublishSummary {
  created: number;
  updated: number;
  unchanged: number;
  commented: number;
  closed: number;
  summaryIssue: SummaryIssueResult | null;
  labelsCreated: string[];
  sites: { url: string; id: string; issue: number | null; action: SiteAction; commented: boolean }[];
  errors: { url: string | null; step: string; message: string }[];
  dryRun: boolean;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { status?: number; message?: string };
    return e.status ? `HTTP ${e.status}: ${e.message ?? ''}`.trim() : String(e.message ?? error);
  }
  return String(error);
}

export async function publishIssues(results: ScanResults, options: GitHubPublishOptions): Promise<PublishSummary> {
  const repo: RepoRef = { owner: options.owner, repo: options.repo };
  const client: GitHubClient = createClient({ ...options.client, token: options.token, baseUrl: options.baseUrl, log: options.log });
  const dryRun = options.dryRun ?? false;
  const lang = options.lang;
  const summary: PublishSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    commented: 0,
    closed: 0,
    summaryIssue: null,
    labelsCreated: [],
    sites: [],
    errors: [],
    dryRun,
  };

  if (!dryRun) {
    try {
      summary.labelsCreated = await ensureLabels(client, repo);
    } catch (error) {
      // Issues can still be written without our labels' colours; a repository where labels cannot be created
      // will say so again on the first issue.
      summary.errors.push({ url: null, step: 'labels', message: describe(error) });
    }
  }

  // Without the listing we cannot tell new sites from known ones, and would duplicate issues: stop here.
  const issues = await listManagedIssues(client, repo);
  const bySite = indexBySite(issues);
  const seen = new Set<string>();
  const issueNumbers: Record<string, number> = {};

  for (const site of results.sites) {
    const id = siteId(site.url);
    const entry: PublishSummary['sites'][number] = { url: site.url, id, issue: null, action: 'failed', commented: false };
    summary.sites.push(entry);
    if (seen.has(id)) {
      summary.errors.push({ url: site.url, step: 'site', message: `another site in this run has the same id (${id})` });
      continue;
    }
    seen.add(id);
    try {
      const comparison = comparisonFor(results, site);
      const text: IssueText = renderSiteIssue(site, comparison, lang, {
        tool: results.tool,
        ...(options.sitePageBase ? { sitePage: sitePageUrl(options.sitePageBase, lang, site.url) } : {}),
      });
      const labels = [MANAGED_LABEL, levelLabel(site.maturity.level)];
      let issue: ManagedIssue | undefined = bySite.get(id);
      if (!issue) {
        if (!dryRun) issue = await createSiteIssue(client, repo, text, labels);
        entry.action = 'created';
        summary.created += 1;
      } else {
        entry.action = dryRun ? (wouldChange(issue, text) ? 'updated' : 'unchanged') : await updateSiteIssue(client, repo, issue, text, labels);
        summary[entry.action] += 1;
        // A new issue already shows the changes in its body; an existing one gets them as a comment, so
        // people watching it are told.
        if (comparison && hasChanges(comparison, lang)) {
          const outcome = dryRun ? 'commented' : await commentComparison(client, repo, issue.number, comparison, { runId: options.runId, lang });
          if (outcome === 'commented') {
            entry.commented = true;
            summary.commented += 1;
          }
        }
      }
      if (issue) {
        entry.issue = issue.number;
        issueNumbers[id] = issue.number;
      }
    } catch (error) {
      entry.action = 'failed';
      summary.errors.push({ url: site.url, step: 'site', message: describe(error) });
      options.log?.error(`egov-monitor: could not publish the issue of ${site.url}: ${describe(error)}`);
    }
  }

  if (options.closeRemoved) {
    const removed = issues.filter((i) => i.state === 'open' && markerSiteId(i.body) !== null && !seen.has(markerSiteId(i.body)!));
    if (dryRun) summary.closed = removed.length;
    else {
      try {
        summary.closed = (await closeRemoved(client, repo, issues, seen, lang)).length;
      } catch (error) {
        summary.errors.push({ url: null, step: 'close-removed', message: describe(error) });
      }
    }
  }

  try {
    const text = renderSummaryIssue(results, lang, { issueNumbers, tool: results.tool });
    const existing = findSummaryIssue(issues);
    summary.summaryIssue = dryRun
      ? { number: existing?.number ?? 0, action: existing ? (wouldChange(existing, text) ? 'updated' : 'unchanged') : 'created' }
      : await upsertSummaryIssue(client, repo, existing, text, [MANAGED_LABEL]);
  } catch (error) {
    summary.errors.push({ url: null, step: 'summary', message: describe(error) });
  }
  return summary;
}

function wouldChange(issue: ManagedIssue, text: IssueText): boolean {
  return issue.title !== text.title || issue.body.replace(/\r\n/g, '\n').trimEnd() !== text.body.trimEnd() || issue.state === 'closed';
}
