import type { SiteComparison } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';
import { hasChanges, renderComparisonComment } from '../render/issues.js';
import { runMarker } from '../render/site-id.js';
import type { GitHubClient, RepoRef } from './client.js';

export type CommentOutcome = 'commented' | 'already-commented' | 'no-changes';

/**
 * One comment per run on the site's issue, saying what changed since the previous run. Nothing when nothing
 * changed; nothing again when a comment for this run id is already there (a re-run of the same job).
 */
export async function commentComparison(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  comparison: SiteComparison,
  options: { runId: string; lang: Lang },
): Promise<CommentOutcome> {
  if (!hasChanges(comparison, options.lang)) return 'no-changes';
  const marker = runMarker(options.runId);
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  if (comments.some((c) => (c.body ?? '').includes(marker))) return 'already-commented';
  const body = renderComparisonComment(comparison, options.lang, { runId: options.runId });
  await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  return 'commented';
}
