import os from 'node:os';
import defaults from './data/defaults.json' with { type: 'json' };

export interface ConcurrencyInputs {
  cpus?: number;
  sitesPerCore?: number;
  freeMemBytes?: number;
  maxConcurrency?: number;
  memoryPerSiteMb?: number;
}

/**
 * Sites scanned at once when the user does not say: bounded by cores (Chromium renders on the CPU; a site mostly
 * waits, so `sitesPerCore` sites share a core) and by free memory (each site gets its own browser context), so a
 * small CI runner is not pushed into swapping.
 */
export function defaultConcurrency(inputs: ConcurrencyInputs = {}): number {
  const cpus = inputs.cpus ?? os.availableParallelism();
  const freeMem = inputs.freeMemBytes ?? os.freemem();
  const max = inputs.maxConcurrency ?? defaults.maxConcurrency;
  const perSite = (inputs.memoryPerSiteMb ?? defaults.memoryPerSiteMb) * 1024 * 1024;
  const perCore = inputs.sitesPerCore ?? defaults.sitesPerCore;
  return Math.max(1, Math.min(max, cpus * perCore, Math.floor(freeMem / perSite)));
}
