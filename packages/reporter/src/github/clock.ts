/**
 * Time as the GitHub client sees it. Production waits on the system clock; tests pass a virtual clock so that a
 * rate limit of 20 s or a pacing of 1 s between writes costs no real time and the times at which requests went
 * out can be asserted exactly (no test may depend on how fast the machine is).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch (GitHub's `x-ratelimit-reset` is in epoch seconds). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
