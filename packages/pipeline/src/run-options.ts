/**
 * The options of a run, declared once: the CLI's flags (apps/cli), the Action's inputs (apps/github-action and
 * action.yml, checked by a test) and runScan's defaults all derive from this list, so a range, a default or a help
 * line cannot disagree between them. Each option says how the CLI spells it, how the Action spells it, what values
 * it accepts and its default; `parseRunOption` reads a value as either surface received it.
 */
import { DEFAULT_SCAN_OPTIONS } from '@egov-monitor/scanner';
import defaults from './data/defaults.json' with { type: 'json' };
import { PipelineConfigError } from './errors.js';
import { TIME_LIMIT_RANGE, parseTimeLimit } from './time-limits.js';
import type { TimeLimit } from './time-limits.js';

/** A bad flag or input value: the message names it as the user wrote it and says what is accepted. */
export class RunOptionError extends PipelineConfigError {
  override name = 'RunOptionError';
}

interface Common {
  /** The CLI flag without dashes (`max-pages` → `--max-pages <n>`), or null when only the Action has it. */
  flag: string | null;
  /** The Action input (action.yml), or null when only the CLI has it. */
  input: string | null;
  description: string;
}

export type RunOptionSpec = Common &
  (
    | { kind: 'integer'; min: number; max: number; default?: number; defaultText?: string }
    | { kind: 'time-limit'; limit: TimeLimit; default: number }
    | { kind: 'boolean'; default: boolean }
    | { kind: 'choice'; choices: readonly string[]; default: string }
    | { kind: 'text'; default?: string; placeholder: string }
  );

const concurrencyText = `min(${defaults.maxConcurrency}, ${defaults.sitesPerCore} × CPU cores, free memory / ${defaults.memoryPerSiteMb} MB)`;

/** Every option the CLI and the Action share, and those only one of them has (flag or input null). */
export const RUN_OPTIONS = {
  lang: {
    kind: 'choice',
    flag: 'lang',
    input: 'lang',
    choices: ['es', 'en'],
    default: 'es',
    description: 'Language of the reports and issues',
  },
  outDir: {
    kind: 'text',
    flag: 'out',
    input: 'out-dir',
    placeholder: 'dir',
    default: 'egov-report',
    description: 'Folder for results.json, report.md, report.html, report.csv and the per-site files',
  },
  maxPages: {
    kind: 'integer',
    flag: 'max-pages',
    input: 'max-pages',
    min: 1,
    max: 10_000,
    default: DEFAULT_SCAN_OPTIONS.maxPages,
    description: 'Pages analysed in full per site',
  },
  maxDepth: {
    kind: 'integer',
    flag: 'max-depth',
    input: 'max-depth',
    min: 0,
    max: 50,
    default: DEFAULT_SCAN_OPTIONS.maxDepth,
    description: 'Link hops from the home page',
  },
  maxDiscoveredPages: {
    kind: 'integer',
    flag: 'max-discovered-pages',
    input: 'max-discovered-pages',
    min: 1,
    max: 100_000,
    default: DEFAULT_SCAN_OPTIONS.maxDiscoveredPages,
    description: 'Pages recorded in all per site (analysed, then discovered without analysis to count pages)',
  },
  siteTimeoutMs: {
    kind: 'time-limit',
    flag: 'site-timeout',
    input: 'site-timeout',
    limit: 'site',
    default: DEFAULT_SCAN_OPTIONS.siteTimeoutMs,
    description:
      'Safety time limit of one site. What a scan reads is decided by pages and depth, never by time; when this limit fires, the verdicts it cut are inconclusive and the site is scanned once more at the end',
  },
  pageTimeoutMs: {
    kind: 'time-limit',
    flag: 'page-timeout',
    input: 'page-timeout',
    limit: 'page',
    default: DEFAULT_SCAN_OPTIONS.pageTimeoutMs,
    description: 'Safety time limit of each step of reading one page (loading, becoming ready, reading)',
  },
  concurrency: {
    kind: 'integer',
    flag: 'concurrency',
    input: 'concurrency',
    min: 1,
    max: 64,
    defaultText: concurrencyText,
    description: 'Sites scanned at once',
  },
  lighthouse: {
    kind: 'boolean',
    flag: 'lighthouse',
    input: 'lighthouse',
    default: true,
    description:
      'Run Lighthouse on the home page and key pages (off: faster; the usability and performance checks become not-applicable)',
  },
  lighthousePages: {
    kind: 'integer',
    flag: 'lighthouse-pages',
    input: 'lighthouse-pages',
    min: 0,
    max: 20,
    default: DEFAULT_SCAN_OPTIONS.lighthouse.keyPages,
    description: 'Key pages audited by Lighthouse besides the home page',
  },
  profile: {
    kind: 'text',
    flag: 'profile',
    input: 'profile',
    placeholder: 'name|file',
    default: 'guatemala',
    description:
      "The sites' country: a built-in profile (guatemala, el-salvador) or a profile file, JSON or YAML (docs/profiles.md)",
  },
  shard: {
    kind: 'text',
    flag: 'shard',
    input: 'shard',
    placeholder: 'K/N',
    description:
      'Scan only shard K of N of the list (sites split by identity, whatever the list order); `merge` combines the N outputs (docs/scale-out.md)',
  },
  runId: {
    kind: 'text',
    flag: 'run-id',
    input: 'run-id',
    placeholder: 'id',
    description:
      'The run a shard belongs to, the same for every shard (the Action uses GITHUB_RUN_ID); merge refuses shards of different runs',
  },
  userAgent: {
    kind: 'text',
    flag: 'user-agent',
    input: 'user-agent',
    placeholder: 'ua',
    default: DEFAULT_SCAN_OPTIONS.userAgent,
    description: 'User agent sent to the sites (keep a contact URL in it)',
  },
  failUnderLevel: {
    kind: 'integer',
    flag: 'fail-under-level',
    input: 'fail-under-level',
    min: 0,
    max: 5,
    description:
      'The lowest maturity level every site must reach (unreachable sites count as 0); the CLI exits with 1 and the Action in gate mode fails when one is below',
  },
  failUnderScore: {
    kind: 'integer',
    flag: 'fail-under-score',
    input: 'fail-under-score',
    min: 0,
    max: 100,
    description:
      'The lowest overall standards score every site must reach (a site without a score counts as below); the CLI exits with 1 and the Action in gate mode fails when one is below',
  },
  failOn: {
    kind: 'choice',
    flag: 'fail-on',
    input: 'fail-on',
    choices: ['nothing', 'regression'],
    default: 'nothing',
    description:
      "regression: compare with the baseline (--previous, previous-results or the history's newest run) and fail on what got worse, each listed: a lower level, a criterion or check that passed and now fails, a new accessibility violation (rule, page, element); inconclusive never counts, and with no baseline there is nothing to fail on",
  },
} as const satisfies Record<string, RunOptionSpec>;

