/**
 * Tells a failure that says something about the site (a dead host, a refused connection, a 404) from one that only
 * says the work was not finished: a time limit fired or the connection dropped, which depends on how busy the
 * machine and the network were. Only the second kind leaves a lead unverified (issue #17: a verdict must not depend
 * on the machine's speed; unfinished work is `inconclusive`, never "not met").
 */
const UNFINISHED =
  /timeout|timed out|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNRESET|ERR_TIMED_OUT|ERR_CONNECTION_RESET|ERR_NETWORK_CHANGED|socket hang up|Target (?:page, context or browser )?(?:has been )?closed|crash/i;

export function isUnfinished(message: string | undefined | null): boolean {
  return !!message && UNFINISHED.test(message);
}

/**
 * Marks the collector's data incomplete when a live step failed only because it was not finished (see
 * `isUnfinished`), so the rubric reads a "not found" over it as inconclusive. Answers whether it did.
 */
export function markIfUnfinished(
  site: { markIncomplete?(reason: { code: string; message: string }): void },
  message: string | undefined | null,
  what: string,
): boolean {
  if (!isUnfinished(message)) return false;
  site.markIncomplete?.({
    code: /timeout|timed out/i.test(message ?? '') ? 'page-timeout' : 'page-failed',
    message: `${what} did not finish: ${(message ?? '').split('\n')[0]}`,
  });
  return true;
}
