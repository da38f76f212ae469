import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, readInputs } from './inputs.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('reads a monitoring run over a list with the defaults', () => {
    const read = readInputs(inputs({ 'urls-file': 'data/sitios.yaml' }));
    expect(read).toMatchObject({
      urls: [],
      urlsFile: 'data/sitios.yaml',
      mode: 'monitor',
      lang: 'es',
      lighthouse: undefined,
      issues: true,
      closeRemoved: false,
      onPublishError: 'fail',
      outDir: 'egov-report',
      history: true,
      historyBranch: 'egov-monitor-data',
    });
    expect(read.reportUrl).toBeUndefined();
    expect(read.failUnderLevel).toBeUndefined();
    expect(read.siteDir).toBeUndefined();
  });

  it('reads an agency gating its own site', () => {
    const read = readInputs(
      inputs({
        urls: 'https://www.minfin.gob.gt/\n  https://portal.minfin.gob.gt ',
        mode: 'gate',
        'fail-under-level': '3',
        'fail-under-score': '70',
        lang: 'en',
        lighthouse: 'false',
        'max-pages': '15',
        'max-discovered-pages': '400',
        'site-timeout': '20m',
        'page-timeout': '90',
      }),
    );
    expect(read).toMatchObject({
      urls: ['https://www.minfin.gob.gt/', 'https://portal.minfin.gob.gt'],
      mode: 'gate',
      failUnderLevel: 3,
      failUnderScore: 70,
      lang: 'en',
      lighthouse: false,
      maxPages: 15,
      maxDiscoveredPages: 400,
      siteTimeoutMs: 1_200_000,
      pageTimeoutMs: 90_000,
    });
  });

  it('reads how a failed publication ends the step and where the full report is', () => {
    const read = readInputs(
      inputs({
        urls: 'https://a.gob.gt',
        'on-publish-error': 'warn',
        'report-url': 'https://observatorio.example.org/informe',
      }),
    );
    expect(read).toMatchObject({
      onPublishError: 'warn',
      reportUrl: 'https://observatorio.example.org/informe',
    });
  });

  it('reads the history and the website', () => {
    const read = readInputs(
      inputs({
        urls: 'https://a.gob.gt',
        history: 'false',
        'history-branch': 'datos/observatorio',
        'site-dir': '_site',
        'site-url': 'https://org.github.io/obs/',
      }),
    );
    expect(read).toMatchObject({
      history: false,
      historyBranch: 'datos/observatorio',
      siteDir: '_site',
      siteUrl: 'https://org.github.io/obs/',
    });
  });

  it.each([
    [{}, /give the sites to scan/],
    [{ urls: 'https://a.gob.gt', 'history-branch': 'a..b' }, /"history-branch" is not a valid branch name/],
    [
      { urls: 'https://a.gob.gt', 'history-branch': 'con espacio' },
      /"history-branch" is not a valid branch name/,
    ],
    [{ urls: 'https://a.gob.gt', 'site-url': 'org.github.io' }, /"site-url" must be an http\(s\) address/],
    [{ urls: 'https://a.gob.gt', mode: 'gate' }, /"gate" needs a threshold/],
    [{ urls: 'https://a.gob.gt', mode: 'watch' }, /input "mode" must be one of monitor, gate, got "watch"/],
    [
      { urls: 'https://a.gob.gt', 'fail-under-level': '6' },
      /"fail-under-level" must be a whole number from 0 to 5, got 6/,
    ],
    [{ urls: 'https://a.gob.gt', 'max-pages': 'many' }, /"max-pages" needs a whole number/],
    [{ urls: 'https://a.gob.gt', issues: 'yes' }, /"issues" must be true or false, got "yes"/],
    [{ urls: 'https://a.gob.gt', lang: 'fr' }, /"lang" must be one of es, en/],
    // The same ranges as the CLI's flags (RUN_OPTIONS): 0-20 key pages, not 0-50.
    [
      { urls: 'https://a.gob.gt', 'lighthouse-pages': '30' },
      /"lighthouse-pages" must be a whole number from 0 to 20, got 30/,
    ],
    [
      { urls: 'https://a.gob.gt', 'on-publish-error': 'ignore' },
      /"on-publish-error" must be one of warn, fail, got "ignore"/,
    ],
    [
      { urls: 'https://a.gob.gt', 'report-url': 'javascript:alert(1)' },
      /"report-url" must be an http\(s\) address/,
    ],
    // The same reader and ranges as the CLI's --site-timeout and --page-timeout.
    [
      { urls: 'https://a.gob.gt', 'site-timeout': 'soon' },
      /input "site-timeout" needs a whole number of seconds from 60 to 86400/,
    ],
    [
      { urls: 'https://a.gob.gt', 'page-timeout': '1' },
      /input "page-timeout" must be .* from 5 to 3600 .*got 1 s/,
    ],
    [
      { urls: 'https://a.gob.gt', 'site-timeout': '60', 'page-timeout': '90' },
      /input "page-timeout" \(90 s\) cannot be longer than input "site-timeout" \(60 s\)/,
    ],
  ])('refuses %j with a line that names the input', (values, message) => {
    expect(() => readInputs(inputs(values))).toThrow(InputError);
    expect(() => readInputs(inputs(values))).toThrow(message);
  });
});

describe('readInputs: shards and merge mode', () => {
  it('reads a shard of a run, its run id from GITHUB_RUN_ID unless given', () => {
    const read = readInputs(inputs({ 'urls-file': 'sitios.yaml', shard: '2/4' }), { GITHUB_RUN_ID: '987' });
    expect(read).toMatchObject({ shard: { index: 2, count: 4 }, runId: '987', merge: [] });
    expect(
      readInputs(inputs({ 'urls-file': 'sitios.yaml', shard: '2/4', 'run-id': 'nightly-7' })).runId,
    ).toBe('nightly-7');
  });

  it('refuses a bad shard, a shard without a run id, and shard with merge', () => {
    expect(() =>
      readInputs(inputs({ urls: 'https://a.gob.gt', shard: '5/4' }), { GITHUB_RUN_ID: '1' }),
    ).toThrow(/^input "shard": K must be from 1 to N \(4\), got 5$/);
    expect(() => readInputs(inputs({ urls: 'https://a.gob.gt', shard: '1/4' }))).toThrow(/needs "run-id"/);
    expect(() =>
      readInputs(inputs({ urls: 'https://a.gob.gt', shard: '1/2', merge: 'a b' }), { GITHUB_RUN_ID: '1' }),
    ).toThrow(/"shard" .* or "merge" .*, not both/);
  });

  it('merge mode needs no URLs and expands dir/* to the folders in it, sorted', () => {
    const root = mkdtempSync(join(tmpdir(), 'egov-merge-inputs-'));
    try {
      for (const name of ['egov-shard-2', 'egov-shard-1', 'egov-shard-3']) mkdirSync(join(root, name));
      writeFileSync(join(root, 'not-a-folder.txt'), '');
      const read = readInputs(inputs({ merge: `${root}/*\n  extra/shard` }));
      expect(read.merge).toEqual([
        join(root, 'egov-shard-1'),
        join(root, 'egov-shard-2'),
        join(root, 'egov-shard-3'),
        'extra/shard',
      ]);
      expect(() => readInputs(inputs({ merge: `${join(root, 'none')}/*` }))).toThrow(
        /input "merge": no folder/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
