/**
 * The Action's inputs, read and checked before anything runs: a bad value fails the step with one line that
 * names the input and says what it accepts. The run options (ranges, defaults, descriptions) are the pipeline's
 * RUN_OPTIONS, which the CLI's flags also derive from; action.yml is checked against them by a test.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_OPTIONS, checkTimeLimits, parseRunOption, parseShard } from '@egov-monitor/pipeline';
import type { RunOptionKey, ShardSpec } from '@egov-monitor/pipeline';

export interface ActionInputs {
  urls: string[];
  urlsFile?: string;
  mode: 'monitor' | 'gate';
  failUnderLevel?: number;
  failUnderScore?: number;
  /** `regression`: fail the step on what got worse since the baseline (previous-results or the history). */
  failOn: 'nothing' | 'regression';
  lang: 'es' | 'en';
  maxPages?: number;
  maxDepth?: number;
  maxDiscoveredPages?: number;
  /** Safety nets, in ms. */
  siteTimeoutMs?: number;
  pageTimeoutMs?: number;
  concurrency?: number;
  /** Undefined: the run's default (RUN_OPTIONS). */
  lighthouse?: boolean;
  lighthousePages?: number;
  caFile?: string;
  /** A built-in country profile's id (default guatemala) or a profile file in the workspace (docs/profiles.md). */
  profile: string;
  rubricFile?: string;
  overridesFile?: string;
  /** Accepted findings (YAML): they do not fail fail-on: regression and are listed apart, stale entries named. */
  acceptedFile?: string;
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
  /**
   * On pull requests: the preview deployment to scan instead of the (single) site of the list, compared with that
   * site's baseline page for page.
   */
  previewUrl?: string;
  /** On pull requests: keep one comment with the level, what got worse and what was fixed (default true). */
  pullRequestComment: boolean;
  /** Where the full report is, linked from cut issue bodies and the summary (default: the workflow run's page). */
  reportUrl?: string;
  userAgent?: string;
  githubToken?: string;
  /** Scan only this shard of the list (input "shard", K/N); nothing is published by a shard. */
  shard?: ShardSpec;
  /** The run the shards belong to (input "run-id", default GITHUB_RUN_ID). */
  runId?: string;
  /** Merge mode: the shards' folders to combine instead of scanning (input "merge"). */
  merge: string[];
}

export class InputError extends Error {
  override name = 'InputError';
}

type GetInput = (name: string) => string;

function optional(get: GetInput, name: string): string | undefined {
  const value = get(name).trim();
  return value === '' ? undefined : value;
}

