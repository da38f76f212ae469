import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compactRun, defaultRubric } from '@egov-monitor/rubric';
import type { SiteEvidence, SiteTarget } from '@egov-monitor/rubric';
import type { BrowserSession, ScanOptions } from '@egov-monitor/scanner';
import { openLocalHistory } from '@egov-monitor/reporter';
import type { HistoryStore } from '@egov-monitor/reporter';
import type * as Scanner from '@egov-monitor/scanner';
import { PipelineConfigError } from './errors.js';
import { runScan } from './run-scan.js';

// The pipeline's use of the history, with the scanner replaced by a double (fixtures.integration tests run the real one).
const scanner = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@egov-monitor/scanner', async (importOriginal) => {
  // The CA reader's PEM helpers are real: NODE_EXTRA_CA_CERTS may be set where the tests run.
  const { splitPemBundle, withoutSystemRoots } = await importOriginal<typeof Scanner>();
  return {
    splitPemBundle,
    withoutSystemRoots,
    DEFAULT_SCAN_OPTIONS: {
      maxPages: 30,
      maxDepth: 4,
      userAgent: 'egov-monitor-test',
      extraCaPems: [],
      lighthouse: { enabled: false, keyPages: 0 },
    },
    findChromeExecutable: () => '/usr/bin/chromium',
    launchBrowser: async (): Promise<BrowserSession> => ({
      browser: { isConnected: () => true } as BrowserSession['browser'],
      debuggingPort: 0,
      executablePath: '/usr/bin/chromium',
      lighthouseLock: (work) => work(),
      close: async () => undefined,
    }),
    scanSite: async (
      _session: BrowserSession,
      target: SiteTarget,
      options: ScanOptions,
    ): Promise<SiteEvidence> => {
      scanner.calls += 1;
      return {
        target,
        finalUrl: target.url,
        scannedAt: (options.now ?? new Date()).toISOString(),
        gathered: {},
      };
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'egov-pipeline-history-'));
  scanner.calls = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const targets: SiteTarget[] = [
  { url: 'https://www.minfin.gob.gt/', name: 'MINFIN', group: 'ministerio' },
  { url: 'https://www.mineco.gob.gt/', name: 'MINECO', group: 'ministerio' },
];
const run = (day: number, extra: Partial<Parameters<typeof runScan>[0]> = {}) =>
  runScan({
    targets,
    outDir: join(dir, `out-${day}`),
    now: new Date(Date.UTC(2026, 0, day, 6)),
    concurrency: 1,
    ...extra,
  });

describe('runScan with a history', () => {
  it('compares with the newest run of the history and appends the run after the report', async () => {
    const history = openLocalHistory(join(dir, 'history'));
    const first = await run(5, { history, listName: 'guatemala' });
    expect(first.previousFrom).toBeNull();
    expect(first.results.comparison).toBeUndefined();
    expect(first.history).toMatchObject({ appended: { runs: 1, latest: true } });

    const second = await run(12, { history, listName: 'guatemala' });
    expect(second.previousFrom).toBe('history');
    expect(second.results.comparison?.previousStartedAt).toBe(first.results.startedAt);
    const index = await history.readIndex();
    expect(index.runs.map((r) => [r.startedAt, r.list])).toEqual([
      [first.results.startedAt, 'guatemala'],
      [second.results.startedAt, 'guatemala'],
    ]);
    // The run was appended from its files (the report is streamed): the same compact run as from the results in
    // memory, and results.json itself, byte for byte, as the kept latest results.
    const full = await second.readResults();
    expect(await history.readRun(index.runs[1]!)).toEqual(
      compactRun(full, { rubric: defaultRubric, list: 'guatemala' }),
    );
    expect(gunzipSync(await readFile(join(dir, 'history', 'latest', 'results.json.gz')))).toEqual(
      await readFile(second.reportFiles[0]!),
    );
    expect(await history.readLatestResults()).toEqual(full);
  });

  it('an explicit previous run wins over the history', async () => {
    const history = openLocalHistory(join(dir, 'history'));
    const old = await run(1);
    await run(5, { history });
    const third = await run(12, { history, previous: await old.readResults() });
    expect(third.previousFrom).toBe('option');
    expect(third.results.comparison?.previousStartedAt).toBe(old.results.startedAt);
  });

  it('stops before scanning when the history cannot be read', async () => {
    const history = openLocalHistory(join(dir, 'history'));
    await run(5, { history });
    await writeFile(join(dir, 'history', 'latest', 'results.json.gz'), 'not gzip');
    const calls = scanner.calls;
    await expect(run(12, { history })).rejects.toThrow(PipelineConfigError);
    await expect(run(12, { history })).rejects.toThrow(
      /cannot read the previous run from the history: .*results\.json\.gz: not gzip/,
    );
    expect(scanner.calls).toBe(calls);
  });

  it('reports a failed append without losing the run', async () => {
    const broken: HistoryStore = {
      description: 'a store that refuses writes',
      readIndex: async () => ({ format: 1, latest: null, runs: [] }),
      readRun: async () => {
        throw new Error('unused');
      },
      readLatestResults: async () => null,
      append: async () => {
        throw new Error('HTTP 403: Resource not accessible by integration');
      },
    };
    const outcome = await run(5, { history: broken });
    expect(outcome.history).toEqual({ error: 'Error: HTTP 403: Resource not accessible by integration' });
    expect(outcome.reportFiles).toHaveLength(4);
  });
});
