import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compactRun, defaultRubric } from '@egov-monitor/rubric';
import { openApiValidator, startGitHubDouble, virtualClock } from '../github/test-support/github-double.js';
import type { DoubleOptions, GitHubDouble, VirtualClock } from '../github/test-support/github-double.js';
import { openGitHubHistory } from './github-store.js';
import type { GitHubHistoryOptions } from './github-store.js';
import { openLocalHistory } from './local-store.js';
import { recordRun } from './record-run.js';
import { HistoryStoreError, latestResultsBytes, planAppend, readRuns } from './store.js';
import { resultsAt } from './test-helpers/results-at.js';

let gh: GitHubDouble;
// The client and the double share a virtual clock: GitHub's pacing of writes and the pauses before a retry are
// the production ones and cost no real time.
let clock: VirtualClock;
const BRANCH = 'egov-monitor-data';

async function startDouble(options: Omit<DoubleOptions, 'clock'> = {}): Promise<GitHubDouble> {
  clock = virtualClock();
  return startGitHubDouble({ ...options, clock });
}

function store(extra: Partial<GitHubHistoryOptions> = {}) {
  return openGitHubHistory({
    token: 'test-token',
    owner: gh.owner,
    repo: gh.repo,
    baseUrl: gh.baseUrl,
    client: { clock },
    ...extra,
  });
}

beforeAll(() => {
  openApiValidator();
}, 60_000);

