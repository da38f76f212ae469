import type { IssueText } from '../render/issues.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { ManagedIssue } from './find-site-issue.js';
import { isLevelLabel } from './labels.js';

/** GitHub may hand back a body edited in the web UI with CRLF line ends; that alone is not a change. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\r\n/g, '\n').trimEnd();
  return norm(a) === norm(b);
}

/** The issue's labels with our level label swapped in; labels people added are kept. */
export function mergeLabels(current: string[], wanted: string[]): string[] {
  const keep = current.filter((l) => !isLevelLabel(l) && !wanted.includes(l));
  return [...keep, ...wanted];
}

export type UpdateOutcome = 'updated' | 'unchanged';

/**
 * Edits the site's issue in place, and only when something differs (title, body, level label, or a closed issue
 * whose site is back in the list), so a run with the same results makes no API writes.
 */
export async function updateSiteIssue(
  client: GitHubClient,
  repo: RepoRef,
  issue: ManagedIssue,
  text: IssueText,
  labels: string[],
): Promise<UpdateOutcome> {
  const merged = mergeLabels(issue.labels, labels);
  const patch: { title?: string; body?: string; labels?: string[]; state?: 'open' } = {};
  if (issue.title !== text.title) patch.title = text.title;
  if (!sameText(issue.body, text.body)) patch.body = text.body;
  if ([...merged].sort().join('\n') !== [...issue.labels].sort().join('\n')) patch.labels = merged;
  if (issue.state === 'closed') patch.state = 'open';
  if (Object.keys(patch).length === 0) return 'unchanged';
  await client.rest.issues.update({ ...repo, issue_number: issue.number, ...patch });
  return 'updated';
}
