/**
 * Where the history lives (docs/history.md): a folder (`--history DIR`) or a data branch of the monitoring
 * repository, with the same files either way. A store reads and appends; what the files hold and how an append
 * changes them is decided once, here and in the rubric, so both backends write the same bytes.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import type { HistoryIndex, HistoryIndexEntry, HistoryRun, ScanResults } from '@egov-monitor/rubric';
import {
  addRunToIndex,
  HISTORY_INDEX_FILE,
  historyRunFile,
  LATEST_RESULTS_FILE,
  parseHistoryIndex,
  parseHistoryRun,
  validateResults,
} from '@egov-monitor/rubric';
import { resultsJsonChunks } from '../outputs/results-json.js';

export interface AppendResult {
  runId: string;
  /** Runs in the history after the append. */
  runs: number;
  /** Whether the run's full results became the kept latest results. */
  latest: boolean;
  /** Where it went: the folder, or `branch@commit`. */
  location: string;
}

export interface HistoryStore {
  /** For messages: `folder /x/history`, `branch egov-monitor-data of owner/repo`. */
  readonly description: string;
  /** The index; an empty one when the history does not exist yet. */
  readIndex(): Promise<HistoryIndex>;
  /** One run's compact file, validated, as read by the last `readIndex`. */
  readRun(entry: HistoryIndexEntry): Promise<HistoryRun>;
  /** The newest run's full results, or null when none are kept. */
  readLatestResults(): Promise<ScanResults | null>;
  /**
   * Adds a run: its compact file, the index and, when it is the newest, its full results (`latest`: the run's
   * results.json, gzip-compressed — latestResultsBytes / latestResultsFileBytes).
   */
  append(run: HistoryRun, latest: Buffer): Promise<AppendResult>;
}

/** A history that cannot be read or written: the message names the store and what went wrong. */
export class HistoryStoreError extends Error {
  override name = 'HistoryStoreError';
  /** The HTTP status when the GitHub API refused or failed (403: the token lacks the permission). */
  readonly status: number | undefined;
  constructor(message: string, options: { status?: number } = {}) {
    super(message);
    this.status = options.status;
  }
}

export interface HistoryFile {
  path: string;
  content: Buffer;
}

/**
 * A run as JSON with one site per line: still one JSON document, but a diff of the data branch shows which sites
 * changed, and the file stays small (no indentation).
 */
export function runFileText(run: HistoryRun): string {
  const { sites, ...head } = run;
  const opening = JSON.stringify(head).slice(0, -1);
  return `${opening},"sites":[\n${sites.map((site) => JSON.stringify(site)).join(',\n')}\n]}\n`;
}

export function indexFileText(index: HistoryIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

/** The size of the blocks gzip is fed: zlib's output depends on how its input is cut, not only on the bytes. */
const GZIP_BLOCK = 64 * 1024;

/** The bytes of `source` in blocks of exactly GZIP_BLOCK bytes (the last one shorter), however they arrive. */
async function* fixedBlocks(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    pending.push(bytes);
    length += bytes.length;
    if (length < GZIP_BLOCK) continue;
    let all = Buffer.concat(pending);
    while (all.length >= GZIP_BLOCK) {
      yield all.subarray(0, GZIP_BLOCK);
      all = all.subarray(GZIP_BLOCK);
    }
    pending = [all];
    length = all.length;
  }
  if (length > 0) yield Buffer.concat(pending);
}

/**
 * gzip at a fixed level with a zero mtime, streamed: the same text always gives the same bytes (and blob id),
 * whether it comes from a file or from memory (zlib sees the same blocks), and a results.json too long for one
 * string is compressed chunk by chunk.
 */
async function gzipped(source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(fixedBlocks(source)),
    createGzip({ level: 9 }),
    async (compressed: AsyncIterable<Buffer>) => {
      for await (const part of compressed) parts.push(part);
    },
  );
  return Buffer.concat(parts);
}

/** The history's copy of a run's results.json file as the run wrote it (the pipeline's streamed report). */
export function latestResultsFileBytes(resultsJson: string): Promise<Buffer> {
  return gzipped(createReadStream(resultsJson) as AsyncIterable<Buffer>);
}

/** The history's copy of results in memory: results.json as writeReport writes it (resultsJsonChunks), gzip. */
export function latestResultsBytes(results: ScanResults): Promise<Buffer> {
  return gzipped(resultsJsonChunks(results, results.sites).chunks);
}

/**
 * What appending `run` to a history with `index` writes: the run's file, the latest results when the run is the
 * newest, and the index last (a reader that sees the index finds every file it names).
 */
export function planAppend(
  index: HistoryIndex,
  run: HistoryRun,
  latest: Buffer,
): { index: HistoryIndex; isLatest: boolean; files: HistoryFile[] } {
  const next = addRunToIndex(index, run);
  return {
    ...next,
    files: [
      { path: historyRunFile(run.id), content: Buffer.from(runFileText(run)) },
      ...(next.isLatest ? [{ path: LATEST_RESULTS_FILE, content: latest }] : []),
      { path: HISTORY_INDEX_FILE, content: Buffer.from(indexFileText(next.index)) },
    ],
  };
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new HistoryStoreError(
      `${what}: not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function decodeIndex(bytes: Buffer, what: string): HistoryIndex {
  return parseHistoryIndex(parseJson(bytes, what), what);
}

export function decodeRun(bytes: Buffer, entry: HistoryIndexEntry, what: string): HistoryRun {
  const run = parseHistoryRun(parseJson(bytes, what), what);
  if (run.id !== entry.id)
    throw new HistoryStoreError(`${what}: holds run ${run.id}, but the index lists it as ${entry.id}`);
  return run;
}

export function decodeLatestResults(bytes: Buffer, what: string): ScanResults {
  let text: Buffer;
  try {
    text = gunzipSync(bytes);
  } catch (error) {
    throw new HistoryStoreError(
      `${what}: not gzip: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const value = parseJson(text, what);
  const validation = validateResults(value);
  if (!validation.valid)
    throw new HistoryStoreError(
      `${what}: not a valid results.json: ${validation.errors.slice(0, 3).join('; ')}`,
    );
  return value as ScanResults;
}

/** Every run of the history, oldest first, one at a time: a caller never holds more than one run's file. */
export async function* readRuns(store: HistoryStore, index: HistoryIndex): AsyncGenerator<HistoryRun> {
  for (const entry of index.runs) yield await store.readRun(entry);
}
