import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import {
  defaultProfile,
  evaluateSite,
  rubricForProfile,
  rubricFingerprint,
  SCHEMA_VERSION,
  validateResults,
} from '@egov-monitor/rubric';
import { safetyNetMarks } from './safety-nets.js';
import type {
  AcceptedFinding,
  CountryProfile,
  Override,
  ResultsValidation,
  Rubric,
  ScanResults,
  ShardInfo,
  SiteEvidence,
  SiteResult,
  SiteTarget,
} from '@egov-monitor/rubric';
import { DEFAULT_SCAN_OPTIONS, findChromeExecutable, launchBrowser, scanSite } from '@egov-monitor/scanner';
import type { BrowserSession, ScanOptions } from '@egov-monitor/scanner';
import { OutputWriteError, removeStaleTemporaries } from '@egov-monitor/reporter';
import type { AppendResult, HistoryStore } from '@egov-monitor/reporter';
import { join } from 'node:path';
import { readExtraCaPems } from './ca.js';
import { PipelineConfigError } from './errors.js';
import { checkTimeLimits } from './time-limits.js';
import { RUN_OPTIONS } from './run-options.js';
import { TOOL_VERSION } from './version.js';
import type { GateResult } from './gates.js';
import { defaultConcurrency } from './concurrency.js';
import type { RunProgressEvent } from './progress.js';
import { readJsonFile, siteFilePaths, writeJsonAtomic } from './site-store.js';
import { finishRun } from './finish-run.js';
import { contentFingerprint, listFingerprint, shardOfUrls } from './shard.js';
import type { ShardSpec } from './shard.js';
import type { RunResults } from './finish-run.js';
import { RunCollector } from './run-collector.js';
import type { ListProblem } from './url-list.js';
import { siteSlug } from './url-list.js';

/** Scan settings a caller may change; the CA list, the clock and progress are the run's, not per call. */
export type ScanSettings = Partial<Omit<ScanOptions, 'extraCaPems' | 'now' | 'onProgress' | 'lighthouse'>> & {
  lighthouse?: Partial<ScanOptions['lighthouse']>;
};

export interface RunOptions {
  /** Sites to scan, in the order they appear in results. */
  targets: SiteTarget[];
  /** Bad entries of the URL list: reported as error sites at their place in the list, never scanned. */
  listProblems?: ListProblem[];
  /**
   * Scan only shard K of N of the list (`--shard K/N`, docs/scale-out.md): the sites `assignShards` gives it, in
   * list order; results.json records the shard for `merge`. Needs `runId`; the history is the merge's, not a shard's.
   */
  shard?: ShardSpec;
  /** The run the shards belong to: the same for every shard (`--run-id`; the Action uses GITHUB_RUN_ID). */
  runId?: string;
  outDir: string;
  lang?: 'es' | 'en';
  scan?: ScanSettings;
  /** Sites scanned at once; default from CPU and memory (defaultConcurrency). */
  concurrency?: number;
  /** Extra CA bundles to trust (--ca); NODE_EXTRA_CA_CERTS is added. */
  caFile?: string | string[];
  /** Extra CA PEMs already in memory (e.g. the fixture sites' test CA). */
  extraCaPems?: string[];
  /**
   * The country the sites belong to (docs/profiles.md): the scanner's locale, time zone, national portals and law
   * phrases, the rubric's government domains and references. Default: Guatemala. Recorded in results.json.
   */
  profile?: CountryProfile;
  /** Default: the profile's rubric. A user's rubric file is read over the same profile (readRubricFile). */
  rubric?: Rubric;
  overrides?: Override[];
  /** The previous run, to report what changed. Without it, the newest run of `history` is used. */
  previous?: ScanResults;
  /**
   * The history the tool keeps (a folder or a data branch): the previous run is read from it when `previous` is
   * not given, and this run is appended to it once the report is written.
   */
  history?: HistoryStore;
  /** The URL list's name, recorded with the run in the history (null: sites from the command line). */
  listName?: string | null;
  /** Keep sites whose result file from an interrupted run in outDir is valid; scan only the rest. */
  resume?: boolean;
  /** Report whether every site reached at least this level (error sites count as level 0). */
  failUnderLevel?: number;
  /** Report whether every site reached at least this overall standards score (0–100). */
  failUnderScore?: number;
  /** `regression`: report what got worse since the previous run (the regression gate). */
  failOn?: 'nothing' | 'regression';
  /** Accepted findings (readAcceptedFile): they do not fail the regression gate, are listed apart, stale ones named. */
  accepted?: AcceptedFinding[];
  onProgress?: (event: RunProgressEvent) => void;
  /** The run's clock: startedAt/finishedAt and the "today" of freshness. Default: the real clock. */
  now?: Date;
  /** A browser to use instead of launching one; the caller closes it (tests share one per file). */
  browserSession?: BrowserSession;
  /**
   * Stops the run: sites not yet started are skipped, sites in progress finish and are saved, then runScan
   * rejects with the signal's reason and writes no report. `resume` continues from there.
   */
  signal?: AbortSignal;
  /** Environment read for NODE_EXTRA_CA_CERTS and CHROME_PATH. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

export type { RunResults } from './finish-run.js';

export interface RunOutcome {
  results: RunResults;
  /** The full site results, read back from outDir/sites one at a time, in list order. */
  readSites(): AsyncIterable<SiteResult>;
  /**
   * The whole results.json in memory, for callers that need every finding at once (the Action's issues, tests).
   * A list of tens of thousands of sites does not fit: iterate readSites() instead.
   */
  readResults(): Promise<ScanResults>;
  outDir: string;
  /** results.json, report.md, report.html, report.csv. */
  reportFiles: string[];
  /** One file per site under outDir/sites, in list order. */
  siteFiles: string[];
  counts: {
    total: number;
    ok: number;
    error: number;
    scanned: number;
    resumed: number;
    listProblems: number;
  };
  /** results.json checked against the results schema (it is written either way, so nothing is lost). */
  validation: ResultsValidation;
  /** The gates asked for (failUnderLevel, failUnderScore, failOn), each with the sites below it or what got worse. */
  gates: GateResult[];
  /** Where the comparison's previous run came from. */
  previousFrom: 'option' | 'history' | null;
  /**
   * The append to the history, when one was given. A failure does not fail the run (the report is written): it is
   * reported here for the caller to show.
   */
  history?: { appended: AppendResult } | { error: string };
}

