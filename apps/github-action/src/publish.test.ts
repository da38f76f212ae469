import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResults } from '@egov-monitor/rubric';
import { openApiValidator, startGitHubDouble, virtualClock } from '@egov-monitor/reporter/test-support';
import type { GitHubDouble, VirtualClock } from '@egov-monitor/reporter/test-support';
import { permissionLine, publishStep, runContext } from './publish.js';

// A small run: one site that improved since the previous run, so a comparison comment is due.
function results(): ScanResults {
  const site = {
    url: 'https://www.agencia.gob.gt/',
    finalUrl: 'https://www.agencia.gob.gt/',
    name: 'Agencia',
    acronym: 'AG',
    group: 'other' as const,
    status: 'ok' as const,
    scannedAt: '2026-03-02T14:01:00.000Z',
    maturity: { level: 2 as const, points: 40, criteria: [] },
    accessibility: { pagesScanned: 1, violations: [] },
    checks: [],
    compliance: {
      areas: { accessibility: null, security: null, usability: null, recommendations: null },
      overall: null,
    },
  };
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'egov-monitor', version: '0.1.0' },
    startedAt: '2026-03-02T14:00:00.000Z',
    finishedAt: '2026-03-02T14:05:00.000Z',
    sites: [site],
    comparison: {
      previousStartedAt: '2026-02-23T14:00:00.000Z',
      sites: [
        {
          url: site.url,
          name: site.name,
          kind: 'improved',
          previous: { level: 1, points: 20, status: 'ok' },
          current: { level: 2, points: 40, status: 'ok' },
          criteriaGained: ['many_pages'],
          criteriaLost: [],
          accessibility: { new: [], fixed: [], persisting: [] },
          checksChanged: [],
        },
      ],
      groups: [],
    },
  };
}

let gh: GitHubDouble;
let clock: VirtualClock;
const lines: string[] = [];
const log = {
  debug: () => {},
  info: (m: string) => lines.push(m),
  warn: (m: string) => lines.push(m),
  error: (m: string) => lines.push(m),
};

async function start(permissions?: Record<string, 'read' | 'write'>): Promise<void> {
  clock = virtualClock();
  gh = await startGitHubDouble({
    owner: 'agencia',
    repo: 'sitio-web',
    clock,
    ...(permissions ? { permissions } : {}),
  });
}

function config(env: NodeJS.ProcessEnv) {
  const context = runContext(env, '2026-03-02T14:00:00.000Z');
  return {
    token: 'ghs_test',
    repository: 'agencia/sitio-web',
    baseUrl: gh.baseUrl,
    lang: 'es' as const,
    runId: context.runId,
    runUrl: context.runUrl,
    client: { clock },
  };
}

beforeAll(() => {
  openApiValidator();
}, 60_000);

afterEach(async () => {
  if (!gh) return;
  // Every request and answer valid by GitHub's OpenAPI description.
  expect(gh.violations).toEqual([]);
  await gh.close();
  gh = undefined as unknown as GitHubDouble;
});

describe('the Action’s publication step', () => {
  it('identifies a run by GITHUB_RUN_ID, whatever the attempt, and links its page (GHES too)', () => {
    const env = { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2', GITHUB_REPOSITORY: 'agencia/sitio-web' };
    expect(runContext(env, 'x')).toEqual({
      runId: '4242',
      runUrl: 'https://github.com/agencia/sitio-web/actions/runs/4242',
    });
    expect(runContext({ ...env, GITHUB_SERVER_URL: 'https://ghe.minfin.gob.gt/' }, 'x').runUrl).toBe(
      'https://ghe.minfin.gob.gt/agencia/sitio-web/actions/runs/4242',
    );
    expect(runContext({}, '2026-03-02T14:00:00.000Z')).toEqual({
      runId: '2026-03-02T14:00:00.000Z',
      runUrl: undefined,
    });
  });

  it('posts nothing new when the jobs of a run are re-run (attempt 2)', async () => {
    await start();
    const env = { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', GITHUB_REPOSITORY: 'agencia/sitio-web' };
    // The issue exists from an earlier run, so this run's change is told as a comment.
    await publishStep(
      { ...results(), comparison: undefined },
      config({ ...env, GITHUB_RUN_ID: '4241' }),
      log,
    );
    const first = await publishStep(results(), config(env), log);
    expect(first.failure).toBeNull();
    expect(first.summary?.commented).toBe(1);
    const writes = gh.requests.filter((r) => r.method !== 'GET').length;
    const second = await publishStep(results(), config({ ...env, GITHUB_RUN_ATTEMPT: '2' }), log);
    expect(second).toMatchObject({ failure: null, summary: { commented: 0, created: 0, updated: 0 } });
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes);
    const comments = gh.issues.get(1)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('[4242](<https://github.com/agencia/sitio-web/actions/runs/4242>)');
  });

  it('fails with one line naming the permission when the token can only read issues', async () => {
    await start({ issues: 'read' });
    const outcome = await publishStep(
      results(),
      config({ GITHUB_RUN_ID: '1', GITHUB_REPOSITORY: 'agencia/sitio-web' }),
      log,
    );
    expect(outcome.failure).toBe(
      'the github-token cannot write issues: add `permissions: issues: write` to the job (or give the token issues: write on agencia/sitio-web). ' +
        'GitHub answered 403 to POST /repos/agencia/sitio-web/labels: Resource not accessible by integration',
    );
    expect(outcome.failure).not.toContain('\n');
    expect(gh.issues.size).toBe(0);
  });

  it('fails naming the read permission when the token cannot see the repository', async () => {
    await start({});
    const outcome = await publishStep(results(), config({ GITHUB_RUN_ID: '1' }), log);
    expect(outcome.failure).toMatch(
      /^the github-token cannot read issues: add `permissions: issues: read` to the job .*GitHub answered 404 to GET \/repos\/agencia\/sitio-web\/issues: Not Found$/,
    );
  });

  it('says which write failed when GitHub refused one', async () => {
    await start();
    gh.inject({
      kind: 'unprocessable',
      times: Infinity,
      match: (r) => r.method === 'POST' && r.path.endsWith('/issues'),
    });
    const outcome = await publishStep(results(), config({ GITHUB_RUN_ID: '1' }), log);
    expect(outcome.failure).toMatch(
      /^2 issue write\(s\) failed, first: site https:\/\/www\.agencia\.gob\.gt\/: HTTP 422/,
    );
  });

  it('words the permission line for any permission GitHub names', () => {
    expect(
      permissionLine(
        {
          status: 403,
          permission: 'contents',
          access: 'write',
          accepted: 'contents=write',
          message: 'Resource not accessible by integration',
          request: 'POST /repos/o/r/git/blobs',
        },
        'o/r',
      ),
    ).toMatch(/^the github-token cannot write contents: add `permissions: contents: write` to the job/);
  });
});
