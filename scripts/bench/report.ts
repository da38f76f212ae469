// The benchmark's summary: the console lines, bench.json and bench.md all come from one BenchResult.
import type { MachineInfo } from './machine.js';
import type { MemorySummary } from './process-memory.js';
import type { Extrapolation, Rates, Verdict } from './targets.js';

export interface Checkpoint {
  /** Share of the sites finished: 25, 50, 75 or 100. */
  percent: number;
  sitesDone: number;
  nodeRssMb: number;
  nodeHeapUsedMb: number;
  browserRssMb: number;
}

export interface PhaseTimes {
  /** Mean per site, ms: opening the home page with retries (site start → crawl). */
  openHomeMs: number;
  /** Robots, sitemap, crawl with snapshots, axe, the soft-404 probe and discovery visits. */
  crawlMs: number;
  /** All collectors after the crawl. */
  collectMs: number;
  /** Writing evidence and result files, and the rubric (site done in the scanner → site-done in the pipeline). */
  otherMs: number;
}

/** One round of the alternating runs: both loops over the same pages, one after the other. */
export interface RoundTimes {
  pipelineWallMs: number;
  bareWallMs: number;
}

export interface BenchResult {
  startedAt: string;
  command: string;
  settings: {
    sites: number;
    pagesPerSite: number;
    concurrency: number;
    defaultConcurrency: number;
    sampleMs: number;
  };
  machine: { before: MachineInfo; uptimeAfter: string; loadAfter: number[] };
  browserStartupMs: number;
  pipeline: {
    sites: number;
    ok: number;
    errors: Record<string, number>;
    pages: number;
    /** Pages the crawl recorded (analysed + discovery visits + probes that became records). */
    pagesRecorded: number;
    wallMs: number;
    /** From the first site start to the last site done (the report writing excluded). */
    scanMs: number;
    rates: Rates;
    memory: MemorySummary;
    /** Busy CPU of the whole machine during the run, ms (all cores). */
    cpuMs: number;
    maxContexts: number;
    checkpoints: Checkpoint[];
    phases: PhaseTimes;
  };
  bare: {
    sites: number;
    pages: number;
    failedPages: number;
    wallMs: number;
    rates: Rates;
    memory: MemorySummary;
    /** Busy CPU of the whole machine during the run, ms (all cores). */
    cpuMs: number;
    maxContexts: number;
    axeTags: string[];
  };
  ratio: number;
  /** Each round's wall times and ratio; `ratio` and the rates use all rounds together. */
  rounds: (RoundTimes & { ratio: number })[];
  lighthouse: { runs: number[]; medianMs: number; url: string; version: string; errors: string[] } | null;
  extrapolation: Extrapolation;
  verdicts: Verdict[];
  profile?: ProfileSummary;
}

