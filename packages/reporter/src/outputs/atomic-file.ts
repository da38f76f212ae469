/**
 * Every file the tool writes goes through here: into a temporary file in the same folder, flushed to disk, then
 * renamed over the old one. A run killed mid-write (kill -9, a runner that times out) or a disk that fills up
 * leaves the previous file whole; a failed write removes its temporary file and says which file and why (#11).
 *
 * Not `write-file-atomic`: it takes the whole content as one string or buffer, and results.json must be streamed
 * (a list of 20,000 sites does not fit in one string), and it does not sync the folder after the rename.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * fsync the file before the rename and the folder after it, so the new file survives a power cut too. Default
   * true. Per-site files turn it off: each costs several milliseconds on a real disk (minutes for a long list),
   * and a site file lost to a power cut is only a site `--resume` scans again (it validates every file it reuses).
   */
  fsync?: boolean;
}

/** What the file system said, in words a person running the tool understands. */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder has that name',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error on the disk',
  EFBIG: 'the file is too large for the file system',
};

/** A file could not be written; the previous version of it, if there was one, is untouched. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
  readonly code: string | undefined;
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code && REASONS[code]
        ? `${REASONS[code]} (${code})`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    super(`could not write ${path}: ${reason}; the previous file, if any, is unchanged`, { cause });
    this.code = code;
  }
}

/** Temporary files are hidden and carry the writer's pid, so a later run can tell abandoned ones from live ones. */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** The name pipeline versions before #11 gave their temporary site files (`name.json.<pid>.tmp`). */
const LEGACY_TEMPORARY = /^(.+\.json)\.(\d+)\.tmp$/;

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Chunks are gathered up to this size before a write: one syscall per site of a 20,000-site list is wasteful. */
const WRITE_BUFFER = 256 * 1024;

/**
 * A file being written: `write` chunks, then `commit` (flush, rename into place) or `abort` (remove the
 * temporary file). Until `commit` resolves, the path still holds its previous content.
 */
export class AtomicFile {
  private pending: (string | Uint8Array)[] = [];
  private pendingLength = 0;
  private done = false;

  private constructor(
    readonly path: string,
    private readonly temporary: string,
    private handle: FileHandle | undefined,
    private readonly fsync: boolean,
  ) {}

  /** Creates the folder if needed and opens a fresh temporary file beside `path`. */
  static async open(path: string, options: AtomicWriteOptions = {}): Promise<AtomicFile> {
    const temporary = temporaryPath(path);
    try {
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(temporary, 'wx');
      return new AtomicFile(path, temporary, handle, options.fsync ?? true);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw new OutputWriteError(path, error);
    }
  }

  /** Text (UTF-8) or bytes (the history's gzip files). */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.done) throw new Error(`${this.path}: write after commit or abort`);
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= WRITE_BUFFER) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const pending = this.pending;
    const data = pending.every((chunk) => typeof chunk === 'string')
      ? pending.join('')
      : Buffer.concat(
          pending.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)),
        );
    this.pending = [];
    this.pendingLength = 0;
    try {
      await this.handle!.writeFile(data, 'utf8');
    } catch (error) {
      await this.abort();
      throw new OutputWriteError(this.path, error);
    }
  }

  /** Flushes, syncs and renames the temporary file into place; on any failure the temporary file is removed. */
  async commit(): Promise<void> {
    await this.flush();
    try {
      if (this.fsync) await this.handle!.sync();
      await this.handle!.close();
      this.handle = undefined;
      await rename(this.temporary, this.path);
      this.done = true;
    } catch (error) {
      await this.abort();
      throw new OutputWriteError(this.path, error);
    }
    // The rename lives in the folder: until the folder is synced, a power cut may bring back the old name.
    if (this.fsync) await syncDirectory(dirname(this.path));
  }

  /** Gives up: the temporary file is removed and the path keeps its previous content. Never throws. */
  async abort(): Promise<void> {
    this.done = true;
    this.pending = [];
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await rm(this.temporary, { force: true }).catch(() => undefined);
  }
}

async function syncDirectory(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Some file systems cannot sync a folder (EINVAL, EISDIR on a few); the file itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `content` (a string, bytes, or chunks produced one at a time) atomically to `path`. An error thrown by
 * the producer is rethrown as is after the temporary file is removed; a file-system error becomes OutputWriteError.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const file = await AtomicFile.open(path, options);
  try {
    // A Buffer is iterable too (of numbers): it is one chunk.
    if (typeof content === 'string' || content instanceof Uint8Array) await file.write(content);
    else for await (const chunk of content) await file.write(chunk);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
}

/**
 * Removes the temporary files that writers killed before their rename left in `folder` (not recursive). A file
 * whose writer is still alive (this process, or another one writing into the same folder) is left alone: its
 * write is in progress. Returns the names removed.
 */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name) ?? LEGACY_TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (isAlive(pid)) continue;
    await rm(join(folder, name), { force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
