/**
 * The scan's safety nets as people write them (--site-timeout, --page-timeout, and the Action's inputs of the same
 * names), read and checked in one place so the CLI, the Action and runScan accept exactly the same values. They are
 * limits far above what a healthy site needs, not budgets: what a scan reads is decided by pages and depth.
 */
import { DEFAULT_SCAN_OPTIONS } from '@egov-monitor/scanner';
import { PipelineConfigError } from './errors.js';

export type TimeLimit = 'site' | 'page';

/** Accepted range of each limit, in seconds: a limit below the minimum would cut healthy sites and pages. */
export const TIME_LIMIT_RANGE: Record<TimeLimit, { min: number; max: number; defaultSeconds: number }> = {
  site: { min: 60, max: 86_400, defaultSeconds: DEFAULT_SCAN_OPTIONS.siteTimeoutMs / 1000 },
  page: { min: 5, max: 3_600, defaultSeconds: DEFAULT_SCAN_OPTIONS.pageTimeoutMs / 1000 },
};

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3_600 };

/** A bad --site-timeout / --page-timeout value (or Action input): the message names it and says what is accepted. */
export class TimeLimitError extends PipelineConfigError {
  override name = 'TimeLimitError';
}

/**
 * "900", "900s", "15m" or "1h" → milliseconds. `name` is how the caller's user wrote it (`--site-timeout`,
 * `input "site-timeout"`), so the error points at the right place.
 */
export function parseTimeLimit(name: string, value: string, limit: TimeLimit): number {
  const { min, max } = TIME_LIMIT_RANGE[limit];
  const match = /^(\d+)\s*(s|m|h)?$/i.exec(value.trim());
  const accepted = `a whole number of seconds from ${min} to ${max} (or with a unit: 90s, 15m, 1h)`;
  if (!match) throw new TimeLimitError(`${name} needs ${accepted}, got "${value}"`);
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] ?? '').toLowerCase()]!;
  if (seconds < min || seconds > max)
    throw new TimeLimitError(`${name} must be ${accepted}, got ${seconds} s`);
  return seconds * 1000;
}

/**
 * The limits together: each within its range (in ms, as ScanOptions holds them) and a page's no longer than the
 * site's, which would make the page limit meaningless.
 */
export function checkTimeLimits(
  settings: { siteTimeoutMs?: number; pageTimeoutMs?: number },
  names = { site: '--site-timeout', page: '--page-timeout' },
): void {
  const site = settings.siteTimeoutMs ?? DEFAULT_SCAN_OPTIONS.siteTimeoutMs;
  const page = settings.pageTimeoutMs ?? DEFAULT_SCAN_OPTIONS.pageTimeoutMs;
  for (const [limit, ms] of [
    ['site', settings.siteTimeoutMs],
    ['page', settings.pageTimeoutMs],
  ] as const) {
    if (ms === undefined) continue;
    const { min, max } = TIME_LIMIT_RANGE[limit];
    if (!Number.isFinite(ms) || ms < min * 1000 || ms > max * 1000) {
      throw new TimeLimitError(`${names[limit]} must be from ${min} to ${max} seconds, got ${ms / 1000} s`);
    }
  }
  if (page > site) {
    throw new TimeLimitError(
      `${names.page} (${page / 1000} s) cannot be longer than ${names.site} (${site / 1000} s)`,
    );
  }
}