/** A run option (RUN_OPTIONS of the pipeline, shared with the CLI), or undefined when the input is empty. */
function runOption<K extends RunOptionKey>(get: GetInput, key: K): RunOptionValue<K> | undefined {
  const spec = RUN_OPTIONS[key];
  const value = optional(get, spec.input);
  if (value === undefined) return undefined;
  try {
    return parseRunOption(spec, `input "${spec.input}"`, value) as RunOptionValue<K>;
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

type RunOptionValue<K extends RunOptionKey> = (typeof RUN_OPTIONS)[K]['kind'] extends 'boolean'
  ? boolean
  : (typeof RUN_OPTIONS)[K]['kind'] extends 'integer' | 'time-limit'
    ? number
    : (typeof RUN_OPTIONS)[K] extends { choices: readonly (infer C)[] }
      ? C
      : string;

// YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/** The Action's own switches (issues, close-removed): not run options, read the same way. */
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
  const siteTimeoutMs = runOption(get, 'siteTimeoutMs');
  const pageTimeoutMs = runOption(get, 'pageTimeoutMs');
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

/**
 * The shards' folders of merge mode, one per line or space: `dir/*` stands for every folder in dir (what
 * actions/download-artifact leaves, one folder per artifact), sorted so the order never depends on the disk.
 */
function mergeFolders(get: GetInput): string[] {
  const folders: string[] = [];
  for (const entry of get('merge').split(/\s+/).filter(Boolean)) {
    if (!entry.endsWith('/*')) {
      folders.push(entry);
      continue;
    }
    const parent = entry.slice(0, -2) || '.';
    let names: string[];
    try {
      names = readdirSync(parent, { withFileTypes: true })
        .filter((dirent) => dirent.isDirectory())
        .map((dirent) => dirent.name)
        .sort();
    } catch {
      throw new InputError(`input "merge": no folder ${parent}`);
    }
    if (names.length === 0) throw new InputError(`input "merge": ${parent} has no shard folders`);
    folders.push(...names.map((name) => join(parent, name)));
  }
  return folders;
}

function shardInput(get: GetInput): ShardSpec | undefined {
  const value = optional(get, 'shard');
  if (value === undefined) return undefined;
  try {
    return parseShard('input "shard"', value);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

export function readInputs(get: GetInput, env: NodeJS.ProcessEnv = {}): ActionInputs {
  const urls = get('urls')
    .split(/\s+/)
    .map((url) => url.trim())
    .filter(Boolean);
  const urlsFile = optional(get, 'urls-file');
  const merge = mergeFolders(get);
  const shard = shardInput(get);
  if (merge.length > 0 && shard)
    throw new InputError('give input "shard" (scan one shard) or "merge" (combine them), not both');
  const runId = optional(get, 'run-id') ?? env.GITHUB_RUN_ID?.trim();
  if (shard && !runId)
    throw new InputError('input "shard" needs "run-id" (the same for every shard), or GITHUB_RUN_ID');
  if (urls.length === 0 && !urlsFile && merge.length === 0) {
    throw new InputError(
      'give the sites to scan: input "urls" (one per line) or "urls-file" (a YAML or CSV list)',
    );
  }
  const mode = oneOf(get, 'mode', ['monitor', 'gate'] as const, 'monitor');
  const failUnderLevel = runOption(get, 'failUnderLevel');
  const failUnderScore = runOption(get, 'failUnderScore');
  const failOn = runOption(get, 'failOn') ?? RUN_OPTIONS.failOn.default;
  if (
    mode === 'gate' &&
    failUnderLevel === undefined &&
    failUnderScore === undefined &&
    failOn === 'nothing'
  ) {
    throw new InputError(
      'mode "gate" needs a threshold: input "fail-under-level" (0-5), "fail-under-score" (0-100) or "fail-on: regression"',
    );
  }
  return {
    urls,
    urlsFile,
    mode,
    failUnderLevel,
    failUnderScore,
    failOn,
    lang: runOption(get, 'lang') ?? RUN_OPTIONS.lang.default,
    maxPages: runOption(get, 'maxPages'),
    maxDepth: runOption(get, 'maxDepth'),
    maxDiscoveredPages: runOption(get, 'maxDiscoveredPages'),
    ...timeLimits(get),
    concurrency: runOption(get, 'concurrency'),
    lighthouse: runOption(get, 'lighthouse'),
    lighthousePages: runOption(get, 'lighthousePages'),
    caFile: optional(get, 'ca-file'),
    profile: runOption(get, 'profile') ?? RUN_OPTIONS.profile.default,
    rubricFile: optional(get, 'rubric-file'),
    overridesFile: optional(get, 'overrides-file'),
    acceptedFile: optional(get, 'accepted-file'),
    previousResults: optional(get, 'previous-results'),
    history: boolean(get, 'history', true),
    historyBranch: branchName(get, 'history-branch'),
    siteDir: optional(get, 'site-dir'),
    siteUrl: webAddress(get, 'site-url'),
    outDir: runOption(get, 'outDir') ?? RUN_OPTIONS.outDir.default,
    issues: boolean(get, 'issues', true),
    closeRemoved: boolean(get, 'close-removed', false),
    onPublishError: oneOf(get, 'on-publish-error', ['warn', 'fail'] as const, 'fail'),
    reportUrl: webAddress(get, 'report-url'),
    previewUrl: webAddress(get, 'preview-url'),
    pullRequestComment: boolean(get, 'pull-request-comment', true),
    userAgent: runOption(get, 'userAgent'),
    githubToken: optional(get, 'github-token'),
    ...(shard ? { shard } : {}),
    ...(runId ? { runId } : {}),
    merge,
  };
}