export interface ProfileSummary {
  sites: number;
  wallMs: number;
  /** Mean ms per site by phase and operation, and how many calls. */
  rows: { phase: string; operation: string; calls: number; msPerSite: number }[];
  collectors: { kind: string; msPerSite: number }[];
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const seconds = (ms: number) => `${fixed(ms / 1000, 1)} s`;

export function renderText(result: BenchResult): string {
  const { pipeline, bare } = result;
  const lines = [
    `egov-monitor benchmark — ${result.settings.sites} sites × ${result.settings.pagesPerSite} pages, concurrency ${result.settings.concurrency} (default ${result.settings.defaultConcurrency})`,
    `machine: ${result.machine.before.cores} cores ${result.machine.before.cpuModel}, ${result.machine.before.totalMemGb} GB, Node ${result.machine.before.node}, Chromium ${result.machine.before.chromium}`,
    `load before: ${result.machine.before.uptime}`,
    `load after:  ${result.machine.uptimeAfter}`,
    '',
    `                      pages/s   sites/min   wall      peak RSS Node / Chromium / total (MB)`,
    `pipeline (runScan)    ${fixed(pipeline.rates.pagesPerSecond).padStart(7)}   ${fixed(pipeline.rates.sitesPerMinute, 1).padStart(9)}   ${seconds(pipeline.wallMs).padEnd(8)}  ${pipeline.memory.peakNodeRssMb} / ${pipeline.memory.peakBrowserRssMb} / ${pipeline.memory.peakTotalRssMb}`,
    `bare loop (goto+axe)  ${fixed(bare.rates.pagesPerSecond).padStart(7)}   ${fixed(bare.rates.sitesPerMinute, 1).padStart(9)}   ${seconds(bare.wallMs).padEnd(8)}  ${bare.memory.peakNodeRssMb} / ${bare.memory.peakBrowserRssMb} / ${bare.memory.peakTotalRssMb}`,
    `peak PSS of the Chromium tree (shared pages counted once): pipeline ${pipeline.memory.peakBrowserPssMb} MB, bare ${bare.memory.peakBrowserPssMb} MB`,
    `peak resident memory, Node RSS + Chromium PSS at one instant: pipeline ${pipeline.memory.peakTotalPssMb} MB, bare ${bare.memory.peakTotalPssMb} MB`,
    `CPU per page (whole machine, all cores): pipeline ${Math.round(pipeline.cpuMs / Math.max(1, pipeline.pages))} ms, bare ${Math.round(bare.cpuMs / Math.max(1, bare.pages))} ms`,
    `ratio pipeline ÷ bare: ${fixed(result.ratio)} over ${result.rounds.length} alternating round(s) (${result.rounds.map((round, index) => `round ${index + 1}: ${fixed(round.ratio)}`).join(', ')})`,
    `pipeline: ${pipeline.ok}/${pipeline.sites} sites ok, ${pipeline.pages} pages analysed, ${pipeline.pagesRecorded} pages recorded; bare: ${bare.pages} pages (${bare.failedPages} failed)`,
    `per site (mean): open home ${seconds(pipeline.phases.openHomeMs)}, crawl ${seconds(pipeline.phases.crawlMs)}, collectors ${seconds(pipeline.phases.collectMs)}, files+rubric ${seconds(pipeline.phases.otherMs)}`,
    `one shared browser: ${pipeline.memory.maxBrowserMains} Chromium main process(es) at most; at most ${pipeline.maxContexts} browser contexts open at once (concurrency ${result.settings.concurrency})`,
    '',
    'memory while sites finish (streaming check):',
    ...pipeline.checkpoints.map(
      (point) =>
        `  ${String(point.percent).padStart(3)} % (${point.sitesDone} sites): Node RSS ${point.nodeRssMb} MB (heap ${point.nodeHeapUsedMb} MB), Chromium ${point.browserRssMb} MB`,
    ),
    '',
    result.lighthouse
      ? `Lighthouse ${result.lighthouse.version} on a generated home page: ${result.lighthouse.runs.map((run) => seconds(run)).join(', ')} (median ${seconds(result.lighthouse.medianMs)})${result.lighthouse.errors.length ? ` — errors: ${result.lighthouse.errors.join('; ')}` : ''}`
      : 'Lighthouse: not measured (--lighthouse-runs 0); the extrapolation adds nothing for it',
    `extrapolation to ${result.extrapolation.sites} sites: ${fixed(result.extrapolation.singleJobMinutes, 1)} min in one job; ${fixed(result.extrapolation.shardMinutes, 1)} min per shard with ${result.extrapolation.shards} shards`,
    '',
    ...result.verdicts.map((verdict) => `${verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.text}`),
  ];
  if (result.profile) lines.push('', ...renderProfileText(result.profile));
  return `${lines.join('\n')}\n`;
}

function renderProfileText(profile: ProfileSummary): string[] {
  return [
    `profile (${profile.sites} sites, ${seconds(profile.wallMs)}): mean ms per site`,
    ...profile.rows.map(
      (row) =>
        `  ${row.phase.padEnd(9)} ${row.operation.padEnd(34)} ${String(Math.round(row.msPerSite)).padStart(7)} ms  (${row.calls} calls)`,
    ),
    ...profile.collectors.map(
      (row) => `  collector ${row.kind.padEnd(34)} ${String(Math.round(row.msPerSite)).padStart(7)} ms`,
    ),
  ];
}

export function renderMarkdown(result: BenchResult): string {
  const { pipeline, bare, machine } = result;
  const row = (
    name: string,
    run: { rates: { pagesPerSecond: number; sitesPerMinute: number }; wallMs: number; memory: MemorySummary },
  ) =>
    `| ${name} | ${fixed(run.rates.pagesPerSecond)} | ${fixed(run.rates.sitesPerMinute, 1)} | ${seconds(run.wallMs)} | ${run.memory.peakNodeRssMb} | ${run.memory.peakBrowserRssMb} | ${run.memory.peakTotalRssMb} |`;
  const lines = [
    `# Benchmark ${result.startedAt}`,
    '',
    `\`${result.command}\` — ${result.settings.sites} generated sites × ${result.settings.pagesPerSite} pages, concurrency ${result.settings.concurrency} (default on this machine: ${result.settings.defaultConcurrency}), memory sampled every ${result.settings.sampleMs} ms.`,
    '',
    `Machine: ${machine.before.cores} cores (${machine.before.cpuModel}), ${machine.before.totalMemGb} GB RAM (${machine.before.availableMemGb} GB available), ${machine.before.platform}, Node ${machine.before.node}, Chromium ${machine.before.chromium}.`,
    '',
    `Load before: \`${machine.before.uptime}\``,
    `Load after: \`${machine.uptimeAfter}\``,
    '',
    '| run | pages/s | sites/min | wall | peak RSS Node (MB) | peak RSS Chromium tree (MB) | peak RSS total (MB) |',
    '|---|---|---|---|---|---|---|',
    row('pipeline (`runScan`, Lighthouse off)', pipeline),
    row('bare loop (goto + axe, same pages)', bare),
    '',
    `Peak PSS of the Chromium tree (shared pages divided among processes, so not double counted): pipeline ${pipeline.memory.peakBrowserPssMb} MB, bare loop ${bare.memory.peakBrowserPssMb} MB. Peak resident memory (Node RSS + Chromium PSS at one instant): pipeline **${pipeline.memory.peakTotalPssMb} MB**, bare loop ${bare.memory.peakTotalPssMb} MB.`,
    '',
    `CPU per page (the whole machine's busy time, all cores, during the run): pipeline ${Math.round(pipeline.cpuMs / Math.max(1, pipeline.pages))} ms, bare loop ${Math.round(bare.cpuMs / Math.max(1, bare.pages))} ms.`,
    '',
    `Ratio pipeline ÷ bare loop: **${fixed(result.ratio)}** over ${result.rounds.length} alternating round(s) (${result.rounds.map((round, index) => `round ${index + 1}: ${fixed(round.ratio)}, pipeline ${seconds(round.pipelineWallMs)}, bare ${seconds(round.bareWallMs)}`).join('; ')}). Pipeline: ${pipeline.ok}/${pipeline.sites} sites ok${
      Object.keys(pipeline.errors).length
        ? ` (errors: ${Object.entries(pipeline.errors)
            .map(([code, count]) => `${code} × ${count}`)
            .join(', ')})`
        : ''
    }, ${pipeline.pages} pages analysed, ${pipeline.pagesRecorded} recorded. Bare loop: ${bare.pages} pages, ${bare.failedPages} failed.`,
    '',
    `Mean per site in the pipeline: open home ${seconds(pipeline.phases.openHomeMs)}, crawl ${seconds(pipeline.phases.crawlMs)}, collectors ${seconds(pipeline.phases.collectMs)}, files + rubric ${seconds(pipeline.phases.otherMs)}.`,
    '',
    `Browser: ${pipeline.memory.maxBrowserMains} Chromium main process at most, started once in ${seconds(result.browserStartupMs)}; at most ${pipeline.maxContexts} contexts open at once.`,
    '',
    '| sites finished | Node RSS (MB) | Node heap used (MB) | Chromium tree RSS (MB) |',
    '|---|---|---|---|',
    ...pipeline.checkpoints.map(
      (point) =>
        `| ${point.percent} % (${point.sitesDone}) | ${point.nodeRssMb} | ${point.nodeHeapUsedMb} | ${point.browserRssMb} |`,
    ),
    '',
    result.lighthouse
      ? `Lighthouse ${result.lighthouse.version}, one run on a generated home page through the scanner's runner: ${result.lighthouse.runs.map((run) => seconds(run)).join(', ')} (median ${seconds(result.lighthouse.medianMs)}).`
      : 'Lighthouse not measured.',
    '',
    `Extrapolation to ${result.extrapolation.sites} sites (measured time per site + one Lighthouse run per site + browser start): **${fixed(result.extrapolation.singleJobMinutes, 1)} min** in one job; **${fixed(result.extrapolation.shardMinutes, 1)} min** for the slowest of ${result.extrapolation.shards} shards (${result.extrapolation.sitesPerShard} sites).`,
    '',
    '| target | result |',
    '|---|---|',
    ...result.verdicts.map((verdict) => `| ${verdict.text} | ${verdict.pass ? 'PASS' : 'FAIL'} |`),
  ];
  if (result.profile) {
    lines.push(
      '',
      `## Profile (${result.profile.sites} sites, mean ms per site)`,
      '',
      '| phase | operation | calls | ms per site |',
      '|---|---|---|---|',
      ...result.profile.rows.map(
        (entry) =>
          `| ${entry.phase} | ${entry.operation} | ${entry.calls} | ${Math.round(entry.msPerSite)} |`,
      ),
      ...result.profile.collectors.map(
        (entry) => `| collect | collector \`${entry.kind}\` | | ${Math.round(entry.msPerSite)} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
