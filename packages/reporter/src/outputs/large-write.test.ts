/**
 * #11: a list of 50,000 sites writes its results.json in bounded memory. Before, results.json was one
 * JSON.stringify of the whole run: 20,000 sites already passed V8's longest string ("Invalid string length").
 * Memory is counted (heap sampled every 1,000 sites), never timed. The reports are written by the same one-site-
 * at-a-time loop; the pipeline's 20,000-site test measures them (rendering 50,000 full sites' details takes long).
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeSite } from '@egov-monitor/rubric';
import type { SiteResult } from '@egov-monitor/rubric';
import { largeRun } from '../test-support/large-run.js';
import { writeFileAtomic } from './atomic-file.js';
import { resultsJsonChunks } from './results-json.js';

const SITES = 50_000;
const MB = 1024 * 1024;
/**
 * Generous: the summaries of 50,000 sites and one site in flight take a few tens of MB. The results.json of this
 * run is ~450 MB of text; holding it as one string (or the full results as objects) needs several times this.
 */
const HEAP_GROWTH_BOUND = 400 * MB;

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a 50,000-site run', () => {
  it('writes results.json with the heap bounded, validated per site, and it reads back site by site', async () => {
    dir = await mkdtemp(join(tmpdir(), 'egov-50k-'));
    const run = largeRun(SITES);
    const summaries = Array.from(run.sites(), summarizeSite);
    globalThis.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let peakRss = process.memoryUsage().rss;
    function* sampled(): Generator<SiteResult> {
      let count = 0;
      for (const site of run.sites()) {
        if (++count % 1000 === 0) {
          const usage = process.memoryUsage();
          peak = Math.max(peak, usage.heapUsed);
          peakRss = Math.max(peakRss, usage.rss);
        }
        yield site;
      }
    }
    const path = join(dir, 'results.json');
    const json = resultsJsonChunks({ ...run.head, sites: summaries }, sampled());
    await writeFileAtomic(path, json.chunks);
    const growth = peak - baseline;
    const size = (await stat(path)).size;
    process.stdout.write(
      `50,000-site results.json: heap ${Math.round(baseline / MB)} MB before, peak ${Math.round(peak / MB)} MB (+${Math.round(growth / MB)} MB), peak RSS ${Math.round(peakRss / MB)} MB; file ${Math.round(size / MB)} MB\n`,
    );
    expect(json.validation).toEqual({ valid: true, errors: [] });
    expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
    expect(size).toBeGreaterThan(256 * MB);

    // Read back line by line (the file is too long for one string): one `"url"` line per site, in list order.
    let sites = 0;
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.startsWith('      "url": ')) {
        expect(line).toBe(`      "url": "https://sitio-${sites}.gob.gt/",`);
        sites += 1;
      }
    }
    expect(sites).toBe(SITES);
  }, 900_000);
});