afterEach(async () => {
  // Every request and every answer matched GitHub's OpenAPI description.
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe('the history on a data branch (Git Data API)', () => {
  it('creates the branch on the first run and moves it fast-forward after; the same files as a history folder', async () => {
    // GHES-style prefix: the store honours baseUrl.
    gh = await startDouble({ pathPrefix: '/api/v3' });
    const history = store();
    expect(await history.readIndex()).toEqual({ format: 1, latest: null, runs: [] });
    expect(await history.readLatestResults()).toBeNull();

    const dir = await mkdtemp(join(tmpdir(), 'egov-history-gh-'));
    try {
      const local = openLocalHistory(dir);
      const runs = [
        resultsAt('2026-01-05T06:00:00.000Z'),
        resultsAt('2026-02-05T06:00:00.000Z'),
        resultsAt('2026-03-05T06:00:00.000Z'),
      ];
      for (const results of runs) {
        await recordRun(history, results, { rubric: defaultRubric, list: 'guatemala' });
        await recordRun(local, results, { rubric: defaultRubric, list: 'guatemala' });
      }
      expect(gh.git.log(BRANCH)).toHaveLength(3);
      expect(gh.git.log(BRANCH)[0]).toMatch(
        /^egov-monitor: run 20260305T060000Z-[0-9a-f]{6} \(6 site\(s\), guatemala\)$/,
      );
      // Byte for byte the layout of the folder: a checkout of the branch is a history folder.
      const files = gh.git.listFiles(BRANCH);
      expect(files).toEqual(
        [
          'index.json',
          'latest/results.json.gz',
          ...(await history.readIndex()).runs.map((r) => r.file),
        ].sort(),
      );
      for (const file of files)
        expect(gh.git.readFile(BRANCH, file)!.equals(await readFile(join(dir, file))), file).toBe(true);

      const index = await history.readIndex();
      const read = [];
      for await (const run of readRuns(history, index)) read.push(run.startedAt);
      expect(read).toEqual(runs.map((r) => r.startedAt));
      expect(await history.readLatestResults()).toEqual(runs[2]);
      // Fast-forward only, never forced.
      const updates = gh.requests.filter((r) => r.method === 'PATCH');
      expect(updates).toHaveLength(2);
      expect(updates.every((r) => (r.body as { force?: boolean }).force === false)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts again from the new head when another run moved the branch, keeping both runs and the other writer', async () => {
    gh = await startDouble();
    const history = store();
    await recordRun(history, resultsAt('2026-01-05T06:00:00.000Z'), { rubric: defaultRubric });
    // Another job saves a newer run (March) between our read and our ref update of February's.
    const march = resultsAt('2026-03-05T06:00:00.000Z');
    const latestMarch = await latestResultsBytes(march);
    gh.git.interleave(() => {
      const current = JSON.parse(gh.git.readFile(BRANCH, 'index.json')!.toString());
      const plan = planAppend(current, compactRun(march, { rubric: defaultRubric }), latestMarch);
      gh.git.commitFiles(
        BRANCH,
        Object.fromEntries(plan.files.map((f) => [f.path, f.content])),
        'the other job',
      );
    });
    const blobsBefore = gh.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/git/blobs'),
    ).length;
    const second = await recordRun(history, resultsAt('2026-02-05T06:00:00.000Z'), { rubric: defaultRubric });
    expect(second).toMatchObject({ runs: 3, latest: false });
    expect(gh.git.log(BRANCH)).toEqual([
      expect.stringMatching(/^egov-monitor: run 20260205/),
      'the other job',
      expect.stringMatching(/^egov-monitor: run 20260105/),
    ]);
    const index = await history.readIndex();
    expect(index.runs.map((r) => r.startedAt.slice(0, 7))).toEqual(['2026-01', '2026-02', '2026-03']);
    // March is newer: its full results stay the latest, not February's that was saved after it.
    expect((await history.readLatestResults())?.startedAt).toBe(march.startedAt);
    expect(gh.requests.filter((r) => r.method === 'PATCH' && r.status === 422)).toHaveLength(1);
    // The retry reused the blobs it had uploaded (run file, results): only the new index was sent again.
    const blobs =
      gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/blobs')).length - blobsBefore;
    expect(blobs).toBe(3 + 1);
  });

  it('gives up with a clear error when the branch keeps moving', async () => {
    gh = await startDouble();
    const history = store({ maxAttempts: 2 });
    await recordRun(history, resultsAt('2026-01-05T06:00:00.000Z'), { rubric: defaultRubric });
    for (let i = 0; i < 2; i += 1)
      gh.git.interleave(() => gh.git.commitFiles(BRANCH, { [`x${i}`]: 'x' }, `other ${i}`));
    await expect(
      recordRun(history, resultsAt('2026-02-05T06:00:00.000Z'), { rubric: defaultRubric }),
    ).rejects.toThrow(
      /branch egov-monitor-data of red-ciudadana\/diagnostico: moving the branch \(it moved under us 2 times\) failed: HTTP 422/,
    );
  });

  it('reads results over 1 MB through the blob API, as GitHub serves them', async () => {
    gh = await startDouble();
    const big = resultsAt('2026-01-05T06:00:00.000Z', (results) => {
      // Hashes do not compress, so the gzip stays over the contents API's 1 MB.
      const noise = (i: number) => createHash('sha512').update(String(i)).digest('hex');
      results.sites[0]!.maturity.criteria[0]!.evidence = Array.from({ length: 20_000 }, (_, i) => ({
        url: 'https://www.minfin.gob.gt/',
        detail: noise(i),
      }));
    });
    const history = store();
    await recordRun(history, big, { rubric: defaultRubric });
    expect(gh.git.readFile(BRANCH, 'latest/results.json.gz')!.length).toBeGreaterThan(1024 * 1024);
    expect(
      JSON.parse(gunzipSync(gh.git.readFile(BRANCH, 'latest/results.json.gz')!).toString()).startedAt,
    ).toBe(big.startedAt);
    expect(await history.readLatestResults()).toEqual(big);
    expect(gh.requests.some((r) => r.method === 'GET' && /\/git\/blobs\/[0-9a-f]{40}$/.test(r.path))).toBe(
      true,
    );
  });

  it('says which repository and step failed, and what permission the token needs', async () => {
    gh = await startDouble();
    gh.inject({ match: (r) => r.method === 'POST' && r.path.endsWith('/git/blobs'), kind: 'unprocessable' });
    const error = await recordRun(store(), resultsAt('2026-01-05T06:00:00.000Z'), {
      rubric: defaultRubric,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryStoreError);
    expect((error as HistoryStoreError).message).toMatch(
      /history on branch egov-monitor-data of red-ciudadana\/diagnostico: writing runs\/2026\/.*failed: HTTP 422/,
    );
    // The status lets the Action tell a refused request (a token without the permission) from a broken history.
    expect((error as HistoryStoreError).status).toBe(422);
  });

  it('names the permission when the token may read the repository but not write its contents', async () => {
    gh = await startDouble({ permissions: { issues: 'write', contents: 'read' } });
    const error = await recordRun(store(), resultsAt('2026-01-05T06:00:00.000Z'), {
      rubric: defaultRubric,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryStoreError);
    expect((error as HistoryStoreError).status).toBe(403);
    expect((error as HistoryStoreError).message).toMatch(/HTTP 403.*the token needs `contents: write`/);
    // Nothing was written: no blob, no branch.
    expect(gh.git.listFiles(BRANCH)).toEqual([]);
    expect(gh.requests.filter((r) => r.method === 'POST' && r.status === 201)).toEqual([]);
  });
});
