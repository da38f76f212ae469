import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanResults, SiteEvidence, SiteTarget } from '@egov-monitor/rubric';
import type * as Scanner from '@egov-monitor/scanner';
import type { BrowserSession, ScanOptions } from '@egov-monitor/scanner';
import { crawlEvidence } from '@egov-monitor/rubric/test-support';
import { mergeShards, ShardMergeError } from './merge-shards.js';
import { runScan } from './run-scan.js';
import type { RunOptions } from './run-scan.js';
import { parseUrlList } from './url-list.js';

// The merge's mechanics with the scanner replaced by a double (each site's evidence depends only on its URL);
// apps/cli/src/shard.e2e.test.ts runs the real scanner in 3 processes.
const scanner = vi.hoisted(() => ({ calls: [] as string[] }));

vi.mock('@egov-monitor/scanner', async (importOriginal) => {
  const actual = await importOriginal<typeof Scanner>();
  return {
    splitPemBundle: actual.splitPemBundle,
    withoutSystemRoots: actual.withoutSystemRoots,
    DEFAULT_SCAN_OPTIONS: actual.DEFAULT_SCAN_OPTIONS,
    findChromeExecutable: () => '/usr/bin/chromium',
    launchBrowser: async () =>
      ({ browser: { isConnected: () => true }, close: async () => undefined }) as unknown as BrowserSession,
    scanSite: async (
      _session: BrowserSession,
      target: SiteTarget,
      options: ScanOptions,
    ): Promise<SiteEvidence> => {
      scanner.calls.push(target.url);
      // Sites of different sizes, so levels and aggregates differ between them.
      const pages = 1 + (Number(/(\d+)/.exec(target.url)?.[1] ?? 0) % 7) * 6;
      return {
        target,
        finalUrl: target.url,
        scannedAt: (options.now ?? new Date()).toISOString(),
        gathered: { crawl: { status: 'ok', data: crawlEvidence(target.url, pages) } },
      };
    },
  };
});

const now = new Date('2026-12-01T12:00:00Z');
const yaml = [
  ...Array.from(
    { length: 10 },
    (_, i) =>
      `- url: https://sitio-${i}.gob.gt/\n  name: Sitio ${i}\n  group: ${i % 2 ? 'ministerio' : 'secretaria'}`,
  ),
  '- "esto no es una url"',
  '- https://sitio-3.gob.gt/',
].join('\n');
const list = parseUrlList(yaml, 'yaml');

let root: string;
const dirs: string[] = [];
const freshDir = async () => {
  root ??= await mkdtemp(join(tmpdir(), 'egov-merge-'));
  const dir = join(root, `d${dirs.length}`);
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  scanner.calls.length = 0;
});

const base = (outDir: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  targets: list.targets,
  listProblems: list.problems,
  outDir,
  now,
  concurrency: 2,
  ...extra,
});
const read = async (dir: string, file = 'results.json') => readFile(join(dir, file), 'utf8');
const scanShards = async (count: number, runId = 'r1', options: Partial<RunOptions> = {}) => {
  const out: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const dir = await freshDir();
    await runScan(base(dir, { shard: { index, count }, runId, ...options }));
    out.push(dir);
  }
  return out;
};

