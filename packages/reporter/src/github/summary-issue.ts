import type { IssueText } from '../render/issues.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { ManagedIssue } from './find-site-issue.js';
import { createSiteIssue } from './create-site-issue.js';
import { updateSiteIssue } from './update-site-issue.js';

export interface SummaryIssueResult {
  number: number;
  action: 'created' | 'updated' | 'unchanged';
}

/** The one summary issue (found by its marker), created the first time and edited in place after that. */
export async function upsertSummaryIssue(
  client: GitHubClient,
  repo: RepoRef,
  existing: ManagedIssue | undefined,
  text: IssueText,
  labels: string[],
): Promise<SummaryIssueResult> {
  if (!existing) {
    const created = await createSiteIssue(client, repo, text, labels);
    return { number: created.number, action: 'created' };
  }
  const action = await updateSiteIssue(client, repo, existing, text, labels);
  return { number: existing.number, action };
}
