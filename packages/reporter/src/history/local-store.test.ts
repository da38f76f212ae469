import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactRun, defaultRubric, HistoryFormatError } from '@egov-monitor/rubric';
import { openLocalHistory } from './local-store.js';
import { recordRun } from './record-run.js';
import { readRuns } from './store.js';
import { resultsAt } from './test-helpers/results-at.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'egov-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a history folder', () => {
  it('starts empty, then keeps one compact file per run, the index and the newest full results', async () => {
    const store = openLocalHistory(join(dir, 'h'));
    expect(await store.readIndex()).toEqual({ format: 1, latest: null, runs: [] });
    expect(await store.readLatestResults()).toBeNull();

    const jan = resultsAt('2026-01-05T06:00:00.000Z');
    const feb = resultsAt('2026-02-05T06:00:00.000Z');
    const first = await recordRun(store, jan, { rubric: defaultRubric, list: 'guatemala' });
    const second = await recordRun(store, feb, { rubric: defaultRubric, list: 'guatemala' });
    expect(first).toMatchObject({ runs: 1, latest: true });
    expect(second).toMatchObject({ runs: 2, latest: true });

    const index = await store.readIndex();
    expect(index.runs.map((r) => r.startedAt)).toEqual([jan.startedAt, feb.startedAt]);
    expect(index.latest).toBe(second.runId);
    expect(index.runs[0]!.file).toMatch(/^runs\/2026\/20260105T060000Z-[0-9a-f]{6}\.json$/);
    const runs = [];
    for await (const run of readRuns(store, index)) runs.push(run);
    expect(runs.map((r) => r.id)).toEqual([first.runId, second.runId]);
    expect(runs[1]).toEqual(compactRun(feb, { rubric: defaultRubric, list: 'guatemala' }));
    expect(await store.readLatestResults()).toEqual(feb);

    // One site per line: a diff of the history shows which sites changed.
    const text = await readFile(join(dir, 'h', index.runs[1]!.file), 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('{"id":'))).toHaveLength(feb.sites.length);
  });

  it('appending the same run again replaces it; an older run appended late does not replace the latest results', async () => {
    const store = openLocalHistory(dir);
    const feb = resultsAt('2026-02-05T06:00:00.000Z');
    await recordRun(store, feb, { rubric: defaultRubric });
    await recordRun(store, feb, { rubric: defaultRubric });
    const late = await recordRun(store, resultsAt('2026-01-05T06:00:00.000Z'), { rubric: defaultRubric });
    expect(late).toMatchObject({ runs: 2, latest: false });
    expect((await store.readLatestResults())?.startedAt).toBe(feb.startedAt);
  });

  it("waits for another writer's lock, and takes over a lock a crashed run left behind", async () => {
    await writeFile(join(dir, '.lock'), '1\n');
    const waiting = openLocalHistory(dir, { lockWaitMs: 0 });
    await expect(
      recordRun(waiting, resultsAt('2026-01-05T06:00:00.000Z'), { rubric: defaultRubric }),
    ).rejects.toThrow(/another egov-monitor is writing this history/);
    const old = new Date(Date.now() - 60 * 60_000);
    await utimes(join(dir, '.lock'), old, old);
    await expect(
      recordRun(openLocalHistory(dir), resultsAt('2026-01-05T06:00:00.000Z'), { rubric: defaultRubric }),
    ).resolves.toMatchObject({ runs: 1 });
  });

  it('names the file and the key when a file was edited into something invalid', async () => {
    const store = openLocalHistory(dir);
    await recordRun(store, resultsAt('2026-01-05T06:00:00.000Z'), { rubric: defaultRubric });
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    index.runs[0].sites = 'many';
    await writeFile(join(dir, 'index.json'), JSON.stringify(index));
    await expect(store.readIndex()).rejects.toThrow(HistoryFormatError);
    await expect(store.readIndex()).rejects.toThrow(/index\.json: .*runs\[0\]\.sites/);
    await writeFile(join(dir, 'index.json'), '{');
    await expect(store.readIndex()).rejects.toThrow(/index\.json: not JSON/);
  });
});
