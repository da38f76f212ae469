// `npm run bench`: how fast and how lean the real pipeline is, against the physical limit of the same work.
// Generates local sites (fixtures' startGeneratedSites, served from a child process), scans them with runScan
// (Lighthouse off, every collector on) on one shared Chromium, then runs a bare Playwright loop (open page + axe,
// same tags) over the same pages with the same browser and concurrency, measures one Lighthouse run through the
// scanner's runner, and judges issue #5's targets. Writes bench-out/bench.json and bench-out/bench.md.
// Flags: --sites N (40) --pages N (10) --concurrency N (pipeline default) --out DIR (bench-out)
//        --lighthouse-runs N (1; 0 skips) --sample-ms N (250) --profile N (phase profile over N more sites; 0 = off)
//        --rounds N (2: the pipeline and the bare loop alternate N times; the rates and the ratio use all rounds)
import { fork } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConcurrency, runScan } from '@egov-monitor/pipeline';
import type { RunProgressEvent } from '@egov-monitor/pipeline';
import { writeFileAtomic } from '@egov-monitor/reporter';
import type { SiteEvidence, SiteTarget } from '@egov-monitor/rubric';
import { createEgressPolicy, DEFAULT_USER_AGENT, launchBrowser } from '@egov-monitor/scanner';
import type { BrowserSession } from '@egov-monitor/scanner';
import { runBareLoop } from './bench/bare-loop.js';
import type { BareSite } from './bench/bare-loop.js';
import { measureLighthouse } from './bench/lighthouse-probe.js';
import { busyCpuMs, machineInfo, uptimeLine } from './bench/machine.js';
import { findBrowserPid, listProcesses, maxMemory, startMemorySampler } from './bench/process-memory.js';
import { profileSites } from './bench/profile.js';
import type { BenchResult, Checkpoint, PhaseTimes, RoundTimes } from './bench/report.js';
import { renderMarkdown, renderText } from './bench/report.js';
import { extrapolate, judge, rates } from './bench/targets.js';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '40' },
    pages: { type: 'string', default: '10' },
    concurrency: { type: 'string' },
    out: { type: 'string', default: 'bench-out' },
    'lighthouse-runs': { type: 'string', default: '1' },
    'sample-ms': { type: 'string', default: '250' },
    profile: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '2' },
  },
});

const positive = (name: string, text: string | undefined, min = 1): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be an integer ≥ ${min} (got ${text})`);
  return value;
};
const siteCount = positive('sites', values.sites);
const pagesPerSite = positive('pages', values.pages);
const fallbackConcurrency = defaultConcurrency();
const concurrency = values.concurrency ? positive('concurrency', values.concurrency) : fallbackConcurrency;
const lighthouseRuns = positive('lighthouse-runs', values['lighthouse-runs'], 0);
const sampleMs = positive('sample-ms', values['sample-ms'], 10);
const profileCount = positive('profile', values.profile, 0);
const roundCount = positive('rounds', values.rounds);
const outDir = resolve(values.out);
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface ServedSites {
  sites: SiteTarget[];
  caPem: string;
  close(): Promise<void>;
}

/** The generated sites, served by a child process so their memory and event loop are not billed to us. */
function serveSites(sites: number, pages: number): Promise<ServedSites> {
  const child = fork(new URL('./bench/serve-sites.ts', import.meta.url), [], {
    execArgv: ['--conditions=@egov-monitor/source', '--import', 'tsx'],
    env: { ...process.env, BENCH_SITES: String(sites), BENCH_PAGES: String(pages) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the site server exited (code ${code}) before it was ready`)),
    );
    child.once('message', (message: { type: string; sites: SiteTarget[]; caPem: string }) => {
      child.removeAllListeners('exit');
      resolvePromise({
        sites: message.sites,
        caPem: message.caPem,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send({ type: 'close' });
          }),
      });
    });
  });
}

