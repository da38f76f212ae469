/**
 * The Action on a pull request: which pull request (from the event payload), and its one comment with the level,
 * what got worse and what was fixed against the baseline (the main branch's newest run in the history, or a
 * committed results file). A pull request's run is not the main branch's state: it is never appended to the
 * history and publishes no site issues.
 */
import { readFileSync } from 'node:fs';
import { createClient, renderPullRequestComment, upsertPullRequestComment } from '@egov-monitor/reporter';
import type { Lang, Logger, PullRequestCommentOutcome, PullRequestRun } from '@egov-monitor/reporter';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The pull request's number when the workflow runs for one, else null. */
export function pullRequestNumber(env: NodeJS.ProcessEnv): number | null {
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return null;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown };
      number?: unknown;
    };
    const number = event.pull_request?.number ?? event.number;
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
  } catch {
    return null;
  }
}

export interface PullRequestCommentConfig {
  token: string | undefined;
  repository: string | undefined;
  baseUrl: string | undefined;
  lang: Lang;
  previewUrl?: string;
  reportUrl?: string;
}

/** Writes (or edits) the pull request's comment; a failure is one line for the caller to report. */
export async function commentOnPullRequest(
  run: PullRequestRun,
  pullNumber: number,
  config: PullRequestCommentConfig,
  log: Logger,
): Promise<{ outcome: PullRequestCommentOutcome | null; failure: string | null }> {
  const [owner, repo] = (config.repository ?? '').split('/');
  if (!config.token || !owner || !repo) {
    return {
      outcome: null,
      failure:
        'pull-request comment not written: the step needs GITHUB_REPOSITORY and a github-token with pull-requests: write',
    };
  }
  const body = renderPullRequestComment(run, {
    lang: config.lang,
    previewUrl: config.previewUrl,
    reportUrl: config.reportUrl,
  });
  try {
    const client = createClient({ token: config.token, baseUrl: config.baseUrl, log });
    const outcome = await upsertPullRequestComment(client, { owner, repo }, pullNumber, body);
    log.info(`pull request #${pullNumber}: comment ${outcome.action}`);
    return { outcome, failure: null };
  } catch (error) {
    return {
      outcome: null,
      failure: `pull-request comment not written: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
