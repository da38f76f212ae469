import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Flags, Result, default as LighthouseRun } from 'lighthouse';
import type { LighthouseEvidence } from '@egov-monitor/rubric';
import { createEgressPolicy, type EgressPolicy } from '../egress/policy.js';
import type { BrowserSession } from '../scan-options.js';

export type LighthouseScores = LighthouseEvidence['pages'][number]['scores'];

/** One Lighthouse run on one URL: scores 0–100 (null when not scorable), or the reason it failed. */
export interface LighthousePageRun {
  url: string;
  scores: LighthouseScores;
  error?: string;
  lighthouseVersion: string;
  durationMs: number;
}

export interface LighthouseRunOptions {
  /** Longest wait for the page to load (Lighthouse `maxWaitForLoad`). Default 45 000 ms. */
  maxWaitForLoadMs?: number;
  /** Hard stop for the whole run. Default: twice maxWaitForLoadMs plus 30 s. */
  timeoutMs?: number;
  /**
   * The audited site's egress policy. Lighthouse opens its tab in the browser's default context, whose proxy
   * listener takes this policy for the run (runs are serialised) and goes back to the launch's policy after it.
   */
  egress?: EgressPolicy;
}

/**
 * What a collector needs to run Lighthouse on its site (proposed `SiteContext.lighthouse`): the site scan wires
 * `run` to `runLighthouse(session, url, …)` and leaves the field out when Lighthouse is switched off.
 */
export interface LighthouseHook {
  /** Pages audited besides the home page (ScanOptions.lighthouse.keyPages). */
  keyPages: number;
  run(url: string): Promise<LighthousePageRun>;
}

const CATEGORIES = {
  accessibility: 'accessibility',
  bestPractices: 'best-practices',
  seo: 'seo',
  performance: 'performance',
} as const satisfies Record<keyof LighthouseScores, string>;

interface LoadedLighthouse {
  run: typeof LighthouseRun;
  version: string;
}

let loading: Promise<LoadedLighthouse> | undefined;

/**
 * Lighthouse, loaded on first use. It cannot be bundled (it loads its audits and locale files from its own
 * folder), so the Action's single-file bundle leaves it out: there it is found in the working directory's
 * node_modules, where a workflow step `npm install lighthouse@12` puts it. Lighthouse 13 needs Node ≥ 22.19.
 */
export function loadLighthouse(): Promise<LoadedLighthouse> {
  loading ??= (async () => {
    const failures: string[] = [];
    for (const base of [import.meta.url, pathToFileURL(`${process.cwd()}/`).href]) {
      try {
        const require = createRequire(base);
        const entry = require.resolve('lighthouse');
        const module = (await import(pathToFileURL(entry).href)) as { default: typeof LighthouseRun };
        const { version } = require('lighthouse/package.json') as { version: string };
        return { run: module.default, version };
      } catch (error) {
        failures.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
      }
    }
    throw new Error(
      `Lighthouse is not installed (${failures.join('; ')}): run \`npm install lighthouse@12\` in the working directory, or switch Lighthouse off`,
    );
  })();
  return loading;
}

const NO_SCORES: LighthouseScores = {
  accessibility: null,
  bestPractices: null,
  seo: null,
  performance: null,
};

/**
 * Lighthouse 12 on the scan's own Chromium, over its remote-debugging port (never a browser per URL), one run
 * at a time through the session's lock. The default config is Lighthouse's mobile run: a Moto G Power-sized
 * screen and simulated slow 4G with a 4× CPU slowdown — the connection much of rural Guatemala has, which is
 * why the methodology asks for "speed on a slow connection". Lighthouse 13 needs Node ≥ 22.19; we run on 20.
 * Never throws: a failed run comes back with null scores and `error`.
 */
export async function runLighthouse(
  session: Pick<BrowserSession, 'debuggingPort' | 'lighthouseLock' | 'egress'>,
  url: string,
  options: LighthouseRunOptions = {},
): Promise<LighthousePageRun> {
  const maxWaitForLoad = options.maxWaitForLoadMs ?? 45_000;
  const timeoutMs = options.timeoutMs ?? maxWaitForLoad * 2 + 30_000;
  const flags: Flags = {
    port: session.debuggingPort,
    hostname: '127.0.0.1',
    logLevel: 'error',
    output: 'json',
    onlyCategories: Object.values(CATEGORIES),
    formFactor: 'mobile',
    throttlingMethod: 'simulate',
    maxWaitForLoad,
  };
  return session.lighthouseLock(async () => {
    const started = Date.now();
    const done = (partial: {
      scores?: LighthouseScores;
      error?: string;
      version?: string;
    }): LighthousePageRun => ({
      url,
      scores: partial.scores ?? NO_SCORES,
      ...(partial.error ? { error: partial.error } : {}),
      lighthouseVersion: partial.version ?? 'unknown',
      durationMs: Date.now() - started,
    });
    let timer: NodeJS.Timeout | undefined;
    const listener = session.egress?.defaultListener;
    if (listener && options.egress) listener.setPolicy(options.egress);
    try {
      const lighthouse = await loadLighthouse();
      const run = lighthouse.run(url, flags);
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const result = await Promise.race([run, timeout]);
      if (result === 'timeout') {
        // The run cannot be cancelled; keep the lock until it ends so the next run does not share the browser
        // target with it.
        await run.catch(() => undefined);
        return done({ error: `timeout after ${timeoutMs} ms`, version: lighthouse.version });
      }
      if (!result) return done({ error: 'lighthouse returned no result', version: lighthouse.version });
      return done({
        scores: scoresOf(result.lhr),
        error: runtimeError(result.lhr),
        version: result.lhr.lighthouseVersion,
      });
    } catch (error) {
      return done({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
      if (listener && options.egress)
        listener.setPolicy(
          session.egress?.defaultPolicy ?? createEgressPolicy({ resolver: listener.policy.resolver }),
        );
    }
  });
}

function scoresOf(lhr: Result): LighthouseScores {
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    return typeof value === 'number' ? Math.round(value * 100) : null;
  };
  return {
    accessibility: score(CATEGORIES.accessibility),
    bestPractices: score(CATEGORIES.bestPractices),
    seo: score(CATEGORIES.seo),
    performance: score(CATEGORIES.performance),
  };
}

/** Lighthouse reports page-level failures (no FCP, DNS failure, 4xx document) here rather than throwing. */
function runtimeError(lhr: Result): string | undefined {
  return lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined;
}
