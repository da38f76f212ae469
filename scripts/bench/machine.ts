// The machine a benchmark ran on: without it the numbers mean nothing (a shared 2-core box under load is not a
// quiet CI runner).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemGb: number;
  availableMemGb: number;
  node: string;
  chromium: string;
  platform: string;
  /** `uptime` output (load averages over 1, 5, 15 minutes). */
  uptime: string;
  loadAverage: number[];
}

export function cpuModel(cpuinfo: string): string {
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
}

/** MemAvailable from /proc/meminfo in GB (what `free -h` calls "available"). */
export function availableMemGb(meminfo: string): number {
  const kb = Number(/^MemAvailable:\s+(\d+)\s+kB/m.exec(meminfo)?.[1] ?? NaN);
  return Number.isFinite(kb)
    ? Math.round((kb / 1024 / 1024) * 10) / 10
    : Math.round((os.freemem() / 1024 ** 3) * 10) / 10;
}

export function uptimeLine(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')}`;
  }
}

const readOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

export function machineInfo(chromiumVersion: string): MachineInfo {
  return {
    cpuModel: cpuModel(readOr('/proc/cpuinfo')),
    cores: os.availableParallelism(),
    totalMemGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    availableMemGb: availableMemGb(readOr('/proc/meminfo')),
    node: process.version,
    chromium: chromiumVersion,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    uptime: uptimeLine(),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/**
 * CPU time the whole machine spent busy (all cores, ms) from the first line of /proc/stat: user + nice + system +
 * irq + softirq + steal. The difference over a run is the CPU the run cost, the site server and any other load
 * included, which is why the benchmark prints the load average beside it.
 */
export function busyCpuMs(stat = readOr('/proc/stat')): number {
  const fields = /^cpu\s+(.+)$/m.exec(stat)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  if (fields.length < 4) return 0;
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  // USER_HZ is 100 on Linux: one tick is 10 ms.
  return (user + nice + system + irq + softirq + steal) * 10;
}