describe('mergeShards', () => {
  it('writes the results.json and reports of the single run, from 3 shards given in any order', async () => {
    const single = await freshDir();
    await runScan(base(single));
    const shards = await scanShards(3);
    const merged = await freshDir();
    const outcome = await mergeShards({ dirs: [shards[1]!, shards[2]!, shards[0]!], outDir: merged });
    expect(outcome.missing).toEqual([]);
    expect(outcome.counts.total).toBe(12);
    expect(JSON.parse(await read(merged))).toEqual(JSON.parse(await read(single)));
    for (const file of ['report.md', 'report.csv', 'report.html'])
      expect(await read(merged, file)).toBe(await read(single, file));
  });

  it('records the shard in each results.json: the list, the rubric, the run and the entries it owns', async () => {
    const shards = await scanShards(3, 'r2');
    const heads = await Promise.all(shards.map(async (dir) => JSON.parse(await read(dir)) as ScanResults));
    const owned = heads
      .flatMap((head) => head.shard!.sites.map((site) => site.position))
      .sort((a, b) => a - b);
    expect(owned).toEqual(Array.from({ length: 12 }, (_, i) => i));
    // Both entries of sitio-3 (the second is a duplicate) are in one shard.
    const withSitio3 = heads.filter((head) =>
      head.sites.some((site) => site.url === 'https://sitio-3.gob.gt/'),
    );
    expect(withSitio3).toHaveLength(1);
    expect(withSitio3[0]!.sites.filter((site) => site.url === 'https://sitio-3.gob.gt/')).toHaveLength(2);
    for (const head of heads) {
      expect(head.shard).toMatchObject({
        count: 3,
        runId: 'r2',
        list: { entries: 12 },
        rubric: { version: 1 },
      });
      expect(head.shard!.list.fingerprint).toBe(heads[0]!.shard!.list.fingerprint);
    }
  });

  it('reports a site a shard owns but lacks as missing-from-shard, never drops it; --resume re-runs only it', async () => {
    const shards = await scanShards(2, 'r3');
    const file = join(shards[0]!, 'results.json');
    const head = JSON.parse(await readFile(file, 'utf8')) as ScanResults;
    const lost = head.sites.find((site) => site.status === 'ok')!;
    await writeFile(file, JSON.stringify({ ...head, sites: head.sites.filter((site) => site !== lost) }));
    const merged = await freshDir();
    const outcome = await mergeShards({ dirs: shards, outDir: merged });
    expect(outcome.missing).toEqual([{ url: lost.url, shard: '1/2' }]);
    const results = JSON.parse(await read(merged)) as ScanResults;
    expect(results.sites).toHaveLength(12);
    const reported = results.sites.find((site) => site.url === lost.url)!;
    expect(reported).toMatchObject({ status: 'error', error: { code: 'missing-from-shard' } });
    expect(reported.maturity.level).toBe(0);
    expect(outcome.validation.valid).toBe(true);

    // The shard run again alone: what it finished is kept, only the lost site's file is scanned again.
    const slug = head.shard!.sites.find((site) => site.url === lost.url)!.slug;
    await unlink(join(shards[0]!, 'sites', `${slug}.json`));
    scanner.calls.length = 0;
    await runScan(base(shards[0]!, { shard: { index: 1, count: 2 }, runId: 'r3', resume: true }));
    expect(scanner.calls).toEqual([lost.url]);
    const again = await mergeShards({ dirs: shards, outDir: await freshDir() });
    expect(again.missing).toEqual([]);
  });

  it('refuses, in one line, shards of another run, list, split or rubric, a missing or repeated shard', async () => {
    const shards = await scanShards(2, 'r4');
    const out = await freshDir();
    const refuse = async (dirs: string[], message: RegExp, options = {}) => {
      const error = await mergeShards({ dirs, outDir: out, ...options }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShardMergeError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    };
    const [otherRun] = await scanShards(1, 'r5', { shard: { index: 2, count: 2 } });
    await refuse([shards[0]!, otherRun!], /^shards of different runs: .* has run "r4", .* has run "r5"$/);
    const longer = parseUrlList(`${yaml}\n- https://otro.gob.gt/`, 'yaml');
    const otherList = await freshDir();
    await runScan(
      base(otherList, {
        targets: longer.targets,
        listProblems: longer.problems,
        shard: { index: 2, count: 2 },
        runId: 'r4',
      }),
    );
    await refuse([shards[0]!, otherList], /^shards of different lists: /);
    const [split] = await scanShards(1, 'r4', { shard: { index: 1, count: 3 } });
    await refuse([shards[0]!, split!], /^shards of different splits: .* has shard K\/2, .* has shard K\/3$/);
    await refuse([shards[0]!], /^missing shard\(s\) 2\/2 of run "r4"/);
    await refuse([shards[0]!, shards[0]!, shards[1]!], /^shard 1\/2 given twice/);
    await refuse([join(root, 'nowhere'), shards[1]!], /no results\.json: that shard did not finish/);
    const { readProfile } = await import('./profile-file.js');
    await refuse(shards, /give merge the same --profile and --rubric/, {
      profile: await readProfile('el-salvador'),
    });
  });

  it('a shard needs a run id and leaves the history to the merge', async () => {
    const dir = await freshDir();
    await expect(runScan(base(dir, { shard: { index: 1, count: 2 } }))).rejects.toThrow(
      /a shard needs a run id/,
    );
    const history = { readLatestResults: async () => null } as unknown as NonNullable<RunOptions['history']>;
    await expect(runScan(base(dir, { shard: { index: 1, count: 2 }, runId: 'x', history }))).rejects.toThrow(
      /a shard does not write the history/,
    );
  });
});
