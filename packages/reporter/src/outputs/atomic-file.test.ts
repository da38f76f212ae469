import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtomicFile, OutputWriteError, removeStaleTemporaries, writeFileAtomic } from './atomic-file.js';

let dir: string;
afterEach(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const temporaries = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes a string or chunks, creating the folder, and leaves no temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'a', 'b', 'out.json');
    await writeFileAtomic(path, '{"a": 1}\n');
    expect(await readFile(path, 'utf8')).toBe('{"a": 1}\n');
    async function* chunks() {
      for (let i = 0; i < 1000; i += 1) yield `línea ${i}\n`;
    }
    await writeFileAtomic(path, chunks());
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(1001);
    expect(await temporaries(join(dir, 'a', 'b'))).toEqual([]);
  });

  it('keeps the previous file and removes its temporary file when the producer fails half-way', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'results.json');
    await writeFile(path, 'previous');
    function* failing() {
      yield 'x'.repeat(600_000);
      throw new Error('the producer broke');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('the producer broke');
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await temporaries(dir)).toEqual([]);
  });

  it('turns a full disk into an error naming the file and the cause, keeping the previous file (injected ENOSPC)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'results.json');
    await writeFile(path, 'previous');
    // Every FileHandle shares one prototype: fail its writes the way a full disk does, from the second one on.
    const probe = await open(join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { writeFile: (...args: unknown[]) => Promise<void> };
    await probe.close();
    const real = prototype.writeFile;
    let calls = 0;
    vi.spyOn(prototype, 'writeFile').mockImplementation(function (this: unknown, ...args: unknown[]) {
      calls += 1;
      if (calls < 2) return real.apply(this, args);
      return Promise.reject(
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
      );
    });
    const error = await writeFileAtomic(
      path,
      Array.from({ length: 40 }, () => 'y'.repeat(100_000)),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as OutputWriteError).message).toBe(
      `could not write ${path}: the disk is full (ENOSPC); the previous file, if any, is unchanged`,
    );
    expect((error as OutputWriteError).code).toBe('ENOSPC');
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await temporaries(dir)).toEqual([]);
  });

  it('says which file when the folder cannot be written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    await writeFile(join(dir, 'file'), 'x');
    await expect(writeFileAtomic(join(dir, 'file', 'out.json'), 'x')).rejects.toThrow(
      /could not write .*file\/out\.json: .*\(E(NOTDIR|EXIST)\)|could not write .*file\/out\.json/,
    );
  });
});

describe('AtomicFile', () => {
  it('shows nothing at the path until commit, and abort leaves the previous content', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'report.md');
    await writeFile(path, 'old');
    const file = await AtomicFile.open(path);
    await file.write('new');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await temporaries(dir)).toHaveLength(1);
    await file.abort();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await temporaries(dir)).toEqual([]);
    const second = await AtomicFile.open(path, { fsync: false });
    await second.write('new');
    await second.commit();
    expect(await readFile(path, 'utf8')).toBe('new');
  });
});

describe('removeStaleTemporaries', () => {
  it('removes what dead writers left (new and old names) and keeps live writers’ files and other files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no process has it
    const names = [
      `.results.json.${dead}.0123abcd.tmp`,
      `site.json.${dead}.tmp`,
      `.report.md.${process.pid}.89abcdef.tmp`,
      'results.json',
      'notes.tmp',
    ];
    for (const name of names) await writeFile(join(dir, name), '');
    expect((await removeStaleTemporaries(dir)).sort()).toEqual([
      `.results.json.${dead}.0123abcd.tmp`,
      `site.json.${dead}.tmp`,
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      `.report.md.${process.pid}.89abcdef.tmp`,
      'notes.tmp',
      'results.json',
    ]);
    expect(await removeStaleTemporaries(join(dir, 'missing'))).toEqual([]);
  });
});
