/**
 * #11: a run killed during its report write, or a disk that fills up during it, must leave the previous
 * results.json valid (the Action reuses it as the next run's `previous-results`), and leave no temporary files
 * once a later write succeeds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeSite, validateResults } from '@egov-monitor/rubric';
import type { ScanResults } from '@egov-monitor/rubric';
import { largeRun } from '../test-support/large-run.js';
import { sampleResults } from '../test-support/sample-results.js';
import { OutputWriteError } from './atomic-file.js';
import { REPORT_FILES, writeReport, writeRunReport } from './write-report.js';

const CHILD = fileURLToPath(new URL('../test-support/write-report-child.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
/** ~7 MB of results.json, ~4 MB of report.md: room for kills at many points of each file. */
const SITES = 800;

let dir: string | undefined;
let mounted: string | undefined;
afterEach(async () => {
  if (mounted) execFileSync('umount', [mounted]);
  mounted = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const temporaries = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

async function readValidResults(path: string): Promise<ScanResults> {
  const value = JSON.parse(await readFile(path, 'utf8')) as ScanResults;
  expect(validateResults(value)).toEqual({ valid: true, errors: [] });
  return value;
}

/** The size of the temporary file being written for `name`, or -1 while there is none. */
async function temporarySize(folder: string, name: string): Promise<number> {
  const names = (await readdir(folder)).filter(
    (entry) => entry.startsWith(`.${name}.`) && entry.endsWith('.tmp'),
  );
  let size = -1;
  for (const entry of names)
    size = Math.max(
      size,
      await stat(join(folder, entry)).then(
        (s) => s.size,
        () => -1,
      ),
    );
  return size;
}

/**
 * Starts the child that rewrites the report without end, waits until the temporary file of `file` holds at least
 * `bytes` (or, for `round`, until that many writes completed), kills it with SIGKILL and waits for it to die.
 */
async function killDuring(
  out: string,
  point: { file: string; bytes: number } | { rounds: number },
): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--conditions=@egov-monitor/source', '--import', 'tsx', CHILD, out, String(SITES)],
    {
      cwd: PACKAGE,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  const reached = async () =>
    'rounds' in point
      ? stdout.includes(`done ${point.rounds}\n`)
      : (await temporarySize(out, point.file)) >= point.bytes;
  while (alive && !(await reached())) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(alive, `the child ended by itself: ${stderr}`).toBe(true);
  child.kill('SIGKILL');
  await exited;
}

describe('the report write survives a kill', () => {
  it('leaves the previous results.json valid whatever point of the write SIGKILL hits, and no stray temporary after the next write', async () => {
    dir = await mkdtemp(join(tmpdir(), 'egov-kill-'));
    const out = join(dir, 'report');
    const previous = sampleResults();
    await writeReport(previous, out, { lang: 'es' });
    const points = [
      { file: 'results.json', bytes: 0 },
      { file: 'results.json', bytes: 200_000 },
      { file: 'results.json', bytes: 3_000_000 },
      { file: 'report.md', bytes: 0 },
      { file: 'report.md', bytes: 1_500_000 },
      { file: 'report.html', bytes: 3_000_000 },
      { file: 'report.csv', bytes: 0 },
      { rounds: 1 },
    ];
    let sawNew = false;
    for (const point of points) {
      await killDuring(out, point);
      const results = await readValidResults(join(out, 'results.json'));
      // Either the previous run or a complete later one, never a mix or a cut.
      expect([6, SITES]).toContain(results.sites.length);
      if (results.sites.length === SITES) sawNew = true;
      for (const name of REPORT_FILES) expect((await stat(join(out, name))).size, name).toBeGreaterThan(0);
    }
    expect(sawNew).toBe(true);
    // The kills left temporary files behind; the next successful write clears them.
    await writeReport(previous, out, { lang: 'es' });
    expect(await temporaries(out)).toEqual([]);
    expect((await readValidResults(join(out, 'results.json'))).sites).toHaveLength(6);
  }, 600_000);
});

describe('the report write survives a full disk', () => {
  it('keeps the previous results.json valid and leaves no temporary file when a small tmpfs fills up', async (context) => {
    dir = await mkdtemp(join(tmpdir(), 'egov-full-'));
    const disk = join(dir, 'disk');
    await mkdir(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk], { stdio: 'ignore' });
      mounted = disk;
    } catch {
      // Not root, or no CAP_SYS_ADMIN (a container): atomic-file.test.ts injects the same ENOSPC instead.
      context.skip();
    }
    const previous = sampleResults();
    await writeReport(previous, disk, { lang: 'es' });
    const before = await readFile(join(disk, 'results.json'), 'utf8');
    const run = largeRun(400, 'no cabe');
    const summaries = Array.from(run.sites(), summarizeSite);
    const error = await writeRunReport(
      { results: { ...run.head, sites: summaries }, sites: run.sites },
      disk,
      { lang: 'es' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toBe(
      `could not write ${join(disk, 'results.json')}: the disk is full (ENOSPC); the previous file, if any, is unchanged`,
    );
    expect(await readFile(join(disk, 'results.json'), 'utf8')).toBe(before);
    await readValidResults(join(disk, 'results.json'));
    expect(await temporaries(disk)).toEqual([]);
  });
});
