import { translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import type { GitHubClient, RepoRef } from './client.js';
import { statusOf } from './errors.js';
import type { ManagedIssue } from './find-site-issue.js';
import { issueKey, keptIssues } from './find-site-issue.js';

export interface Duplicate {
  duplicate: ManagedIssue;
  kept: ManagedIssue;
}

/**
 * Open issues that carry the same marker as an older open one: left by a creation whose answer was lost, by an
 * older version, or by hand. The oldest stays (keptIssues); these are closed.
 */
export function findDuplicates(issues: ManagedIssue[]): Duplicate[] {
  const kept = keptIssues(issues);
  return issues
    .filter((issue) => issue.state === 'open')
    .flatMap((issue) => {
      const key = issueKey(issue);
      const keeper = key ? kept.get(key) : undefined;
      return keeper && keeper.number !== issue.number ? [{ duplicate: issue, kept: keeper }] : [];
    });
}

/**
 * Closes one duplicate, then says so in a comment that links the issue kept; as a duplicate where the server knows that
 * reason (github.com, recent GitHub Enterprise Server); a server that refuses it with 422 gets not planned.
 */
export async function closeDuplicate(
  client: GitHubClient,
  repo: RepoRef,
  { duplicate, kept }: Duplicate,
  lang: Lang,
): Promise<void> {
  try {
    await client.rest.issues.update({
      ...repo,
      issue_number: duplicate.number,
      state: 'closed',
      state_reason: 'duplicate',
    });
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    await client.rest.issues.update({
      ...repo,
      issue_number: duplicate.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
  }
  duplicate.state = 'closed';
  // Closed first: should this comment be lost, the next run does not find the issue open and comment again.
  await client.rest.issues.createComment({
    ...repo,
    issue_number: duplicate.number,
    body: translate(lang, 'issue.closedDuplicate', { number: `#${kept.number}` }),
  });
}
