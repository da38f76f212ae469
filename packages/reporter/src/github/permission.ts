/**
 * A write GitHub refused for lack of permission, told apart from a rate limit (rate-limit.ts): a 403 without
 * rate-limit headers or message, or a 404 on a repository the token cannot see. GitHub names the permission the
 * endpoint needs in `x-accepted-github-permissions` (fine-grained tokens, GitHub Apps and GITHUB_TOKEN), e.g.
 * `issues=write; pull_requests=write` — alternatives separated by `;`, each a `,`-separated set.
 * https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#insufficient-permission-errors
 */
import { headerOf, statusOf } from './errors.js';
import { rateLimitWait } from './rate-limit.js';

export interface PermissionProblem {
  status: 403 | 404;
  /** e.g. `issues` */
  permission: string;
  /** e.g. `write` */
  access: string;
  /** The header as GitHub sent it, when it did. */
  accepted: string | null;
  /** GitHub's message, e.g. "Resource not accessible by integration". */
  message: string;
  /** `POST /repos/{owner}/{repo}/issues`, the request that was refused. */
  request: string;
}

const REPO_COLLECTION = /\/repos\/[^/]+\/[^/]+\/(issues|labels)$/;

/** `POST /repos/o/r/issues` from the request Octokit attaches to its errors. */
export function requestOf(error: unknown): string {
  const request = (error as { request?: { method?: string; url?: string } } | null)?.request;
  if (!request?.url) return '';
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    path = request.url.split('?')[0]!;
  }
  return `${request.method ?? 'GET'} ${path}`;
}

/** The permission sets of the header, in GitHub's order. */
export function parseAcceptedPermissions(header: string): { permission: string; access: string }[][] {
  return header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => {
          const [permission = '', access = ''] = pair.split('=').map((s) => s.trim());
          return { permission, access };
        })
        .filter((p) => p.permission !== ''),
    )
    .filter((set) => set.length > 0);
}

/**
 * The permission a refused request needed, or null when the error is something else. `needed` is what the
 * caller knows the request needs (issues: write for everything the reporter writes), used when GitHub sends no
 * header (classic tokens) and to pick among alternatives.
 */
export function permissionProblem(
  error: unknown,
  needed: { permission: string; access: string } = { permission: 'issues', access: 'write' },
): PermissionProblem | null {
  const status = statusOf(error);
  if (status !== 403 && status !== 404) return null;
  if (status === 403 && rateLimitWait(error, 0) !== null) return null;
  const request = requestOf(error);
  // A 404 on one issue may just mean it was deleted; on the repository's own collections it means the token
  // cannot see the repository (GitHub hides what a token may not read behind 404).
  if (status === 404 && !REPO_COLLECTION.test(request)) return null;
  const accepted = headerOf(error, 'x-accepted-github-permissions') ?? null;
  const sets = accepted ? parseAcceptedPermissions(accepted) : [];
  const chosen =
    sets
      .find((set) => set.some((p) => p.permission === needed.permission))
      ?.find((p) => p.permission === needed.permission) ??
    sets[0]?.[0] ??
    needed;
  return {
    status,
    permission: chosen.permission,
    access: chosen.access || needed.access,
    accepted,
    // Octokit appends " - <documentation_url>" to GitHub's message.
    message: String((error as { message?: unknown }).message ?? '').replace(/ - https?:\/\/\S+$/, ''),
    request,
  };
}
