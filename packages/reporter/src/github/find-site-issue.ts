import { markerSiteKey, siteKey, SUMMARY_MARKER } from '../render/site-id.js';
import type { GitHubClient, RepoRef } from './client.js';
import { MANAGED_LABEL } from './labels.js';

export interface ManagedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
}

/**
 * Every issue, open or closed, labelled `egov-monitor` (pull requests excluded), oldest first, across all pages.
 * One listing serves the whole run instead of one search per site.
 */
export async function listManagedIssues(client: GitHubClient, repo: RepoRef): Promise<ManagedIssue[]> {
  const items = await client.paginate(client.rest.issues.listForRepo, {
    ...repo,
    labels: MANAGED_LABEL,
    state: 'all',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return items
    .filter((i) => !i.pull_request)
    .map((i) => ({
      number: i.number,
      title: i.title,
      body: i.body ?? '',
      state: i.state === 'closed' ? ('closed' as const) : ('open' as const),
      labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    }))
    .sort((a, b) => a.number - b.number);
}

/**
 * Issues by site key (new and old-style markers alike). Should two carry the same marker (created by hand, or by an older version), the open one
 * with the lowest number wins, so the choice is stable from run to run.
 */
export function indexBySite(issues: ManagedIssue[]): Map<string, ManagedIssue> {
  const bySite = new Map<string, ManagedIssue>();
  for (const issue of issues) {
    const id = markerSiteKey(issue.body);
    if (!id) continue;
    const current = bySite.get(id);
    if (!current || (current.state === 'closed' && issue.state === 'open')) bySite.set(id, issue);
  }
  return bySite;
}

export function findSummaryIssue(issues: ManagedIssue[]): ManagedIssue | undefined {
  const withMarker = issues.filter((i) => i.body.includes(SUMMARY_MARKER));
  return withMarker.find((i) => i.state === 'open') ?? withMarker[0];
}

/** The issue of one site, found by the hidden marker derived from its normalised URL. */
export async function findSiteIssue(client: GitHubClient, repo: RepoRef, url: string): Promise<ManagedIssue | undefined> {
  return indexBySite(await listManagedIssues(client, repo)).get(siteKey(url));
}
