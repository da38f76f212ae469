/**
 * The history in a folder (`--history DIR`): the same files as the data branch, so a checkout of that branch is
 * a history folder too. One writer at a time: an append holds `DIR/.lock` (created exclusively) while it writes,
 * each file through the product's atomic writer (outputs/atomic-file.ts), the index last.
 */
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HistoryIndex, HistoryIndexEntry, HistoryRun, ScanResults } from '@egov-monitor/rubric';
import { emptyHistoryIndex, HISTORY_INDEX_FILE, LATEST_RESULTS_FILE } from '@egov-monitor/rubric';
import { removeStaleTemporaries, writeFileAtomic } from '../outputs/atomic-file.js';
import type { AppendResult, HistoryStore } from './store.js';
import { decodeIndex, decodeLatestResults, decodeRun, HistoryStoreError, planAppend } from './store.js';

export interface LocalHistoryOptions {
  /** A lock older than this is left over from a crashed run and taken over (default 10 min). */
  staleLockMs?: number;
  /** How long to wait for another writer's lock before giving up (default 2 min). */
  lockWaitMs?: number;
}

const LOCK_FILE = '.lock';

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HistoryStoreError(`${path}: ${(error as Error).message}`);
  }
}

export function openLocalHistory(dir: string, options: LocalHistoryOptions = {}): HistoryStore {
  const root = resolve(dir);
  const staleLockMs = options.staleLockMs ?? 10 * 60_000;
  const lockWaitMs = options.lockWaitMs ?? 2 * 60_000;
  const file = (path: string) => join(root, ...path.split('/'));

  const readIndex = async (): Promise<HistoryIndex> => {
    const bytes = await readOptional(file(HISTORY_INDEX_FILE));
    return bytes ? decodeIndex(bytes, file(HISTORY_INDEX_FILE)) : emptyHistoryIndex();
  };

  const withLock = async <T>(work: () => Promise<T>): Promise<T> => {
    const lock = file(LOCK_FILE);
    const waitUntil = Date.now() + lockWaitMs;
    for (;;) {
      try {
        await mkdir(root, { recursive: true });
        const handle = await open(lock, 'wx');
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new HistoryStoreError(`${root}: cannot write: ${(error as Error).message}`);
        const since = await stat(lock).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        if (since > staleLockMs) {
          await rm(lock, { force: true });
          continue;
        }
        if (Date.now() > waitUntil) {
          throw new HistoryStoreError(
            `${root}: another egov-monitor is writing this history (${lock}); delete that file if no run is in progress`,
          );
        }
        await sleep(250);
      }
    }
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  };

  return {
    description: `folder ${root}`,
    readIndex,
    async readRun(entry: HistoryIndexEntry): Promise<HistoryRun> {
      const path = file(entry.file);
      const bytes = await readOptional(path);
      if (!bytes) throw new HistoryStoreError(`${path}: missing, but the index lists run ${entry.id}`);
      return decodeRun(bytes, entry, path);
    },
    async readLatestResults(): Promise<ScanResults | null> {
      const bytes = await readOptional(file(LATEST_RESULTS_FILE));
      return bytes ? decodeLatestResults(bytes, file(LATEST_RESULTS_FILE)) : null;
    },
    append(run: HistoryRun, latest: Buffer): Promise<AppendResult> {
      return withLock(async () => {
        const plan = planAppend(await readIndex(), run, latest);
        // What an append killed before its renames left behind (no writer holds the lock but us).
        for (const folder of new Set(plan.files.map((f) => dirname(file(f.path)))))
          await removeStaleTemporaries(folder);
        // The index goes last: until it is renamed into place, readers see the history as it was.
        for (const f of plan.files) await writeFileAtomic(file(f.path), f.content);
        return { runId: run.id, runs: plan.index.runs.length, latest: plan.isLatest, location: root };
      });
    },
  };
}
