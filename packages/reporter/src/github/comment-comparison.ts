import type { SiteComparison } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { hasChanges, renderComparisonComment } from '../render/issues.js';
import { runMarker } from '../render/site-id.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { Clock } from './clock.js';
import { describeError, isTransient } from './errors.js';
import type { Logger } from './logger.js';

export type CommentOutcome = 'commented' | 'already-commented' | 'no-changes';

export interface CommentOptions {
  /** The workflow run (GITHUB_RUN_ID, not the attempt): a re-run of its jobs must not comment again. */
  runId: string;
  lang: Lang;
  /** Link to the workflow run, printed in the comment. */
  runUrl?: string;
  /** Check titles by id, for the checks that changed. */
  checkTitles?: Record<string, string>;
  clock: Clock;
  log: Logger;
}

/**
 * Whether a comment for this run is already on the issue. Earlier versions marked the run as
 * `<runId>-<attempt>`; those count too, so upgrading in the middle of a run's re-runs posts nothing twice.
 */
export function hasRunComment(bodies: (string | null | undefined)[], runId: string): boolean {
  const marker = runMarker(runId);
  const legacy = new RegExp(`${escapeRegExp(marker.replace(/ -->$/, ''))}-\\d+ -->`);
  return bodies.some((body) => (body ?? '').includes(marker) || legacy.test(body ?? ''));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One comment per run on the site's issue, saying what changed since the previous run. Nothing when nothing
 * changed; nothing again when a comment for this run is already there (a re-run of the same workflow run). A POST
 * that got a 5xx or no answer is not repeated blindly: the comments are read again first.
 */
export async function commentComparison(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  comparison: SiteComparison,
  options: CommentOptions,
): Promise<CommentOutcome> {
  if (!hasChanges(comparison, options.lang)) return 'no-changes';
  const alreadyThere = async (): Promise<boolean> => {
    const comments = await client.paginate(client.rest.issues.listComments, {
      ...repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    return hasRunComment(
      comments.map((c) => c.body),
      options.runId,
    );
  };
  if (await alreadyThere()) return 'already-commented';
  const body = renderComparisonComment(comparison, options.lang, {
    runId: options.runId,
    runUrl: options.runUrl,
    checkTitles: options.checkTitles,
  });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
      return 'commented';
    } catch (error) {
      if (!isTransient(error) || attempt >= 3) throw error;
      options.log.warn(
        `commenting on #${issueNumber} got ${describeError(error)}; reading the comments before trying again`,
      );
      await options.clock.sleep(attempt ** 2 * 1000);
      if (await alreadyThere()) return 'commented';
    }
  }
}