const TOOL_NAME = 'egov-monitor';
const RETRIED_ON_RESUME = new Set(['internal-error', 'browser-crashed']);

/** The run cannot start a browser at all (none installed, or it fails to launch): nothing can be scanned. */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError';
}

interface Entry {
  position: number;
  target: SiteTarget;
  problem?: ListProblem;
  slug: string;
}

/**
 * The one function the CLI and the GitHub Action call: scan every site with one shared browser and bounded
 * concurrency, stream each result to disk as it finishes, then aggregate, compare and write the report.
 * Per-site failures are data (an error site); only run-level problems (no browser, unreadable CA file) throw.
 */
export async function runScan(options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const env = options.env ?? process.env;
  const emit = (event: RunProgressEvent) => options.onProgress?.(event);
  const clock = () => options.now ?? new Date();
  const startedAt = clock().toISOString();
  const profile = options.profile ?? defaultProfile;
  const rubric = options.rubric ?? rubricForProfile(profile);
  const caFiles = options.caFile === undefined ? [] : [options.caFile].flat();
  const extraCaPems = [
    ...new Set([...(options.extraCaPems ?? []), ...(await readExtraCaPems(caFiles, env))]),
  ];
  // The same checks as the CLI's flags and the Action's inputs, for callers of the library.
  checkTimeLimits(options.scan ?? {});
  const scanOptions = { ...buildScanOptions(options.scan, extraCaPems, options.now), profile };
  // Read before anything is scanned: an unreadable history stops the run here, not after an hour of scanning.
  let previous = options.previous;
  let previousFrom: RunOutcome['previousFrom'] = previous ? 'option' : null;
  if (!previous && options.history) {
    try {
      previous = (await options.history.readLatestResults()) ?? undefined;
    } catch (error) {
      throw new PipelineConfigError(`cannot read the previous run from the history: ${errorMessage(error)}`);
    }
    if (previous) previousFrom = 'history';
  }
  const listEntries = orderEntries(options.targets, options.listProblems ?? []);
  const shard = options.shard ? shardOfList(listEntries, options.shard, options, rubric, profile) : undefined;
  const entries = shard ? shard.entries : listEntries;
  const total = entries.length;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));

  const evaluate = (evidence: SiteEvidence) => evaluateSite(evidence, rubric, options.overrides);
  const envelope = (sites: unknown[]) => ({
    schemaVersion: schemaVersion(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    profile: { id: profile.id, country: profile.country },
    startedAt,
    finishedAt: startedAt,
    ...(shard ? { shard: shard.info } : {}),
    sites,
  });

  // Decide up front which sites an earlier run already finished, so progress knows the real amount of work.
  const resumed = new Set<number>();
  if (options.resume) {
    for (const entry of entries) {
      if (entry.problem) continue;
      const value = await readJsonFile(siteFilePaths(options.outDir, entry.slug).site);
      if (isReusable(value, entry.target.url, (site) => validateResults(envelope([site])).valid)) {
        resumed.add(entry.position);
      }
    }
  }
  const toScan = entries.filter((entry) => !entry.problem && !resumed.has(entry.position));
  // Temporary files of a run killed mid-write (kill -9, a cancelled job): never a result, so cleared first.
  for (const folder of [options.outDir, join(options.outDir, 'sites'), join(options.outDir, 'evidence')]) {
    await removeStaleTemporaries(folder);
  }
  const collected = new RunCollector(
    entries.map((entry) => ({ position: entry.position, url: entry.target.url })),
    previous,
    options.accepted ?? [],
  );
  // The first file that cannot be written (a full disk) stops the run: later sites would fail the same way.
  let writeFailure: OutputWriteError | undefined;
  emit({ type: 'run-start', total, toScan: toScan.length, concurrency, outDir: options.outDir });

  const browser = new SharedBrowser(options.browserSession, { extraCaPems }, env, emit);
  if (toScan.length > 0) {
    await browser.get().catch((error: unknown) => {
      // Ctrl-C reaches the browser's helper processes too: a launch cut short by the user is an interruption.
      options.signal?.throwIfAborted();
      throw error;
    });
  }

  /** Evidence first: a site file on disk means the site is complete (what --resume trusts). False: not saved. */
  const saveSite = async (
    paths: { site: string; evidence: string },
    evidence: SiteEvidence,
    result: SiteResult,
  ) => {
    try {
      await writeJsonAtomic(paths.evidence, evidence);
      await writeJsonAtomic(paths.site, result);
      return true;
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      writeFailure ??= error;
      return false;
    }
  };

  let done = 0;
  let scanned = 0;
  const limit = pLimit(concurrency);
  /** Sites a safety net cut: scanned once more at the end, alone, when the machine has nothing else to do. */
  const cutShort: { entry: Entry; marks: number }[] = [];
  const scanOne = async (
    entry: Entry,
    onProgress: (progress: Parameters<NonNullable<ScanOptions['onProgress']>>[0]) => void,
  ) => {
    let evidence: SiteEvidence;
    let result: SiteResult;
    try {
      const session = await browser.get();
      evidence = await scanSite(session, entry.target, { ...scanOptions, onProgress });
      result = evaluate(evidence);
    } catch (error) {
      // scanSite and the rubric should never throw; if one does, it is our bug, reported on this site only.
      evidence = fatalEvidence(entry.target, 'internal-error', errorMessage(error), clock());
      result = evaluate(evidence);
    }
    return { evidence, result };
  };
  try {
    await Promise.all(
      entries.map((entry) =>
        limit(async () => {
          if (options.signal?.aborted || writeFailure) return;
          const siteStarted = performance.now();
          const paths = siteFilePaths(options.outDir, entry.slug);
          let result: SiteResult;
          let source: 'scanned' | 'resumed' | 'list';
          let pages = 0;
          if (entry.problem) {
            source = 'list';
            const evidence = fatalEvidence(entry.target, entry.problem.code, entry.problem.message, clock());
            result = evaluate(evidence);
            if (!(await saveSite(paths, evidence, result))) return;
          } else if (resumed.has(entry.position)) {
            source = 'resumed';
            result = (await readJsonFile(paths.site)) as SiteResult;
          } else {
            source = 'scanned';
            scanned += 1;
            emit({ type: 'site-start', position: entry.position, total, url: entry.target.url });
            let evidence: SiteEvidence;
            ({ evidence, result } = await scanOne(entry, (progress) =>
              emit({
                type: 'site-progress',
                position: entry.position,
                total,
                url: entry.target.url,
                phase: progress.phase,
                pagesAnalysed: progress.pagesAnalysed,
                pagesDiscovered: progress.pagesDiscovered,
              }),
            ));
            if (options.signal?.aborted && result.status === 'error') {
              // Cut short by the interruption (Ctrl-C also stops the browser): not a verdict on the site, so it
              // is not saved and --resume scans it again.
              return;
            }
            const crawl = evidence.gathered.crawl;
            pages = crawl?.status === 'ok' ? crawl.data.pages.filter((page) => page.analysed).length : 0;
            if (!(await saveSite(paths, evidence, result))) return;
            const marks = safetyNetMarks(evidence);
            if (marks > 0) cutShort.push({ entry, marks });
          }
          collected.record(entry.position, result);
          done += 1;
          emit({
            type: 'site-done',
            position: entry.position,
            total,
            done,
            url: result.url,
            name: result.name,
            source,
            status: result.status,
            level: result.maturity.level,
            ...(result.error ? { errorCode: result.error.code } : {}),
            pages,
            elapsedMs: Math.round(performance.now() - siteStarted),
            file: paths.site,
          });
        }),
      ),
    );
    // A safety net fired on these sites: usually a machine too busy, not the site. Each is scanned once more, alone
    // (nothing else competes for the machine), and the better-finished result is kept.
    for (const { entry, marks } of cutShort.sort((a, b) => a.entry.position - b.entry.position)) {
      if (options.signal?.aborted || writeFailure) break;
      emit({ type: 'site-retry', position: entry.position, total, url: entry.target.url, stage: 'start' });
      const again = await scanOne(entry, () => undefined);
      const againMarks = safetyNetMarks(again.evidence);
      const kept = againMarks < marks ? 'retry' : 'first';
      if (kept === 'retry') {
        if (!(await saveSite(siteFilePaths(options.outDir, entry.slug), again.evidence, again.result))) break;
        collected.record(entry.position, again.result);
      }
      emit({
        type: 'site-retry',
        position: entry.position,
        total,
        url: entry.target.url,
        stage: 'done',
        kept,
        level: again.result.maturity.level,
      });
    }
  } finally {
    await browser.close();
  }
  if (writeFailure) throw writeFailure;
  options.signal?.throwIfAborted();

  const siteFiles = entries.map((entry) => siteFilePaths(options.outDir, entry.slug).site);
  const finished = await finishRun({
    head: { ...envelope([]), finishedAt: clock().toISOString() },
    collected,
    siteFiles,
    rubric,
    previous,
    outDir: options.outDir,
    lang: options.lang ?? RUN_OPTIONS.lang.default,
    history: options.history,
    listName: options.listName,
    gates: options,
    accepted: options.accepted,
    now: clock(),
  });
  const { results, reportFiles } = finished;
  emit({ type: 'report', files: reportFiles });
  const sites = results.sites;
  const outcome: RunOutcome = {
    results,
    readSites: finished.readSites,
    readResults: finished.readResults,
    outDir: options.outDir,
    reportFiles,
    siteFiles,
    counts: {
      total,
      ok: sites.filter((site) => site.status === 'ok').length,
      error: sites.filter((site) => site.status === 'error').length,
      scanned,
      resumed: resumed.size,
      listProblems: entries.filter((entry) => entry.problem).length,
    },
    validation: finished.validation,
    gates: finished.gates,
    previousFrom,
    ...(finished.history ? { history: finished.history } : {}),
  };
  emit({ type: 'run-done', elapsedMs: Math.round(performance.now() - started) });
  return outcome;
}

