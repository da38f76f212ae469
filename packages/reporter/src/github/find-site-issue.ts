import { markerSiteKey, siteKey, SUMMARY_MARKER } from '../render/site-id.js';
import type { GitHubClient, RepoRef } from './client.js';
import { MANAGED_LABEL } from './labels.js';

export interface ManagedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  /** The issue's page (`html_url`), for links from the job summary and the summary issue. */
  url: string;
}

/**
 * The site key (`siteKey`, a hash of the site identity) an issue body's hidden marker names, old-style URL markers
 * included; null for an issue that is not a site's. Every reader of markers goes through here.
 */
export function markerSiteId(body: string | null | undefined): string | null {
  return markerSiteKey(body);
}

export function isSummaryIssue(issue: Pick<ManagedIssue, 'body'>): boolean {
  return issue.body.includes(SUMMARY_MARKER);
}

/** What an issue stands for: `site:<id>`, `summary`, or null for an issue that is not ours. */
export function issueKey(issue: Pick<ManagedIssue, 'body'>): string | null {
  const id = markerSiteId(issue.body);
  if (id) return `site:${id}`;
  return isSummaryIssue(issue) ? 'summary' : null;
}

/**
 * Every issue, open or closed, labelled `egov-monitor` (pull requests excluded), oldest first, across all pages.
 * One listing serves the whole run instead of one search per site; it is also how an issue whose creation got
 * no answer is looked for (the listing, unlike the search API, is not eventually consistent).
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
      url: i.html_url,
    }))
    .sort((a, b) => a.number - b.number);
}

/**
 * The one issue that stands for each key: the oldest open one, else the oldest closed one, so the choice is stable
 * from run to run. Any other open issue with the same marker is a duplicate (close-duplicates.ts).
 */
export function keptIssues(issues: ManagedIssue[]): Map<string, ManagedIssue> {
  const kept = new Map<string, ManagedIssue>();
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const key = issueKey(issue);
    if (!key) continue;
    const current = kept.get(key);
    if (!current || (current.state === 'closed' && issue.state === 'open')) kept.set(key, issue);
  }
  return kept;
}

/** Issues by site id (see keptIssues). */
export function indexBySite(issues: ManagedIssue[]): Map<string, ManagedIssue> {
  const bySite = new Map<string, ManagedIssue>();
  for (const [key, issue] of keptIssues(issues))
    if (key.startsWith('site:')) bySite.set(key.slice('site:'.length), issue);
  return bySite;
}

export function findSummaryIssue(issues: ManagedIssue[]): ManagedIssue | undefined {
  return keptIssues(issues).get('summary');
}

/** The issue of one site, found by the hidden marker derived from its normalised URL. */
export async function findSiteIssue(
  client: GitHubClient,
  repo: RepoRef,
  url: string,
): Promise<ManagedIssue | undefined> {
  return indexBySite(await listManagedIssues(client, repo)).get(siteKey(url));
}
