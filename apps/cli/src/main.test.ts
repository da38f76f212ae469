import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from './main.js';
import { memoryIo, runCli } from './test-helpers/cli.js';

const FLAGS = [
  '--urls',
  '--out',
  '--lang',
  '--max-pages',
  '--max-depth',
  '--max-discovered-pages',
  '--site-timeout',
  '--page-timeout',
  '--concurrency',
  '--ca',
  '--profile',
  '--rubric',
  '--overrides',
  '--previous',
  '--history',
  '--resume',
  '--no-lighthouse',
  '--lighthouse-pages',
  '--user-agent',
  '--fail-under-level',
  '--fail-under-score',
  '--help',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'egov-cli-'));
});

const oneLine = (text: string) => text.trimEnd().split('\n').length === 1 && text.endsWith('\n');

describe('egov-monitor (spawned launcher)', () => {
  it('scan --help documents every flag with its defaults and exits 0', async () => {
    const { code, stdout } = await runCli(['scan', '--help']);
    expect(code).toBe(0);
    for (const flag of FLAGS) expect(stdout, flag).toContain(flag);
    // Help lines wrap at the terminal's width: compare the text with its spaces collapsed.
    const help = stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Default egov-report.');
    expect(help).toMatch(
      /--max-pages <n> Pages analysed in full per site\. Whole number from 1 to 10000, default \d+\./,
    );
    // The concurrency default is the pipeline's rule, from its data file (it was stale when written by hand).
    expect(help).toContain('min(8, 2 × CPU cores, free memory / 400 MB)');
    expect(stdout).toContain('choices: "es", "en"');
    // The profile's default is said by the schema's help line (the CLI applies it when --profile is not given).
    expect(help).toMatch(/--profile <name\|file> .*\. Default guatemala\./);
    expect(help).toMatch(/--shard <K\/N> Scan only shard K of N of the list/);
    expect(stdout).toContain('Exit codes');
  });

  it('an unknown flag and a bad number exit 2 with one line on stderr and nothing on stdout', async () => {
    const [unknown, badNumber] = await Promise.all([
      runCli(['scan', '--max-pagez', '3']),
      runCli(['scan', '--max-pages', 'muchas', '--out', join(dir, 'never')]),
    ]);
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toBe(true);
    expect(unknown.stderr).toContain("unknown option '--max-pagez'");
    expect(unknown.stdout).toBe('');
    expect(badNumber.code).toBe(2);
    expect(oneLine(badNumber.stderr)).toBe(true);
    expect(badNumber.stderr).toContain('--max-pages needs a whole number from 1 to 10000, got "muchas"');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('egov-monitor main(): input errors stop before any scan (exit 2, one line)', () => {
  async function expectUsageError(args: string[], message: RegExp) {
    const io = memoryIo();
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const code = await main(['node', 'egov-monitor', 'scan', ...args, '--out', out], io);
    expect(code).toBe(EXIT.usage);
    expect(oneLine(io.err()), io.err()).toBe(true);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
    expect(existsSync(out)).toBe(false);
  }

  it('rejects numbers out of range and unknown choices', async () => {
    await expectUsageError(
      ['--fail-under-level', '6'],
      /--fail-under-level must be a whole number from 0 to 5, got 6/,
    );
    await expectUsageError(
      ['--fail-under-score', '101'],
      /--fail-under-score must be a whole number from 0 to 100, got 101/,
    );
    await expectUsageError(['--concurrency', '0'], /--concurrency must be a whole number from 1 to 64/);
    await expectUsageError(['--lang', 'fr'], /argument 'fr' is invalid.*es, en/);
  });

  it('reads the safety time limits in seconds or with a unit, and rejects values out of range or inconsistent', async () => {
    await expectUsageError(
      ['--site-timeout', 'pronto'],
      /--site-timeout needs a whole number of seconds from 60 to 86400/,
    );
    await expectUsageError(
      ['--site-timeout', '30'],
      /--site-timeout must be a whole number of seconds from 60 .*got 30 s/,
    );
    await expectUsageError(['--page-timeout', '2h'], /--page-timeout must be .*got 7200 s/);
    await expectUsageError(
      ['--site-timeout', '2m', '--page-timeout', '5m'],
      /--page-timeout \(300 s\) cannot be longer than --site-timeout \(120 s\)/,
    );
  });

  it('rejects a URL list that is missing, not YAML, or has no url column', async () => {
    const badYaml = join(dir, 'bad.yaml');
    const noUrl = join(dir, 'no-url.csv');
    await writeFile(badYaml, 'sites:\n  - url: https://a.gob.gt/\n    name: [sin cerrar\n');
    await writeFile(noUrl, 'nombre,grupo\nMAGA,ministerio\n');
    await expectUsageError(['--urls', join(dir, 'missing.yaml')], /missing\.yaml: file not found/);
    await expectUsageError(['--urls', badYaml], /bad\.yaml: line \d+: not valid YAML/);
    await expectUsageError(['--urls', noUrl], /no-url\.csv: line 1: the CSV header has no "url" column/);
  });

  it('rejects a rubric, overrides or previous-results file that does not validate, naming the file', async () => {
    const rubric = join(dir, 'rubric.yaml');
    const overrides = join(dir, 'overrides.json');
    const previous = join(dir, 'results.json');
    await writeFile(rubric, 'levels:\n  nivel-siete: {}\nthresholds: 12\n');
    await writeFile(overrides, '{"not": "a list"}');
    await writeFile(previous, '{"schemaVersion": 1}');
    await expectUsageError(['https://a.gob.gt/', '--rubric', rubric], /rubric\.yaml: /);
    await expectUsageError(['https://a.gob.gt/', '--overrides', overrides], /overrides\.json: /);
    await expectUsageError(
      ['https://a.gob.gt/', '--previous', previous],
      /results\.json: not a valid results\.json/,
    );
    await expectUsageError(['https://a.gob.gt/', '--ca', join(dir, 'nope.pem')], /nope\.pem: file not found/);
  });

  it('rejects an unknown profile, listing the built-in ones, and a profile file that does not validate', async () => {
    const profile = join(dir, 'perfil.yaml');
    await writeFile(profile, 'id: mi-pais\ncountry: XX\n');
    await expectUsageError(
      ['https://a.gob.gt/', '--profile', 'narnia'],
      /profile "narnia" is not a built-in profile \(el-salvador, guatemala\)/,
    );
    await expectUsageError(
      ['https://a.gob.gt/', '--profile', profile],
      /perfil\.yaml: invalid country profile: .*timezone: missing/,
    );
  });

  it('rejects URLs together with --urls', async () => {
    const list = join(dir, 'list.yaml');
    await writeFile(list, '- https://a.gob.gt/\n');
    await expectUsageError(['https://b.gob.gt/', '--urls', list], /not both/);
  });
});