/** Largest number of browser contexts open at once (one per site in flight, if the scanner does as it says). */
function watchContexts(session: BrowserSession) {
  let max = 0;
  const timer = setInterval(() => {
    max = Math.max(max, session.browser.contexts().length);
  }, sampleMs);
  return () => {
    clearInterval(timer);
    return max;
  };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const startedAt = new Date().toISOString();
const before = uptimeLine();
log(`load before: ${before}`);
log(`generating ${siteCount} sites × ${pagesPerSite} pages`);
const served = await serveSites(siteCount + profileCount, pagesPerSite);
const benchSites = served.sites.slice(0, siteCount);
const profileTargets = served.sites.slice(siteCount);
let session: BrowserSession | undefined;
try {
  const launchStarted = performance.now();
  // The bare loop's contexts have no proxy of their own: they go through the browser's default egress listener,
  // allowed the generated sites' address. Both loops thus pay the same egress path (docs/security.md), so the ratio
  // measures the pipeline's own work; the bare loop's pages/s before and after the proxy measure the proxy.
  session = await launchBrowser({
    extraCaPems: [served.caPem],
    egress: createEgressPolicy({ allowed: ['127.0.0.1'] }),
  });
  const browserStartupMs = performance.now() - launchStarted;
  const browserPid = findBrowserPid(listProcesses(), session.debuggingPort);
  if (browserPid === null)
    log('warning: the browser process was not found in /proc; Chromium RSS will read 0');
  const machine = machineInfo(session.browser.version());
  machine.uptime = before;

  // Warm-up (not measured): first navigation, first axe injection, module JIT, so neither run pays it alone.
  await runBareLoop(session.browser, [{ url: benchSites[0]!.url, pages: [benchSites[0]!.url] }], {
    concurrency: 1,
    axeTags: ['wcag2a'],
    pageTimeoutMs: 20_000,
    userAgent: DEFAULT_USER_AGENT,
  });

  // ---- the pipeline
  const runDir = join(outDir, 'run');
  await rm(runDir, { recursive: true, force: true });
  log(`pipeline: runScan over ${benchSites.length} sites, concurrency ${concurrency}`);
  const checkpoints: Checkpoint[] = [];
  const marks = [25, 50, 75, 100].map((percent) => ({
    percent,
    at: Math.ceil((benchSites.length * percent) / 100),
  }));
  const timeline = new Map<
    number,
    { start: number; crawl?: number; collect?: number; done?: number; finished?: number }
  >();
  let firstStart = Infinity;
  let lastDone = 0;
  const pipelineMemory = startMemorySampler(browserPid, sampleMs);
  const pipelineContexts = watchContexts(session);
  const pipelineCpuStart = busyCpuMs();
  const pipelineStarted = performance.now();
  const outcome = await runScan({
    targets: benchSites,
    outDir: runDir,
    browserSession: session,
    concurrency,
    extraCaPems: [served.caPem],
    scan: { lighthouse: { enabled: false } },
    onProgress: (event: RunProgressEvent) => {
      const now = performance.now();
      if (event.type === 'site-start') {
        timeline.set(event.position, { start: now });
        firstStart = Math.min(firstStart, now);
      } else if (event.type === 'site-progress') {
        const entry = timeline.get(event.position);
        if (entry && (event.phase === 'crawl' || event.phase === 'collect' || event.phase === 'done'))
          entry[event.phase] ??= now;
      } else if (event.type === 'site-done') {
        const entry = timeline.get(event.position);
        if (entry) entry.finished = now;
        lastDone = now;
        for (const mark of marks) {
          if (event.done === mark.at) {
            const sample = pipelineMemory.now();
            checkpoints.push({
              percent: mark.percent,
              sitesDone: event.done,
              nodeRssMb: sample.nodeRssMb,
              nodeHeapUsedMb: mb(process.memoryUsage().heapUsed),
              browserRssMb: sample.browserRssMb,
            });
          }
        }
        if (event.done % 10 === 0 || event.done === event.total) log(`  ${event.done}/${event.total} sites`);
      }
    },
  });
  const pipelineWallMs = performance.now() - pipelineStarted;
  const pipelineCpuMs = busyCpuMs() - pipelineCpuStart;
  const pipelineMaxContexts = pipelineContexts();
  let pipelinePeak = pipelineMemory.stop();

  // What the pipeline analysed, per site: the bare loop visits exactly these pages.
  const evidenceDir = join(runDir, 'evidence');
  const bareSites: BareSite[] = [];
  let axeTags: string[] = [];
  let pagesRecorded = 0;
  for (const file of (await readdir(evidenceDir)).sort()) {
    const evidence = JSON.parse(await readFile(join(evidenceDir, file), 'utf8')) as SiteEvidence;
    const crawl = evidence.gathered.crawl;
    const accessibility = evidence.gathered.accessibility;
    if (accessibility?.status === 'ok' && axeTags.length === 0) axeTags = accessibility.data.tags;
    if (crawl?.status !== 'ok') continue;
    pagesRecorded += crawl.data.pages.length;
    bareSites.push({
      url: evidence.target.url,
      pages: crawl.data.pages.filter((page) => page.analysed).map((page) => page.url),
    });
  }
  if (axeTags.length === 0)
    throw new Error('no site of the pipeline run has accessibility evidence: cannot know the axe tags');
  bareSites.sort(
    (a, b) =>
      benchSites.findIndex((site) => site.url === a.url) - benchSites.findIndex((site) => site.url === b.url),
  );
  const pipelinePages = bareSites.reduce((sum, site) => sum + site.pages.length, 0);

  const phases: PhaseTimes = { openHomeMs: 0, crawlMs: 0, collectMs: 0, otherMs: 0 };
  const complete = [...timeline.values()].filter(
    (entry) => entry.crawl && entry.collect && entry.done && entry.finished,
  );
  for (const entry of complete) {
    phases.openHomeMs += (entry.crawl! - entry.start) / complete.length;
    phases.crawlMs += (entry.collect! - entry.crawl!) / complete.length;
    phases.collectMs += (entry.done! - entry.collect!) / complete.length;
    phases.otherMs += (entry.finished! - entry.done!) / complete.length;
  }

  // ---- the bare loop
  log(`bare loop: ${pipelinePages} pages over ${bareSites.length} sites, concurrency ${concurrency}`);
  const bareMemory = startMemorySampler(browserPid, sampleMs);
  const bareContexts = watchContexts(session);
  const bareCpuStart = busyCpuMs();
  const bare = await runBareLoop(session.browser, bareSites, {
    concurrency,
    axeTags,
    pageTimeoutMs: 20_000,
    userAgent: DEFAULT_USER_AGENT,
  });
  const bareCpuMs = busyCpuMs() - bareCpuStart;
  const bareMaxContexts = bareContexts();
  const barePeak = bareMemory.stop();

  // ---- more rounds, alternating, so a change in the machine's load during one run does not decide the ratio
  const rounds: RoundTimes[] = [{ pipelineWallMs, bareWallMs: bare.wallMs }];
  for (let round = 2; round <= roundCount; round += 1) {
    log(`round ${round}/${roundCount}: pipeline, then bare loop`);
    const roundDir = join(outDir, `run-${round}`);
    await rm(roundDir, { recursive: true, force: true });
    const memory = startMemorySampler(browserPid, sampleMs);
    const started = performance.now();
    await runScan({
      targets: benchSites,
      outDir: roundDir,
      browserSession: session,
      concurrency,
      extraCaPems: [served.caPem],
      scan: { lighthouse: { enabled: false } },
    });
    const roundPipelineMs = performance.now() - started;
    pipelinePeak = maxMemory(pipelinePeak, memory.stop());
    const bareRound = await runBareLoop(session.browser, bareSites, {
      concurrency,
      axeTags,
      pageTimeoutMs: 20_000,
      userAgent: DEFAULT_USER_AGENT,
    });
    rounds.push({ pipelineWallMs: roundPipelineMs, bareWallMs: bareRound.wallMs });
  }
  const totalPipelineMs = rounds.reduce((sum, round) => sum + round.pipelineWallMs, 0);
  const totalBareMs = rounds.reduce((sum, round) => sum + round.bareWallMs, 0);

  // ---- Lighthouse, one run at a time on the same browser
  let lighthouse: BenchResult['lighthouse'] = null;
  if (lighthouseRuns > 0) {
    const runs: number[] = [];
    const errors: string[] = [];
    let version = 'unknown';
    const url = benchSites[0]!.url;
    for (let run = 0; run < lighthouseRuns; run += 1) {
      log(`Lighthouse run ${run + 1}/${lighthouseRuns} on ${url}`);
      const probe = await measureLighthouse(session, url, [served.caPem]);
      runs.push(probe.durationMs);
      version = probe.lighthouseVersion;
      if (probe.error) errors.push(probe.error);
    }
    lighthouse = { runs, medianMs: median(runs), url, version, errors };
  }

  // ---- optional phase profile on sites the timed runs did not see
  const profile =
    profileTargets.length > 0
      ? await profileSites(session, profileTargets, { concurrency, extraCaPems: [served.caPem], log })
      : undefined;

  const pipelineRates = rates({
    sites: benchSites.length * rounds.length,
    pages: pipelinePages * rounds.length,
    wallMs: totalPipelineMs,
  });
  const bareRates = rates({
    sites: bare.sites * rounds.length,
    pages: bare.pages * rounds.length,
    wallMs: totalBareMs,
  });
  const ratio = bareRates.pagesPerSecond > 0 ? pipelineRates.pagesPerSecond / bareRates.pagesPerSecond : 0;
  const extrapolation = extrapolate(
    pipelineRates,
    (lighthouse?.medianMs ?? 0) / 1000,
    browserStartupMs / 1000,
  );
  const verdicts = judge({
    ratio,
    peakTotalPssMb: pipelinePeak.peakTotalPssMb,
    peakTotalRssMb: pipelinePeak.peakTotalRssMb,
    atDefaultConcurrency: concurrency === fallbackConcurrency,
    extrapolation,
  });
  const errors: Record<string, number> = {};
  for (const site of outcome.results.sites)
    if (site.error) errors[site.error.code] = (errors[site.error.code] ?? 0) + 1;

  const result: BenchResult = {
    startedAt,
    command:
      `node --conditions=@egov-monitor/source --import tsx scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
    settings: {
      sites: siteCount,
      pagesPerSite,
      concurrency,
      defaultConcurrency: fallbackConcurrency,
      sampleMs,
    },
    machine: { before: machine, uptimeAfter: uptimeLine(), loadAfter: [] },
    browserStartupMs,
    pipeline: {
      sites: benchSites.length,
      ok: outcome.counts.ok,
      errors,
      pages: pipelinePages,
      pagesRecorded,
      wallMs: totalPipelineMs / rounds.length,
      scanMs: lastDone - firstStart,
      rates: pipelineRates,
      memory: pipelinePeak,
      cpuMs: pipelineCpuMs,
      maxContexts: pipelineMaxContexts,
      checkpoints,
      phases,
    },
    bare: {
      sites: bare.sites,
      pages: bare.pages,
      failedPages: bare.failedPages,
      wallMs: totalBareMs / rounds.length,
      rates: bareRates,
      memory: barePeak,
      cpuMs: bareCpuMs,
      maxContexts: bareMaxContexts,
      axeTags,
    },
    ratio,
    rounds: rounds.map((round) => ({
      ...round,
      ratio: pipelinePages / round.pipelineWallMs / (bare.pages / round.bareWallMs),
    })),
    lighthouse,
    extrapolation,
    verdicts,
    ...(profile ? { profile } : {}),
  };
  result.machine.loadAfter = (await import('node:os'))
    .loadavg()
    .map((value) => Math.round(value * 100) / 100);
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(join(outDir, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFileAtomic(join(outDir, 'bench.md'), renderMarkdown(result));
  process.stdout.write(renderText(result));
  log(`wrote ${join(outDir, 'bench.json')} and ${join(outDir, 'bench.md')}`);
} finally {
  await session?.close();
  await served.close();
}
