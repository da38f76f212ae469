// Issue #5's targets, judged from the measured figures. Pure: the numbers come in, verdicts go out.
import targetsData from './targets.json' with { type: 'json' };

export type Targets = Omit<typeof targetsData, '$comment'>;
export const DEFAULT_TARGETS: Targets = targetsData;

export interface RunFigures {
  sites: number;
  pages: number;
  wallMs: number;
}

export interface Rates {
  pagesPerSecond: number;
  sitesPerMinute: number;
  /** Wall time each site costs at the measured concurrency (run time ÷ sites). */
  secondsPerSite: number;
}

export function rates(run: RunFigures): Rates {
  const seconds = run.wallMs / 1000;
  return {
    pagesPerSecond: seconds > 0 ? run.pages / seconds : 0,
    sitesPerMinute: seconds > 0 ? run.sites / (seconds / 60) : 0,
    secondsPerSite: run.sites > 0 ? seconds / run.sites : 0,
  };
}

export interface Extrapolation {
  sites: number;
  /** Minutes for all sites in one job: measured wall time per site plus one serialised Lighthouse run per site. */
  singleJobMinutes: number;
  shards: number;
  sitesPerShard: number;
  /** Minutes of the slowest shard (it gets ⌈sites ÷ shards⌉ sites). */
  shardMinutes: number;
}

/**
 * The report's sites at the measured rate. Lighthouse runs one at a time on the shared browser (the session's
 * lock), so its time adds per site rather than overlapping with other Lighthouse runs; browser start-up is paid
 * once per job.
 */
export function extrapolate(
  pipeline: Rates,
  lighthouseSecondsPerSite: number,
  startupSeconds: number,
  targets: Targets = DEFAULT_TARGETS,
): Extrapolation {
  const perSite = pipeline.secondsPerSite + lighthouseSecondsPerSite;
  const sitesPerShard = Math.ceil(targets.reportSites / targets.sharded.shards);
  return {
    sites: targets.reportSites,
    singleJobMinutes: (startupSeconds + targets.reportSites * perSite) / 60,
    shards: targets.sharded.shards,
    sitesPerShard,
    shardMinutes: (startupSeconds + sitesPerShard * perSite) / 60,
  };
}

export interface Verdict {
  id: 'ratio-to-bare' | 'peak-rss' | 'single-job' | 'sharded';
  pass: boolean;
  /** One line: the target and the measured value. */
  text: string;
}

export function judge(
  input: {
    ratio: number;
    /** Node RSS + Chromium PSS at one instant (process-memory.ts): what the target is judged on. */
    peakTotalPssMb: number;
    /** Node RSS + summed Chromium VmRSS at one instant: printed beside it. */
    peakTotalRssMb: number;
    atDefaultConcurrency: boolean;
    extrapolation: Extrapolation;
  },
  targets: Targets = DEFAULT_TARGETS,
): Verdict[] {
  const { extrapolation } = input;
  return [
    {
      id: 'ratio-to-bare',
      pass: input.ratio >= targets.minRatioToBare,
      text: `pipeline ÷ bare loop (pages/s) ≥ ${targets.minRatioToBare}: ${input.ratio.toFixed(2)}`,
    },
    {
      id: 'peak-rss',
      // Summed VmRSS counts every page Chromium's processes share once per process (the bare loop alone passes
      // 1.5 GB that way at two sites at once), so the target is judged on resident memory with shared pages counted
      // once, and the summed figure is printed beside it.
      pass: input.peakTotalPssMb <= targets.maxPeakRssMb,
      text: `peak resident memory (Node RSS + Chromium PSS) ≤ ${targets.maxPeakRssMb} MB${input.atDefaultConcurrency ? ' at the default concurrency' : ' (NOT at the default concurrency)'}: ${Math.round(input.peakTotalPssMb)} MB (summed VmRSS, shared pages counted per process: ${Math.round(input.peakTotalRssMb)} MB)`,
    },
    {
      id: 'single-job',
      pass: extrapolation.singleJobMinutes <= targets.singleJob.maxMinutes,
      text: `${extrapolation.sites} sites with Lighthouse on home pages, one ${targets.singleJob.cores}-core job ≤ ${targets.singleJob.maxMinutes} min: ${extrapolation.singleJobMinutes.toFixed(1)} min`,
    },
    {
      id: 'sharded',
      pass: extrapolation.shardMinutes <= targets.sharded.maxMinutes,
      text: `${extrapolation.sites} sites in ${extrapolation.shards} shards (${extrapolation.sitesPerShard} sites each) ≤ ${targets.sharded.maxMinutes} min: ${extrapolation.shardMinutes.toFixed(1)} min`,
    },
  ];
}
