import type { GitHubClient, RepoRef } from './client.js';
import { LABEL_DEFINITIONS } from './labels.js';

/** Creates `egov-monitor` and `nivel-0` … `nivel-5` when missing; never edits labels a maintainer restyled. */
export async function ensureLabels(client: GitHubClient, repo: RepoRef): Promise<string[]> {
  const existing = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
  const have = new Set(existing.map((l) => l.name.toLowerCase()));
  const created: string[] = [];
  for (const label of LABEL_DEFINITIONS) {
    if (have.has(label.name.toLowerCase())) continue;
    await client.rest.issues.createLabel({ ...repo, ...label });
    created.push(label.name);
  }
  return created;
}
