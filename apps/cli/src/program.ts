import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_SCAN_OPTIONS, TIME_LIMIT_RANGE, parseTimeLimit } from '@egov-monitor/pipeline';
import type { TimeLimit } from '@egov-monitor/pipeline';

/** The flags of `egov-monitor scan`, as commander parsed them. */
export interface ScanFlags {
  urls?: string;
  out: string;
  lang: 'es' | 'en';
  maxPages: number;
  maxDepth: number;
  maxDiscoveredPages: number;
  /** Safety nets, in ms (parsed from seconds or 15m-style values). */
  siteTimeout?: number;
  pageTimeout?: number;
  concurrency?: number;
  ca: string[];
  /** A built-in country profile's id, or a profile file (docs/profiles.md). */
  profile: string;
  rubric?: string;
  overrides?: string;
  previous?: string;
  history?: string;
  resume: boolean;
  lighthouse: boolean;
  lighthousePages: number;
  userAgent: string;
  failUnderLevel?: number;
  failUnderScore?: number;
}

const integer =
  (flag: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    if (!/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`${flag} needs a whole number, got "${value}"`);
    const number = Number(value);
    if (number < min || number > max) {
      throw new InvalidArgumentError(`${flag} must be between ${min} and ${max}, got ${number}`);
    }
    return number;
  };

const collect = (value: string, previous: string[]) => [...previous, value];

/** The flags of `egov-monitor site`. */
export interface SiteFlags {
  history: string;
  out: string;
}

/** --site-timeout / --page-timeout, parsed by the pipeline's own reader (the Action uses the same). */
const timeLimit =
  (flag: string, limit: TimeLimit) =>
  (value: string): number => {
    try {
      return parseTimeLimit(flag, value, limit);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

/**
 * Builds the command line. `onScan` receives the parsed URLs and flags; everything else (reading files,
 * scanning, reporting) happens in the pipeline.
 */
export function buildProgram(
  onScan: (urls: string[], flags: ScanFlags) => Promise<void>,
  onSite: (flags: SiteFlags) => Promise<void> = async () => undefined,
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
    .option('--out <dir>', 'output folder', 'egov-report')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['es', 'en']).default('es'))
    .option(
      '--max-pages <n>',
      'pages analysed in full per site',
      integer('--max-pages', 1, 10_000),
      DEFAULT_SCAN_OPTIONS.maxPages,
    )
    .option(
      '--max-depth <n>',
      'link hops from the home page',
      integer('--max-depth', 0, 50),
      DEFAULT_SCAN_OPTIONS.maxDepth,
    )
    .option(
      '--max-discovered-pages <n>',
      'pages recorded in all per site (analysed, then discovered without analysis to count pages)',
      integer('--max-discovered-pages', 1, 100_000),
      DEFAULT_SCAN_OPTIONS.maxDiscoveredPages,
    )
    .option(
      '--site-timeout <seconds>',
      `safety time limit of one site (default ${TIME_LIMIT_RANGE.site.defaultSeconds}; also 15m, 1h): budgets in pages decide what is read; when this fires the verdicts it cut are inconclusive and the site is retried once at the end`,
      timeLimit('--site-timeout', 'site'),
    )
    .option(
      '--page-timeout <seconds>',
      `safety time limit of each step of reading one page: loading, becoming ready, reading (default ${TIME_LIMIT_RANGE.page.defaultSeconds})`,
      timeLimit('--page-timeout', 'page'),
    )
    .option(
      '--concurrency <n>',
      'sites scanned at once (default: min(4, CPU cores, free memory / 400 MB))',
      integer('--concurrency', 1, 64),
    )
    .option(
      '--ca <file>',
      'extra CA certificate(s) to trust, PEM; repeatable (NODE_EXTRA_CA_CERTS is also read)',
      collect,
      [],
    )
    .option(
      '--profile <name|file>',
      "the sites' country: a built-in profile (guatemala, el-salvador) or a profile file, JSON or YAML (docs/profiles.md)",
      'guatemala',
    )
    .option(
      '--rubric <file>',
      "rubric thresholds and word lists, YAML or JSON, over the profile's rubric (default: the built-in rubric)",
    )
    .option('--overrides <file>', "reviewers' overrides of criteria, YAML or JSON")
    .option('--previous <file>', 'results.json of an earlier run, to report what changed (default: the newest run in --history)')
    .option(
      '--history <dir>',
      'history folder (docs/history.md): compare with its newest run unless --previous is given, then append this run',
    )
    .option('--resume', 'keep sites already finished in --out by an interrupted run; scan the rest', false)
    .option(
      '--no-lighthouse',
      'do not run Lighthouse (faster; the usability and performance checks become not-applicable)',
    )
    .option(
      '--lighthouse-pages <n>',
      'key pages audited by Lighthouse besides the home page',
      integer('--lighthouse-pages', 0, 20),
      DEFAULT_SCAN_OPTIONS.lighthouse.keyPages,
    )
    .option('--user-agent <ua>', 'user agent sent to the sites', DEFAULT_SCAN_OPTIONS.userAgent)
    .option(
      '--fail-under-level <n>',
      'exit with code 1 when any site is below this maturity level (0-5; unreachable sites count as 0)',
      integer('--fail-under-level', 0, 5),
    )
    .option(
      '--fail-under-score <n>',
      'exit with code 1 when any site is below this overall standards score (0-100; a site without a score counts as below)',
      integer('--fail-under-score', 0, 100),
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 done (sites that could not be scanned are reported, not fatal); 1 a --fail-under-* gate not met;',
        '            2 bad flag or input file (nothing scanned); 3 the run failed (no browser, invalid results);',
        '            130 interrupted by Ctrl-C (finished sites are kept: run again with --resume).',
        '',
        'Examples:',
        '  egov-monitor scan                                  # the fixture sites, into ./egov-report',
        '  egov-monitor scan https://www.minfin.gob.gt/ --no-lighthouse',
        '  egov-monitor scan --urls data/guatemala-organismo-ejecutivo.yaml --out informe --previous old/results.json',
        '  egov-monitor scan --urls data/guatemala-organismo-ejecutivo.yaml --history historial',
      ].join('\n'),
    )
    .action(async (urls: string[], flags: ScanFlags) => onScan(urls, flags));

  program
    .command('site')
    .description(
      'Build the public static website (es and en, no JavaScript, nothing loaded from elsewhere) from a history folder: ranking, charts, a page per institution and per site with its evidence and trends, CSV and JSON downloads.',
    )
    .requiredOption('--history <dir>', 'history folder written by `scan --history` (or a checkout of the data branch)')
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

  return program;
}
