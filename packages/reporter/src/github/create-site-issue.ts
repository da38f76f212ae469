import type { IssueText } from '../render/issues.js';
import type { GitHubClient, RepoRef } from './client.js';
import type { Clock } from './clock.js';
import { describeError, isTransient } from './errors.js';
import type { ManagedIssue } from './find-site-issue.js';
import type { Logger } from './logger.js';

export interface CreateOnceOptions {
  /** Looks for an issue carrying this issue's marker, from a fresh listing. */
  find: () => Promise<ManagedIssue | undefined>;
  clock: Clock;
  log: Logger;
  /** POSTs at most this many times in all (default 3). */
  attempts?: number;
}

/**
 * Creates an issue exactly once. A POST that got a 5xx or no answer may have created the issue all the same
 * (GitHub answered 502 after creating it, or the connection dropped after sending), so it is never simply
 * repeated: after a pause, the issue is looked for by its marker and, when found, adopted; only when it is not
 * there is the POST sent again. A 4xx is a clear "not created" and is thrown at once.
 */
export async function createIssueOnce(
  client: GitHubClient,
  repo: RepoRef,
  text: IssueText,
  labels: string[],
  options: CreateOnceOptions,
): Promise<ManagedIssue> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await client.rest.issues.create({
        ...repo,
        title: text.title,
        body: text.body,
        labels,
      });
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        state: 'open',
        labels,
        url: data.html_url,
      };
    } catch (error) {
      if (!isTransient(error)) throw error;
      options.log.warn(
        `creating the issue "${text.title}" got ${describeError(error)}; looking for it before trying again`,
      );
      await options.clock.sleep(attempt ** 2 * 1000);
      const found = await options.find();
      if (found) return found;
      if (attempt >= attempts) throw error;
    }
  }
}
