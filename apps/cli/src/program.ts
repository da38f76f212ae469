import { Command, InvalidArgumentError, Option } from 'commander';
import { RUN_OPTIONS, helpText, parseRunOption } from '@egov-monitor/pipeline';
import type { RunOptionKey } from '@egov-monitor/pipeline';

/**
 * The flags of `egov-monitor scan`, as commander parsed them. The run options (RUN_OPTIONS of the pipeline) are
 * undefined when not given: the pipeline applies their defaults, once.
 */
export interface ScanFlags {
  urls?: string;
  out?: string;
  lang?: 'es' | 'en';
  maxPages?: number;
  maxDepth?: number;
  maxDiscoveredPages?: number;
  /** Safety nets, in ms (parsed from seconds or 15m-style values). */
  siteTimeout?: number;
  pageTimeout?: number;
  concurrency?: number;
  ca: string[];
  /** A built-in country profile's id, or a profile file (docs/profiles.md). */
  profile?: string;
  rubric?: string;
  overrides?: string;
  accepted?: string;
  previous?: string;
  history?: string;
  resume: boolean;
  lighthouse: boolean;
  lighthousePages?: number;
  userAgent?: string;
  failUnderLevel?: number;
  failUnderScore?: number;
  failOn?: 'nothing' | 'regression';
  /** `K/N`, read by the pipeline's parseShard. */
  shard?: string;
  runId?: string;
}

/** The flags of `egov-monitor merge`. */
export interface MergeFlags {
  out?: string;
  lang?: 'es' | 'en';
  profile?: string;
  rubric?: string;
  previous?: string;
  history?: string;
  failUnderLevel?: number;
  failUnderScore?: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The flags of `egov-monitor site`. */
export interface SiteFlags {
  history: string;
  out: string;
}

/** A run option as a commander flag: its help, what it accepts and its default all come from RUN_OPTIONS. */
function runOption(key: RunOptionKey): Option {
  const spec = RUN_OPTIONS[key];
  const flag = `--${spec.flag}`;
  if (spec.kind === 'boolean') {
    // On by default: the flag turns it off (`--no-lighthouse`).
    return new Option(`--no-${spec.flag}`, helpText(spec)).default(spec.default);
  }
  const placeholder =
    spec.kind === 'text'
      ? spec.placeholder
      : spec.kind === 'time-limit'
        ? 'seconds'
        : spec.kind === 'choice'
          ? spec.flag
          : 'n';
  const option = new Option(`${flag} <${placeholder}>`, helpText(spec));
  if (spec.kind === 'choice') return option.choices(spec.choices);
  return option.argParser((value: string) => {
    try {
      return parseRunOption(spec, flag, value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  });
}

/**
 * Builds the command line. `onScan` receives the parsed URLs and flags; everything else (reading files,
 * scanning, reporting) happens in the pipeline.
 */
export function buildProgram(
  onScan: (urls: string[], flags: ScanFlags) => Promise<void>,
  onSite: (flags: SiteFlags) => Promise<void> = async () => undefined,
  onMerge: (dirs: string[], flags: MergeFlags) => Promise<void> = async () => undefined,
): Command {
  const program = new Command('egov-monitor')
    .description(
      'Automatic, evidence-backed diagnosis of the e-government maturity (levels 1-5) and standards compliance of government websites.',
    )
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);

  program
    .command('scan')
    .description(
      'Scan websites and write results.json, report.md, report.html and report.csv. With no URL and no --urls, scans the bundled fixture sites on 127.0.0.1.',
    )
    .argument('[url...]', 'websites to scan (http or https; a bare host means https)')
    .option(
      '--urls <file>',
      'URL list: YAML (.yaml/.yml/.json) or CSV (.csv) with url, name, acronym, institution, group',
    )
    .addOption(runOption('outDir'))
    .addOption(runOption('lang'))
    .addOption(runOption('maxPages'))
    .addOption(runOption('maxDepth'))
    .addOption(runOption('maxDiscoveredPages'))
    .addOption(runOption('siteTimeoutMs'))
    .addOption(runOption('pageTimeoutMs'))
    .addOption(runOption('concurrency'))
    .option(
      '--ca <file>',
      'extra CA certificate(s) to trust, PEM; repeatable (NODE_EXTRA_CA_CERTS is also read)',
      collect,
      [],
    )
    .addOption(runOption('profile'))
    .option(
      '--rubric <file>',
      "rubric thresholds and word lists, YAML or JSON, over the profile's rubric (default: the built-in rubric)",
    )
    .option('--overrides <file>', "reviewers' overrides of criteria, YAML or JSON")
    .option(
      '--accepted <file>',
      'accepted findings (YAML): checks and axe rules the site lives with, by site, page, rule and element, each with reason, author and optional expiry; they do not fail --fail-on regression and are listed apart, stale entries named',
    )
    .option(
      '--previous <file>',
      'results.json of an earlier run, to report what changed (default: the newest run in --history)',
    )
    .option(
      '--history <dir>',
      'history folder (docs/history.md): compare with its newest run unless --previous is given, then append this run',
    )
    .option('--resume', 'keep sites already finished in --out by an interrupted run; scan the rest', false)
    .addOption(runOption('lighthouse'))
    .addOption(runOption('lighthousePages'))
    .addOption(runOption('userAgent'))
    .addOption(runOption('failUnderLevel'))
    .addOption(runOption('failUnderScore'))
    .addOption(runOption('shard'))
    .addOption(runOption('runId'))
    .addOption(runOption('failOn'))
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 done (sites that could not be scanned are reported, not fatal); 1 a --fail-under-* gate not met',
        '            or a regression (--fail-on regression);',
        '            2 bad flag or input file (nothing scanned); 3 the run failed (no browser, invalid results);',
        '            130 interrupted by Ctrl-C (finished sites are kept: run again with --resume).',
        '',
        'Examples:',
        '  egov-monitor scan                                  # the fixture sites, into ./egov-report',
        '  egov-monitor scan https://www.minfin.gob.gt/ --no-lighthouse',
        '  egov-monitor scan --urls data/guatemala-organismo-ejecutivo.yaml --out informe --previous old/results.json',
        '  egov-monitor scan --urls data/guatemala-organismo-ejecutivo.yaml --history historial',
        '  egov-monitor scan --urls lista.yaml --shard 2/4 --run-id 2026-12-06 --out shard-2   # then merge the 4',
        '  egov-monitor scan https://www.minfin.gob.gt/ --previous main/results.json --fail-on regression',
      ].join('\n'),
    )
    .action(async (urls: string[], flags: ScanFlags) => onScan(urls, flags));

