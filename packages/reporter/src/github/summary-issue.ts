import type { IssueText } from '../render/issues.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { CreateOnceOptions } from './create-site-issue.js';
import { createIssueOnce } from './create-site-issue.js';
import type { ManagedIssue } from './find-site-issue.js';
import { updateSiteIssue } from './update-site-issue.js';

export interface SummaryIssueResult {
  number: number;
  action: 'created' | 'updated' | 'unchanged';
  url: string;
}

/** The one summary issue (found by its marker), created once the first time and edited in place after that. */
export async function upsertSummaryIssue(
  client: GitHubClient,
  repo: RepoRef,
  existing: ManagedIssue | undefined,
  text: IssueText,
  labels: string[],
  create: CreateOnceOptions,
): Promise<SummaryIssueResult> {
  if (!existing) {
    const created = await createIssueOnce(client, repo, text, labels, create);
    return { number: created.number, action: 'created', url: created.url };
  }
  const action = await updateSiteIssue(client, repo, existing, text, labels);
  return { number: existing.number, action, url: existing.url };
}
