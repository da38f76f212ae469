/**
 * A clock for tests: `sleep` moves time forward at once instead of waiting. The reporter's client and the GitHub
 * double share one, so the double records the time at which each request was sent on the same timeline the
 * client's waits are measured on — a test asserts those times, never how long the machine took.
 */
import type { Clock } from '../clock.js';

export interface VirtualClock extends Clock {
  /** Move time forward without a sleeper (e.g. "a day later"). */
  advance(ms: number): void;
}

/** Starts at 2026-03-02 15:00:00 UTC unless told otherwise: epoch-based, as GitHub's rate-limit headers are. */
export function virtualClock(start = Date.UTC(2026, 2, 2, 15, 0, 0)): VirtualClock {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms);
      // Yield like a real timer would, so other ready work runs in between.
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance: (ms) => {
      now += Math.max(0, ms);
    },
  };
}