  program
    .command('site')
    .description(
      'Build the public static website (es and en, no JavaScript, nothing loaded from elsewhere) from a history folder: ranking, charts, a page per institution and per site with its evidence and trends, CSV and JSON downloads.',
    )
    .requiredOption(
      '--history <dir>',
      'history folder written by `scan --history` (or a checkout of the data branch)',
    )
    .option('--out <dir>', 'output folder: created, or replaced if an earlier `site` built it', 'egov-site')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 built; 2 bad flag, or a history that is missing, empty or malformed; 3 the build failed.',
        '',
        'Example:',
        '  egov-monitor site --history historial --out sitio   # then publish sitio/ (e.g. GitHub Pages)',
      ].join('\n'),
    )
    .action(async (flags: SiteFlags) => onSite(flags));

  program
    .command('merge')
    .description(
      'Combine the outputs of the N shards of one run (scan --shard K/N) into one results.json and one report, as a single run would have written them; with --history, append the run once.',
    )
    .argument('<dir...>', "the shards' output folders (each with its results.json), in any order")
    .addOption(runOption('outDir'))
    .addOption(runOption('lang'))
    .addOption(runOption('profile'))
    .option(
      '--rubric <file>',
      'the rubric file the shards were scanned with, if any (checked against the shards)',
    )
    .option(
      '--previous <file>',
      'results.json of an earlier run, to report what changed (default: the newest run in --history)',
    )
    .option(
      '--history <dir>',
      'history folder: compare with its newest run unless --previous is given, then append the merged run',
    )
    .addOption(runOption('failUnderLevel'))
    .addOption(runOption('failUnderScore'))
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 merged; 1 a --fail-under-* gate not met; 2 shards of different runs, lists, rubrics or profiles,',
        '            a shard missing or given twice, or a bad flag (one line, nothing written); 3 the merge failed.',
        '',
        'Example:',
        '  egov-monitor merge shard-1 shard-2 shard-3 shard-4 --out informe --history historial',
      ].join('\n'),
    )
    .action(async (dirs: string[], flags: MergeFlags) => onMerge(dirs, flags));

  return program;
}
