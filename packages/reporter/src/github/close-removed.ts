import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { ManagedIssue } from './find-site-issue.js';
import { markerSiteKey } from '../render/site-id.js';

/**
 * Closes, with a comment saying why, the open issues of sites that are no longer in the list. Returns the
 * numbers closed. Optional: a list that shrinks by mistake should not close issues unless asked.
 */
export async function closeRemoved(
  client: GitHubClient,
  repo: RepoRef,
  issues: ManagedIssue[],
  currentSiteKeys: ReadonlySet<string>,
  lang: Lang,
): Promise<number[]> {
  const closed: number[] = [];
  for (const issue of issues) {
    const key = markerSiteKey(issue.body);
    if (!key || issue.state !== 'open' || currentSiteKeys.has(key)) continue;
    await client.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: translate(lang, 'issue.closedRemoved'),
    });
    await client.rest.issues.update({
      ...repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    closed.push(issue.number);
  }
  return closed;
}