function buildScanOptions(
  settings: ScanSettings = {},
  extraCaPems: string[],
  now: Date | undefined,
): ScanOptions {
  const { lighthouse, ...rest } = settings;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return {
    ...DEFAULT_SCAN_OPTIONS,
    ...defined,
    // The run's default (RUN_OPTIONS, what the CLI and the Action document), not the scanner library's.
    lighthouse: {
      ...DEFAULT_SCAN_OPTIONS.lighthouse,
      enabled: RUN_OPTIONS.lighthouse.default,
      ...stripUndefined(lighthouse ?? {}),
    },
    extraCaPems,
    ...(now ? { now } : {}),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * This shard's entries (renumbered from 0 for the run, which sees only them) and what results.json records of it:
 * each entry's place in the whole list, and the fingerprints `merge` compares.
 */
function shardOfList(
  listEntries: readonly Entry[],
  spec: ShardSpec,
  options: RunOptions,
  rubric: Rubric,
  profile: CountryProfile,
): { entries: Entry[]; info: ShardInfo } {
  const runId = options.runId?.trim();
  if (!runId) {
    throw new PipelineConfigError(
      'a shard needs a run id (--run-id, the same for every shard of the run) so that merge can tell runs apart',
    );
  }
  if (options.history) {
    throw new PipelineConfigError(
      'a shard does not write the history: give --history to merge, which appends the whole run once',
    );
  }
  const urls = listEntries.map((entry) => entry.target.url);
  const shardOf = shardOfUrls(urls, spec.count);
  const mine = listEntries.filter((_, index) => shardOf[index] === spec.index);
  return {
    entries: mine.map((entry, position) => ({ ...entry, position })),
    info: {
      index: spec.index,
      count: spec.count,
      runId,
      list: { fingerprint: listFingerprint(urls), entries: listEntries.length },
      rubric: { version: rubric.version, fingerprint: rubricFingerprint(rubric) },
      profileFingerprint: contentFingerprint(profile),
      sites: mine.map((entry) => ({ position: entry.position, url: entry.target.url, slug: entry.slug })),
    },
  };
}

/** Problems keep their place in the list; targets fill the other places in order. */
function orderEntries(targets: SiteTarget[], problems: ListProblem[]): Entry[] {
  const total = targets.length + problems.length;
  const byPosition = new Map<number, ListProblem>();
  for (const problem of problems) {
    const position =
      byPosition.has(problem.position) || problem.position >= total
        ? total + byPosition.size
        : problem.position;
    byPosition.set(position, problem);
  }
  const entries: Entry[] = [];
  const slugs = new Set<string>();
  const uniqueSlug = (base: string, position: number) => {
    const slug = slugs.has(base) ? siteSlug(base, String(position)) : base;
    slugs.add(slug);
    return slug;
  };
  let next = 0;
  for (let position = 0; entries.length < total; position += 1) {
    const problem = byPosition.get(position);
    if (problem) {
      const target = problemTarget(problem);
      entries.push({
        position: entries.length,
        target,
        problem,
        slug: uniqueSlug(siteSlug(target.url, `list:${problem.position}:${problem.code}`), position),
      });
    } else if (next < targets.length) {
      const target = targets[next++] as SiteTarget;
      entries.push({ position: entries.length, target, slug: uniqueSlug(siteSlug(target.url), position) });
    }
  }
  return entries;
}

/**
 * results.json needs a URI in `url`: an entry that is not one ("no es una url", an entry without url) is
 * carried as a urn holding the text as written, and named by that text so the report shows what was wrong.
 */
function problemTarget(problem: ListProblem): SiteTarget {
  const text = problem.target.url || problem.entry;
  let url = text;
  try {
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) throw new Error('not a URI');
    url = new URL(text).href === text ? text : new URL(text).href;
  } catch {
    url = `urn:egov-monitor:list-entry:${encodeURIComponent(text)}`;
  }
  return { ...problem.target, url, name: problem.target.name ?? text };
}

/** A site that could not be evaluated: the rubric turns it into level 0 with the reason, like any other. */
function fatalEvidence(target: SiteTarget, code: string, message: string, now: Date): SiteEvidence {
  return {
    target,
    finalUrl: target.url,
    scannedAt: now.toISOString(),
    fatal: { code, message },
    gathered: {},
  };
}

/** A result an interrupted run left behind is reused only when it is for this URL, complete and valid. */
function isReusable(value: unknown, url: string, validSite: (site: unknown) => boolean): boolean {
  if (!value || typeof value !== 'object') return false;
  const site = value as Partial<SiteResult>;
  // Our own failure or a browser crash says nothing about the site: worth another try.
  if (site.url !== url || RETRIED_ON_RESUME.has(site.error?.code ?? '')) return false;
  return validSite(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function schemaVersion(): string {
  return SCHEMA_VERSION;
}

/**
 * The run's one Chromium: launched once, shared by every site (each gets a fresh context inside scanSite), and
 * relaunched only if it died, so one crash costs one site, not the rest of the run.
 */
class SharedBrowser {
  private session: Promise<BrowserSession> | undefined;
  private readonly owned: boolean;

  constructor(
    given: BrowserSession | undefined,
    private readonly launchWith: { extraCaPems: string[] },
    private readonly env: NodeJS.ProcessEnv,
    private readonly emit: (event: RunProgressEvent) => void,
  ) {
    this.owned = !given;
    if (given) this.session = Promise.resolve(given);
  }

  async get(): Promise<BrowserSession> {
    if (this.session) {
      const current = await this.session;
      if (current.browser.isConnected() || !this.owned) return current;
      this.emit({ type: 'browser-restart', reason: 'the browser disconnected' });
      this.session = undefined;
      await current.close().catch(() => undefined);
    }
    this.session ??= this.launch();
    return this.session;
  }

  private async launch(): Promise<BrowserSession> {
    const executablePath = findChromeExecutable(this.env);
    if (!executablePath) {
      throw new BrowserUnavailableError('no Chromium or Chrome found: install Chromium or set CHROME_PATH');
    }
    try {
      // Every site's context gets its own egress proxy listener in scanSite (its target's allowance only).
      return await launchBrowser({ executablePath, extraCaPems: this.launchWith.extraCaPems });
    } catch (error) {
      throw new BrowserUnavailableError(
        `cannot start ${executablePath}: ${errorMessage(error).split('\n')[0]}`,
      );
    }
  }

  async close(): Promise<void> {
    if (!this.owned || !this.session) return;
    const session = await this.session.catch(() => undefined);
    await session?.close();
  }
}
