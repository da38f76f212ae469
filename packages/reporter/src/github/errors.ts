/**
 * What a failed GitHub request tells us, read from Octokit's RequestError without importing it (a thrown value
 * may also be a plain network error).
 */
export interface GitHubErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function asError(error: unknown): GitHubErrorLike {
  return error !== null && typeof error === 'object' ? (error as GitHubErrorLike) : {};
}

export function statusOf(error: unknown): number | undefined {
  return asError(error).status;
}

export function headerOf(error: unknown, name: string): string | undefined {
  const value = asError(error).response?.headers?.[name.toLowerCase()];
  return value === undefined ? undefined : String(value);
}

/**
 * A server error or a request that got no answer (Octokit reports a network error or a timeout as status 500
 * without a response). For a write, this is *ambiguous*: GitHub may have done it before the answer was lost.
 */
export function isTransient(error: unknown): boolean {
  const status = asError(error).status;
  return status !== undefined && status >= 500;
}

/** `HTTP 403: Resource not accessible by integration`, or the message of an error that had no status. */
export function describeError(error: unknown): string {
  const e = asError(error);
  if (e.status) return `HTTP ${e.status}: ${e.message ?? ''}`.trim();
  return error instanceof Error ? error.message : String(e.message ?? error);
}
