import { describe, expect, it } from 'vitest';
import { defaultConcurrency } from './concurrency.js';

const MB = 1024 * 1024;

describe('defaultConcurrency', () => {
  it('is bounded by the cap, two sites per core and the free memory', () => {
    expect(defaultConcurrency({ cpus: 16, freeMemBytes: 64_000 * MB })).toBe(8);
    expect(defaultConcurrency({ cpus: 2, freeMemBytes: 64_000 * MB })).toBe(4);
    expect(defaultConcurrency({ cpus: 1, freeMemBytes: 64_000 * MB })).toBe(2);
    expect(defaultConcurrency({ cpus: 16, freeMemBytes: 1_000 * MB })).toBe(2);
  });

  it('never drops below one site', () => {
    expect(defaultConcurrency({ cpus: 1, freeMemBytes: 10 * MB })).toBe(1);
  });

  it('takes its cap and memory per site as settings', () => {
    expect(defaultConcurrency({ cpus: 32, freeMemBytes: 64_000 * MB, maxConcurrency: 8 })).toBe(8);
    expect(defaultConcurrency({ cpus: 32, freeMemBytes: 3_500 * MB, memoryPerSiteMb: 1000 })).toBe(3);
    expect(defaultConcurrency({ cpus: 2, freeMemBytes: 64_000 * MB, sitesPerCore: 1 })).toBe(2);
  });
});
