import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReport } from '../outputs/write-report.js';
import { latestResultsBytes, latestResultsFileBytes } from './store.js';
import { resultsAt } from './test-helpers/results-at.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'egov-latest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the history's copy of a run's results.json", () => {
  it('is results.json gzip-compressed, the same bytes from the file the run wrote and from the results in memory', async () => {
    const results = resultsAt('2026-01-05T06:00:00.000Z', (r) => {
      // Long enough that the file is read in several chunks and gzip sees many blocks.
      r.sites[0]!.maturity.criteria[0]!.evidence = Array.from({ length: 3000 }, (_, i) => ({
        url: 'https://www.minfin.gob.gt/',
        detail: `página ${i}: «${'ñ'.repeat(i % 40)}»`,
      }));
    });
    await writeReport(results, dir, { lang: 'es' });
    const file = join(dir, 'results.json');
    const fromFile = await latestResultsFileBytes(file);
    const fromMemory = await latestResultsBytes(results);
    expect(gunzipSync(fromFile)).toEqual(await readFile(file));
    expect((await readFile(file)).length).toBeGreaterThan(3 * 64 * 1024);
    expect(fromMemory.equals(fromFile)).toBe(true);
    // Deterministic: a git blob id that does not change when nothing changed.
    expect((await latestResultsBytes(results)).equals(fromMemory)).toBe(true);
  });
});
