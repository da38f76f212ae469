// Memory of the benchmark's two halves, read from /proc like `ps` does: the Node process itself, and the shared
// Chromium's whole process tree (browser, GPU/utility, one renderer per site context…). Sampled on a timer, so a
// short peak between two samples can be missed; 250 ms is the interval.
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  rssKb: number;
  /** argv joined with spaces (empty for kernel threads or processes that are gone). */
  cmdline: string;
}

/** VmRSS in kB from a /proc/<pid>/status text; 0 when absent (zombie, kernel thread). */
export function parseVmRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

/** Pss in kB from a /proc/<pid>/smaps_rollup text: shared pages divided among the processes sharing them. */
export function parsePssKb(rollup: string): number {
  const match = /^Pss:\s+(\d+)\s+kB/m.exec(rollup);
  return match ? Number(match[1]) : 0;
}

function readPssKb(pid: number, procRoot: string): number {
  try {
    return parsePssKb(readFileSync(`${procRoot}/${pid}/smaps_rollup`, 'utf8'));
  } catch {
    return 0;
  }
}

/** Parent pid from a /proc/<pid>/stat text; the command name may hold spaces and parentheses. */
export function parsePpid(stat: string): number {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2);
  return Number(afterName.split(' ')[1]);
}

function readProcess(pid: number, procRoot: string): ProcessInfo | null {
  try {
    const stat = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
    const status = readFileSync(`${procRoot}/${pid}/status`, 'utf8');
    let cmdline = '';
    try {
      cmdline = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      // Gone between reads: keep what we have.
    }
    return { pid, ppid: parsePpid(stat), rssKb: parseVmRssKb(status), cmdline };
  } catch {
    return null; // the process ended while we listed /proc
  }
}

/** Every process on the machine (those we may read). */
export function listProcesses(procRoot = '/proc'): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync(procRoot)) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry), procRoot);
    if (info) processes.push(info);
  }
  return processes;
}

/** `root` and all its descendants, root first. */
export function processTree(processes: ProcessInfo[], root: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const self = processes.find((info) => info.pid === root);
  if (!self) return [];
  const tree: ProcessInfo[] = [];
  const stack = [self];
  while (stack.length > 0) {
    const next = stack.pop() as ProcessInfo;
    tree.push(next);
    stack.push(...(children.get(next.pid) ?? []));
  }
  return tree;
}

/**
 * The main process of the Chromium that listens on this remote-debugging port (the shared browser of the run).
 * Renderers and helpers carry `--type=`; the browser process itself does not.
 */
export function findBrowserPid(processes: ProcessInfo[], debuggingPort: number): number | null {
  const flag = `--remote-debugging-port=${debuggingPort}`;
  const main = processes.find(
    (info) => info.cmdline.split(' ').includes(flag) && !/(^| )--type=/.test(info.cmdline),
  );
  return main?.pid ?? null;
}

/** Chromium main processes (no `--type=`) under `root`: the run must have exactly one. */
export function countBrowserMains(tree: ProcessInfo[]): number {
  return tree.filter(
    (info) => /chrom/i.test(info.cmdline.split(' ')[0] ?? '') && !/(^| )--type=/.test(info.cmdline),
  ).length;
}

export interface MemorySample {
  /** ms since the sampler started. */
  at: number;
  nodeRssMb: number;
  browserRssMb: number;
  /**
   * Proportional set size of the same tree: the Chromium processes share the browser binary and fonts, which
   * VmRSS counts once per process. The honest size of the tree; the target is on the RSS sum.
   */
  browserPssMb: number;
  browserProcesses: number;
  /** Chromium main processes below the Node process (1 = one shared browser). */
  browserMains: number;
}

export interface MemorySummary {
  samples: number;
  intervalMs: number;
  peakNodeRssMb: number;
  peakBrowserRssMb: number;
  /** Peak of the sum at one instant (not the sum of the two peaks). */
  peakTotalRssMb: number;
  peakBrowserPssMb: number;
  /**
   * Peak at one instant of Node's RSS plus the Chromium tree's PSS: the memory the scan really holds, each page
   * shared between Chromium's processes (its binary, fonts, ICU) counted once. The memory target is judged on it.
   */
  peakTotalPssMb: number;
  peakBrowserProcesses: number;
  maxBrowserMains: number;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** One reading: Node's own RSS and the summed VmRSS of the browser's process tree. */
export function sampleMemory(browserPid: number | null, startedAt: number, procRoot = '/proc'): MemorySample {
  const processes = listProcesses(procRoot);
  const node = processes.find((info) => info.pid === process.pid);
  const browser = browserPid === null ? [] : processTree(processes, browserPid);
  const underNode = processTree(processes, process.pid);
  return {
    at: Math.round(performance.now() - startedAt),
    nodeRssMb: mb(node?.rssKb ?? 0),
    browserRssMb: mb(browser.reduce((sum, info) => sum + info.rssKb, 0)),
    browserPssMb: mb(browser.reduce((sum, info) => sum + readPssKb(info.pid, procRoot), 0)),
    browserProcesses: browser.length,
    browserMains: countBrowserMains(underNode),
  };
}

export function summarize(samples: MemorySample[], intervalMs: number): MemorySummary {
  const max = (pick: (sample: MemorySample) => number) =>
    samples.reduce((best, sample) => Math.max(best, pick(sample)), 0);
  return {
    samples: samples.length,
    intervalMs,
    peakNodeRssMb: max((sample) => sample.nodeRssMb),
    peakBrowserRssMb: max((sample) => sample.browserRssMb),
    peakTotalRssMb: Math.round(max((sample) => sample.nodeRssMb + sample.browserRssMb) * 10) / 10,
    peakBrowserPssMb: max((sample) => sample.browserPssMb),
    peakTotalPssMb: Math.round(max((sample) => sample.nodeRssMb + sample.browserPssMb) * 10) / 10,
    peakBrowserProcesses: max((sample) => sample.browserProcesses),
    maxBrowserMains: max((sample) => sample.browserMains),
  };
}

/** Samples every `intervalMs` until stopped; `latest()` is the newest reading (for RSS at 25/50/75/100 %). */
export function startMemorySampler(browserPid: number | null, intervalMs = 250) {
  const startedAt = performance.now();
  const samples: MemorySample[] = [];
  const take = () => {
    const sample = sampleMemory(browserPid, startedAt);
    samples.push(sample);
    return sample;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    /** A fresh reading now (also recorded). */
    now: take,
    stop(): MemorySummary {
      clearInterval(timer);
      take();
      return summarize(samples, intervalMs);
    },
    samples,
  };
}

/** The larger of two runs' peaks, field by field (several rounds of one benchmark). */
export function maxMemory(a: MemorySummary, b: MemorySummary): MemorySummary {
  return {
    samples: a.samples + b.samples,
    intervalMs: a.intervalMs,
    peakNodeRssMb: Math.max(a.peakNodeRssMb, b.peakNodeRssMb),
    peakBrowserRssMb: Math.max(a.peakBrowserRssMb, b.peakBrowserRssMb),
    peakTotalRssMb: Math.max(a.peakTotalRssMb, b.peakTotalRssMb),
    peakBrowserPssMb: Math.max(a.peakBrowserPssMb, b.peakBrowserPssMb),
    peakTotalPssMb: Math.max(a.peakTotalPssMb, b.peakTotalPssMb),
    peakBrowserProcesses: Math.max(a.peakBrowserProcesses, b.peakBrowserProcesses),
    maxBrowserMains: Math.max(a.maxBrowserMains, b.maxBrowserMains),
  };
}
