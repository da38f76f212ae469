import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import {
  buildSite,
  BrowserUnavailableError,
  checkTimeLimits,
  gateFailureLines,
  gateNoticeLines,
  readAcceptedFile,
  HistoryStoreError,
  listNameOf,
  mergeShards,
  openLocalHistory,
  parseShard,
  PipelineConfigError,
  readOverridesFile,
  readPreviousResults,
  readProfile,
  readRubricFile,
  readUrlListFile,
  RUN_OPTIONS,
  runScan,
  urlListFromArguments,
  UrlListError,
} from '@egov-monitor/pipeline';
import type { ListProblem, RunOptions, RunOutcome } from '@egov-monitor/pipeline';
import { HistoryFormatError } from '@egov-monitor/rubric';
import type { SiteTarget } from '@egov-monitor/rubric';
import type { MergeFlags, ScanFlags, SiteFlags } from './program.js';
import { buildProgram } from './program.js';
import { createProgress } from './progress.js';

export const EXIT = { ok: 0, belowGate: 1, usage: 2, runFailed: 3, interrupted: 130 } as const;

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Draw a live progress bar (stderr is a terminal) instead of log lines. */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  isTty: Boolean(process.stderr.isTTY) && !process.env.CI,
  env: process.env,
});

/** A usage or input problem found before anything is scanned: one line on stderr, exit code 2. */
class UsageError extends Error {}

class Interrupted extends Error {
  override name = 'Interrupted';
}

/**
 * `egov-monitor <command> …` → exit code. Parses flags, reads the input files (so a bad one stops us before the
 * browser starts), calls runScan and prints the report's paths. Judgement lives in the pipeline and the rubric.
 */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    async (urls, flags) => {
      exitCode = await scan(urls, flags, io);
    },
    async (flags) => {
      exitCode = await site(flags, io);
    },
    async (dirs, flags) => {
      exitCode = await merge(dirs, flags, io);
    },
  );
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) => write(`${oneLine(text)}\n`),
  });
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput(program.configureOutput());
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are not errors; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (
      error instanceof UsageError ||
      error instanceof UrlListError ||
      error instanceof PipelineConfigError ||
      error instanceof HistoryStoreError ||
      error instanceof HistoryFormatError
    ) {
      io.stderr.write(`egov-monitor: ${oneLine(error.message)}\n`);
      return EXIT.usage;
    }
    const reason = error instanceof BrowserUnavailableError ? error.message : errorText(error);
    io.stderr.write(`egov-monitor: the run failed: ${oneLine(reason)}\n`);
    return EXIT.runFailed;
  }
}

async function scan(urls: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  if (urls.length > 0 && flags.urls) throw new UsageError('give URLs or --urls FILE, not both');
  const outDir = resolve(flags.out ?? RUN_OPTIONS.outDir.default);

  // Every input file is read and validated before the first site is scanned.
  let targets: SiteTarget[] = [];
  let listProblems: ListProblem[] = [];
  if (flags.urls) ({ targets, problems: listProblems } = await readUrlListFile(flags.urls));
  else if (urls.length > 0) ({ targets, problems: listProblems } = urlListFromArguments(urls));
  if ((flags.urls || urls.length > 0) && targets.length + listProblems.length === 0) {
    throw new UsageError(`${flags.urls ?? 'the command line'}: no sites to scan`);
  }
  // Before any file is read or site scanned: a page limit longer than the site's makes no sense.
  checkTimeLimits({ siteTimeoutMs: flags.siteTimeout, pageTimeoutMs: flags.pageTimeout });
  if (flags.shard) parseShard('--shard', flags.shard);
  if (flags.runId !== undefined && !flags.shard)
    throw new UsageError('--run-id names the run of a shard: give it with --shard K/N');
  const profile = await readProfile(flags.profile ?? RUN_OPTIONS.profile.default);
  const rubric = flags.rubric ? await readRubricFile(flags.rubric, profile) : undefined;
  const overrides = flags.overrides ? await readOverridesFile(flags.overrides) : undefined;
  if (flags.failOn === 'regression' && !flags.previous && !flags.history) {
    throw new UsageError(
      '--fail-on regression needs a baseline: --previous FILE (a results.json) or --history DIR',
    );
  }
  const previous = flags.previous ? await readPreviousResults(flags.previous) : undefined;
  const accepted = flags.accepted ? await readAcceptedFile(flags.accepted) : undefined;

  const useFixtures = !flags.urls && urls.length === 0;
  // Loaded only when needed: the fixture sites (and their certificate tooling) are not part of a normal scan.
  const fixtureModule = useFixtures ? await import('@egov-monitor/fixtures') : undefined;
  const fixtures = fixtureModule ? await fixtureModule.startFixtureSites() : undefined;
  const progress = createProgress(io.stderr, io.isTty);
  // First Ctrl-C: finish the sites in progress, start no more, keep their files for --resume. Second: quit now.
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    progress.stop();
    io.stderr.write(
      'egov-monitor: stopping after the sites in progress (Ctrl-C again to quit now); continue with --resume\n',
    );
    controller.abort(new Interrupted());
  };
  process.on('SIGINT', onSigint);
  try {
    if (fixtureModule && fixtures) {
      io.stderr.write(
        `egov-monitor: no URLs given: scanning the ${fixtures.sites.length} fixture sites on 127.0.0.1\n`,
      );
      targets = fixtureModule.fixtureTargets(fixtures.sites);
    }
    const options: RunOptions = {
      targets,
      listProblems,
      outDir,
      lang: flags.lang,
      scan: {
        maxPages: flags.maxPages,
        maxDepth: flags.maxDepth,
        maxDiscoveredPages: flags.maxDiscoveredPages,
        siteTimeoutMs: flags.siteTimeout,
        pageTimeoutMs: flags.pageTimeout,
        userAgent: flags.userAgent,
        lighthouse: { enabled: flags.lighthouse, keyPages: flags.lighthousePages },
      },
      concurrency: flags.concurrency,
      caFile: flags.ca,
      extraCaPems: fixtures ? [fixtures.caPem] : [],
      profile,
      rubric,
      overrides,
      previous,
      ...(flags.history
        ? {
            history: openLocalHistory(resolve(flags.history)),
            listName: useFixtures ? 'fixtures' : listNameOf(flags.urls),
          }
        : {}),
      resume: flags.resume,
      ...(flags.shard
        ? { shard: parseShard('--shard', flags.shard), runId: flags.runId ?? io.env.GITHUB_RUN_ID }
        : {}),
      failUnderLevel: flags.failUnderLevel,
      failUnderScore: flags.failUnderScore,
      failOn: flags.failOn,
      accepted,
      onProgress: (event) => progress.onProgress(event),
      env: io.env,
      signal: controller.signal,
    };
    let outcome;
    try {
      outcome = await runScan(options);
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
      io.stderr.write(`egov-monitor: interrupted; finished sites are in ${join(outDir, 'sites')}\n`);
      return EXIT.interrupted;
    }
    progress.stop();

    for (const file of outcome.reportFiles) io.stdout.write(`${file}\n`);
    const { ok, error, total } = outcome.counts;
    io.stderr.write(`egov-monitor: ${total} site(s): ${ok} evaluated, ${error} could not be evaluated\n`);
    return reportRunEnd(outcome, io);
  } finally {
    process.off('SIGINT', onSigint);
    progress.stop();
    await fixtures?.close();
  }
}

