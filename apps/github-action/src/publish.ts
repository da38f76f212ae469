/**
 * The Action's publication step: the workflow run identifies comments (GITHUB_RUN_ID, not the attempt, so
 * "Re-run jobs" posts nothing new), the run's page is the default home of the full report, and whatever could not
 * be written becomes one line that fails the step (or warns, with `on-publish-error: warn`).
 */
import type { ScanResults } from '@egov-monitor/rubric';
import { PublishError, publishIssues } from '@egov-monitor/reporter';
import type { GitHubPublishOptions, Logger, PermissionProblem, PublishSummary } from '@egov-monitor/reporter';

export interface RunContext {
  /** GITHUB_RUN_ID, the same for every attempt of a run; the run's start time outside Actions. */
  runId: string;
  /** `https://github.com/OWNER/REPO/actions/runs/ID`, with the artifacts. */
  runUrl: string | undefined;
}

export function runContext(env: NodeJS.ProcessEnv, startedAt: string): RunContext {
  const runId = env.GITHUB_RUN_ID?.trim() || startedAt;
  const server = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
  const runUrl =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return { runId, runUrl };
}

/** One line that says which permission is missing and how to grant it. */
export function permissionLine(problem: PermissionProblem, repository: string): string {
  const grant = `add \`permissions: ${problem.permission}: ${problem.access}\` to the job (or give the token ${problem.permission}: ${problem.access} on ${repository})`;
  const told = `GitHub answered ${problem.status} to ${problem.request}: ${problem.message}`;
  return `the github-token cannot ${problem.access} ${problem.permission}: ${grant}. ${told}`;
}

export interface PublishOutcome {
  summary: PublishSummary | null;
  /** Null when everything was written. */
  failure: string | null;
}

export async function publishStep(
  results: ScanResults,
  config: Omit<GitHubPublishOptions, 'owner' | 'repo'> & { repository: string | undefined },
  log: Logger,
): Promise<PublishOutcome> {
  const [owner, repo] = (config.repository ?? '').split('/');
  if (!config.token || !owner || !repo) {
    return {
      summary: null,
      failure: 'issues not published: the step needs GITHUB_REPOSITORY and a github-token with issues: write',
    };
  }
  const { repository, ...options } = config;
  let summary: PublishSummary;
  try {
    summary = await publishIssues(results, { ...options, owner, repo, log });
  } catch (error) {
    if (error instanceof PublishError && error.permission)
      return { summary: null, failure: permissionLine(error.permission, `${owner}/${repo}`) };
    return {
      summary: null,
      failure: `issues not published: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  log.info(
    `issues: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.commented} comparison comment(s), ${summary.closed} closed, ${summary.duplicatesClosed} duplicate(s) closed`,
  );
  if (summary.permission)
    return { summary, failure: permissionLine(summary.permission, repository ?? `${owner}/${repo}`) };
  if (summary.errors.length > 0) {
    for (const e of summary.errors) log.warn(`${e.step} ${e.url ?? ''}: ${e.message}`);
    const first = summary.errors[0]!;
    return {
      summary,
      failure: `${summary.errors.length} issue write(s) failed, first: ${first.step}${first.url ? ` ${first.url}` : ''}: ${first.message}`,
    };
  }
  return { summary, failure: null };
}

/** Issue numbers and pages by site id, for the job summary's links. */
export function issueLinks(summary: PublishSummary | null): {
  issueNumbers: Record<string, number>;
  issueUrls: Record<string, string>;
} {
  const issueNumbers: Record<string, number> = {};
  const issueUrls: Record<string, string> = {};
  for (const site of summary?.sites ?? []) {
    if (site.issue !== null) issueNumbers[site.id] = site.issue;
    if (site.issueUrl) issueUrls[site.id] = site.issueUrl;
  }
  return { issueNumbers, issueUrls };
}
