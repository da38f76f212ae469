import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderCsv } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { sampleResults } from '../test-support/sample-results.js';
import { writeReport } from './write-report.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('writes results.json, report.md, report.html and report.csv into a new folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'egov-reporter-'));
    const out = join(dir, 'nested', 'report');
    const results = sampleResults({ withComparison: true });
    const paths = await writeReport(results, out, { lang: 'en' });
    expect(paths).toEqual(
      ['results.json', 'report.md', 'report.html', 'report.csv'].map((f) => join(out, f)),
    );
    const json = await readFile(paths[0]!, 'utf8');
    expect(json).toBe(`${JSON.stringify(results, null, 2)}\n`);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'schemaVersion',
      'tool',
      'startedAt',
      'finishedAt',
      'sites',
      'aggregates',
      'comparison',
    ]);
    expect(await readFile(paths[1]!, 'utf8')).toBe(renderMarkdown(results, 'en'));
    expect(await readFile(paths[2]!, 'utf8')).toBe(renderHtml(results, 'en'));
    expect(await readFile(paths[3]!, 'utf8')).toBe(renderCsv(results));
  });
});
