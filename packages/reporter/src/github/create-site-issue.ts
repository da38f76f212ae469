import type { IssueText } from '../render/issues.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { ManagedIssue } from './find-site-issue.js';

export async function createSiteIssue(
  client: GitHubClient,
  repo: RepoRef,
  text: IssueText,
  labels: string[],
): Promise<ManagedIssue> {
  const { data } = await client.rest.issues.create({ ...repo, title: text.title, body: text.body, labels });
  return { number: data.number, title: data.title, body: data.body ?? '', state: 'open', labels };
}