/**
 * How `scan` and `merge` end alike: an invalid results.json or a history that was not written is a failed run
 * (exit 3); then the gates' notices and failures, a failed gate being exit 1.
 */
function reportRunEnd(outcome: Pick<RunOutcome, 'validation' | 'history' | 'gates'>, io: CliIo): number {
  if (!outcome.validation.valid) {
    io.stderr.write(
      `egov-monitor: results.json does not match the results schema: ${outcome.validation.errors.slice(0, 3).join('; ')}\n`,
    );
    return EXIT.runFailed;
  }
  if (outcome.history && 'error' in outcome.history) {
    io.stderr.write(
      `egov-monitor: the run was not saved to the history: ${oneLineText(outcome.history.error)}\n`,
    );
    return EXIT.runFailed;
  }
  if (outcome.history) {
    const { appended } = outcome.history;
    io.stderr.write(
      `egov-monitor: run ${appended.runId} saved to the history in ${appended.location} (${appended.runs} run(s))\n`,
    );
  }
  for (const line of gateNoticeLines(outcome.gates)) io.stderr.write(`egov-monitor: ${line}\n`);
  const failed = gateFailureLines(outcome.gates);
  for (const line of failed) io.stderr.write(`egov-monitor: ${line}\n`);
  return failed.length > 0 ? EXIT.belowGate : EXIT.ok;
}

/**
 * `egov-monitor merge DIR… --out DIR`: the shards of one run into one report (and one history entry). Shards that
 * do not belong together are a usage error (exit 2, one line) before anything is written.
 */
async function merge(dirs: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const profile = await readProfile(flags.profile ?? RUN_OPTIONS.profile.default);
  const outcome = await mergeShards({
    dirs: dirs.map((dir) => resolve(dir)),
    outDir: resolve(flags.out ?? RUN_OPTIONS.outDir.default),
    lang: flags.lang,
    profile,
    rubric: flags.rubric ? await readRubricFile(flags.rubric, profile) : undefined,
    previous: flags.previous ? await readPreviousResults(flags.previous) : undefined,
    ...(flags.history ? { history: openLocalHistory(resolve(flags.history)), listName: null } : {}),
    failUnderLevel: flags.failUnderLevel,
    failUnderScore: flags.failUnderScore,
  });
  for (const file of outcome.reportFiles) io.stdout.write(`${file}\n`);
  const { ok, error, total } = outcome.counts;
  io.stderr.write(
    `egov-monitor: merged ${outcome.shards} shard(s) of run "${outcome.runId}": ${total} site(s), ${ok} evaluated, ${error} could not be evaluated\n`,
  );
  for (const site of outcome.missing) {
    io.stderr.write(
      `egov-monitor: missing from shard ${site.shard}: ${site.url} (reported as missing-from-shard)\n`,
    );
  }
  return reportRunEnd(outcome, io);
}

/**
 * `egov-monitor site --history DIR --out DIR`: builds the static site from the history folder. A missing or empty
 * history is a usage error (exit 2), like a missing input file.
 */
async function site(flags: SiteFlags, io: CliIo): Promise<number> {
  const dir = resolve(flags.history);
  if (!existsSync(dir)) throw new UsageError(`--history ${flags.history}: no such folder`);
  const built = await buildSite({
    history: openLocalHistory(dir),
    outDir: resolve(flags.out),
    log: (message) => io.stderr.write(`${message}\n`),
  });
  io.stdout.write(`${built.outDir}\n`);
  io.stderr.write(
    `egov-monitor: site built from ${built.runs} run(s): ${built.sites} site(s), ${built.institutions} institution(s), ${built.pages} page(s) → ${built.outDir}\n`,
  );
  return EXIT.ok;
}

function oneLineText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
