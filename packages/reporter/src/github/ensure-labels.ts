import type { GitHubClient, RepoRef } from './client.js';
import { statusOf } from './errors.js';
import { LABEL_DEFINITIONS } from './labels.js';

/** GitHub's answer when a label of that name exists (422, `already_exists`). */
function alreadyExists(error: unknown): boolean {
  const errors =
    (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data?.errors ?? [];
  return statusOf(error) === 422 && errors.some((e) => e.code === 'already_exists');
}

/**
 * Creates `egov-monitor`, `nivel-0` … `nivel-5` and `no-evaluado` when missing; never edits labels a maintainer
 * restyled. A label is known by its name, so creating it again cannot make a second one: the POST may be repeated
 * after a lost answer, and "already exists" means it is there.
 */
export async function ensureLabels(client: GitHubClient, repo: RepoRef): Promise<string[]> {
  const existing = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
  const have = new Set(existing.map((l) => l.name.toLowerCase()));
  const created: string[] = [];
  for (const label of LABEL_DEFINITIONS) {
    if (have.has(label.name.toLowerCase())) continue;
    try {
      await client.rest.issues.createLabel({ ...repo, ...label, request: { idempotent: true } });
      created.push(label.name);
    } catch (error) {
      if (!alreadyExists(error)) throw error;
    }
  }
  return created;
}
