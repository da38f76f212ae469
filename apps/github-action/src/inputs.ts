/**
 * The Action's inputs, read and checked before anything runs: a bad value fails the step with one line that
 * names the input and says what it accepts.
 */
import { checkTimeLimits, parseTimeLimit } from '@egov-monitor/pipeline';
import type { TimeLimit } from '@egov-monitor/pipeline';

export interface ActionInputs {
  urls: string[];
  urlsFile?: string;
  mode: 'monitor' | 'gate';
  failUnderLevel?: number;
  failUnderScore?: number;
  lang: 'es' | 'en';
  maxPages?: number;
  maxDepth?: number;
  maxDiscoveredPages?: number;
  /** Safety nets, in ms. */
  siteTimeoutMs?: number;
  pageTimeoutMs?: number;
  concurrency?: number;
  lighthouse: boolean;
  lighthousePages?: number;
  caFile?: string;
  /** A built-in country profile's id (default guatemala) or a profile file in the workspace (docs/profiles.md). */
  profile: string;
  rubricFile?: string;
  overridesFile?: string;
  previousResults?: string;
  /** Keep the history on a data branch (default true): the previous run comes from it, this run is appended. */
  history: boolean;
  historyBranch: string;
  /** Build the static site from the history into this folder (for actions/upload-pages-artifact). */
  siteDir?: string;
  /** Where the site is published: site issues link to their page there. */
  siteUrl?: string;
  outDir: string;
  issues: boolean;
  closeRemoved: boolean;
  /** What a publication that could not write does to the step: fail it (default) or only warn. */
  onPublishError: 'warn' | 'fail';
  /** Where the full report is, linked from cut issue bodies and the summary (default: the workflow run's page). */
  reportUrl?: string;
  userAgent?: string;
  githubToken?: string;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** site-timeout / page-timeout, read by the pipeline's own reader (the CLI's --site-timeout uses the same). */
function timeLimit(get: GetInput, name: string, limit: TimeLimit): number | undefined {
  const value = optional(get, name);
  if (value === undefined) return undefined;
  try {
    return parseTimeLimit(`input "${name}"`, value, limit);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

type GetInput = (name: string) => string;

function optional(get: GetInput, name: string): string | undefined {
  const value = get(name).trim();
  return value === '' ? undefined : value;
}

function integer(get: GetInput, name: string, min: number, max: number): number | undefined {
  const value = optional(get, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new InputError(`input "${name}" needs a whole number from ${min} to ${max}, got "${value}"`);
  const number = Number(value);
  if (number < min || number > max) {
    throw new InputError(`input "${name}" must be from ${min} to ${max}, got ${number}`);
  }
  return number;
}

// YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

function boolean(get: GetInput, name: string, fallback: boolean): boolean {
  const value = optional(get, name);
  if (value === undefined) return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new InputError(`input "${name}" must be true or false, got "${value}"`);
}

function oneOf<T extends string>(get: GetInput, name: string, choices: readonly T[], fallback: T): T {
  const value = optional(get, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new InputError(`input "${name}" must be one of ${choices.join(', ')}, got "${value}"`);
  }
  return value as T;
}

/** A branch name git accepts (git check-ref-format, the common cases): no spaces, `..`, `~^:?*[\\`, no leading `-`. */
function branchName(get: GetInput, name: string): string {
  const value = optional(get, name) ?? 'egov-monitor-data';
  if (!/^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[^\s~^:?*[\\]+(?<![./])$/.test(value) || value.endsWith('.lock')) {
    throw new InputError(`input "${name}" is not a valid branch name: "${value}"`);
  }
  return value;
}

function webAddress(get: GetInput, name: string): string | undefined {
  const value = optional(get, name);
  if (value === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new InputError(`input "${name}" must be an http(s) address, got "${value}"`);
  }
  return url.href;
}

function timeLimits(get: GetInput): Pick<ActionInputs, 'siteTimeoutMs' | 'pageTimeoutMs'> {
  const siteTimeoutMs = timeLimit(get, 'site-timeout', 'site');
  const pageTimeoutMs = timeLimit(get, 'page-timeout', 'page');
  try {
    checkTimeLimits(
      { siteTimeoutMs, pageTimeoutMs },
      { site: 'input "site-timeout"', page: 'input "page-timeout"' },
    );
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  return { siteTimeoutMs, pageTimeoutMs };
}

export function readInputs(get: GetInput): ActionInputs {
  const urls = get('urls')
    .split(/\s+/)
    .map((url) => url.trim())
    .filter(Boolean);
  const urlsFile = optional(get, 'urls-file');
  if (urls.length === 0 && !urlsFile) {
    throw new InputError(
      'give the sites to scan: input "urls" (one per line) or "urls-file" (a YAML or CSV list)',
    );
  }
  const mode = oneOf(get, 'mode', ['monitor', 'gate'] as const, 'monitor');
  const failUnderLevel = integer(get, 'fail-under-level', 0, 5);
  const failUnderScore = integer(get, 'fail-under-score', 0, 100);
  if (mode === 'gate' && failUnderLevel === undefined && failUnderScore === undefined) {
    throw new InputError(
      'mode "gate" needs a threshold: input "fail-under-level" (0-5) or "fail-under-score" (0-100)',
    );
  }
  return {
    urls,
    urlsFile,
    mode,
    failUnderLevel,
    failUnderScore,
    lang: oneOf(get, 'lang', ['es', 'en'] as const, 'es'),
    maxPages: integer(get, 'max-pages', 1, 10_000),
    maxDepth: integer(get, 'max-depth', 0, 50),
    maxDiscoveredPages: integer(get, 'max-discovered-pages', 1, 100_000),
    ...timeLimits(get),
    concurrency: integer(get, 'concurrency', 1, 64),
    lighthouse: boolean(get, 'lighthouse', true),
    lighthousePages: integer(get, 'lighthouse-pages', 0, 50),
    caFile: optional(get, 'ca-file'),
    profile: optional(get, 'profile') ?? 'guatemala',
    rubricFile: optional(get, 'rubric-file'),
    overridesFile: optional(get, 'overrides-file'),
    previousResults: optional(get, 'previous-results'),
    history: boolean(get, 'history', true),
    historyBranch: branchName(get, 'history-branch'),
    siteDir: optional(get, 'site-dir'),
    siteUrl: webAddress(get, 'site-url'),
    outDir: optional(get, 'out-dir') ?? 'egov-report',
    issues: boolean(get, 'issues', true),
    closeRemoved: boolean(get, 'close-removed', false),
    onPublishError: oneOf(get, 'on-publish-error', ['warn', 'fail'] as const, 'fail'),
    reportUrl: webAddress(get, 'report-url'),
    userAgent: optional(get, 'user-agent'),
    githubToken: optional(get, 'github-token'),
  };
}