export type RunOptionKey = keyof typeof RUN_OPTIONS;

/** What the option accepts, for help lines and error messages: "a whole number from 1 to 10000". */
export function acceptedValues(spec: RunOptionSpec): string {
  switch (spec.kind) {
    case 'integer':
      return `a whole number from ${spec.min} to ${spec.max}`;
    case 'time-limit': {
      const { min, max } = TIME_LIMIT_RANGE[spec.limit];
      return `a whole number of seconds from ${min} to ${max} (or with a unit: 90s, 15m, 1h)`;
    }
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of ${spec.choices.join(', ')}`;
    case 'text':
      return 'text';
  }
}

/** The default as help shows it: "30", "900 s", "min(8, …)", or undefined when there is none. */
export function defaultText(spec: RunOptionSpec): string | undefined {
  if (spec.kind === 'integer')
    return spec.defaultText ?? (spec.default === undefined ? undefined : String(spec.default));
  if (spec.kind === 'time-limit') return `${spec.default / 1000} s`;
  if (spec.kind === 'text' && spec.default === DEFAULT_SCAN_OPTIONS.userAgent)
    return 'egov-monitor with a contact URL';
  return spec.default === undefined ? undefined : String(spec.default);
}

/**
 * One help line: the description, then what is accepted (ranges only) and the default. "Pages analysed in full
 * per site. Whole number from 1 to 10000, default 30."
 */
export function helpText(spec: RunOptionSpec): string {
  let range: string | undefined;
  if (spec.kind === 'integer') range = `Whole number from ${spec.min} to ${spec.max}`;
  if (spec.kind === 'time-limit') {
    const { min, max } = TIME_LIMIT_RANGE[spec.limit];
    range = `Seconds from ${min} to ${max}, or with a unit (90s, 15m, 1h)`;
  }
  const fallback = defaultText(spec);
  const notes = [range, fallback === undefined ? undefined : `${range ? 'default' : 'Default'} ${fallback}`];
  const tail = notes.filter(Boolean).join(', ');
  return tail ? `${spec.description}. ${tail}.` : `${spec.description}.`;
}

// YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/**
 * Reads one value as a user wrote it. `name` is how that user knows the option (`--max-pages`,
 * `input "max-pages"`), so the error points at the right place.
 */
export function parseRunOption(spec: RunOptionSpec, name: string, raw: string): number | boolean | string {
  const value = raw.trim();
  switch (spec.kind) {
    case 'integer': {
      if (!/^\d+$/.test(value))
        throw new RunOptionError(`${name} needs ${acceptedValues(spec)}, got "${raw}"`);
      const number = Number(value);
      if (number < spec.min || number > spec.max)
        throw new RunOptionError(`${name} must be ${acceptedValues(spec)}, got ${number}`);
      return number;
    }
    case 'time-limit':
      try {
        return parseTimeLimit(name, value, spec.limit);
      } catch (error) {
        throw new RunOptionError((error as Error).message);
      }
    case 'boolean':
      if (TRUE.has(value)) return true;
      if (FALSE.has(value)) return false;
      throw new RunOptionError(`${name} must be true or false, got "${raw}"`);
    case 'choice':
      if (!spec.choices.includes(value))
        throw new RunOptionError(`${name} must be ${acceptedValues(spec)}, got "${raw}"`);
      return value;
    case 'text':
      return value;
  }
}
