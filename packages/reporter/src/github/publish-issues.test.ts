import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleResults } from '../test-support/sample-results.js';
import { createClient } from './client.js';
import { findSiteIssue } from './find-site-issue.js';
import { publishIssues } from './publish-issues.js';
import type { GitHubPublishOptions } from './publish-issues.js';
import { openApiValidator, startGitHubDouble } from './test-support/github-double.js';
import type { GitHubDouble } from './test-support/github-double.js';

let gh: GitHubDouble;
const warnings: string[] = [];
const log = { debug: () => {}, info: () => {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };

function options(extra: Partial<GitHubPublishOptions> = {}): GitHubPublishOptions {
  return {
    token: 'test-token',
    owner: gh.owner,
    repo: gh.repo,
    baseUrl: gh.baseUrl,
    lang: 'es',
    runId: '100-1',
    log,
    client: { retryAfterBaseMs: 5, minWriteIntervalMs: 0, minNotificationIntervalMs: 0 },
    ...extra,
  };
}

const titleOf = (body: unknown): string => String((body as { title?: unknown } | undefined)?.title ?? '');
const writes = (): number => gh.requests.filter((r) => r.method !== 'GET').length;

beforeAll(() => {
  openApiValidator();
}, 300_000);

afterEach(async () => {
  // Every request the reporter made and every answer the double gave must match GitHub's OpenAPI description.
  expect(gh.violations).toEqual([]);
  await gh.close();
});

afterAll(() => {
  warnings.length = 0;
});

describe('publishIssues against the GitHub double', () => {
  it('creates one issue per site, the summary and the labels; a second run changes nothing', async () => {
    // GHES-style prefix: proves baseUrl is honoured, pagination links included.
    gh = await startGitHubDouble({ pathPrefix: '/api/v3' });
    const results = sampleResults();
    const first = await publishIssues(results, options());
    expect(first.errors).toEqual([]);
    expect(first).toMatchObject({ created: 6, updated: 0, unchanged: 0, commented: 0, closed: 0 });
    expect(first.summaryIssue).toEqual({ number: 7, action: 'created' });
    expect(first.labelsCreated).toEqual(['egov-monitor', 'nivel-0', 'nivel-1', 'nivel-2', 'nivel-3', 'nivel-4', 'nivel-5']);
    expect(gh.issues.size).toBe(7);
    const minfin = gh.issues.get(1)!;
    expect(minfin.title).toBe('[egov-monitor] MINFIN — Nivel 3 Interactivo (60)');
    expect(minfin.labels).toEqual(['egov-monitor', 'nivel-3']);
    expect(minfin.body?.startsWith('<!-- egov-monitor:site:www.minfin.gob.gt -->')).toBe(true);
    expect(gh.issues.get(7)!.body).toContain('| MINFIN | Ministerios | 3 — Interactivo | 60 | 72.5 | #1 |');

    const before = writes();
    const second = await publishIssues(results, options({ runId: '101-1' }));
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 6, commented: 0, summaryIssue: { number: 7, action: 'unchanged' } });
    expect(writes()).toBe(before);
    expect(gh.issues.size).toBe(7);
  });

  it('finds issues across pages by their marker, open or closed', async () => {
    gh = await startGitHubDouble();
    await publishIssues(sampleResults(), options());
    gh.issues.get(2)!.state = 'closed';
    // per_page 100 fits everything; force small pages through the raw client to prove Link-following.
    const client = createClient({ token: 't', baseUrl: gh.baseUrl });
    const pages = await client.paginate(client.rest.issues.listForRepo, { owner: gh.owner, repo: gh.repo, state: 'all', per_page: 2 });
    expect(pages).toHaveLength(7);
    expect(gh.requests.filter((r) => r.query.per_page === '2')).toHaveLength(4);
    const found = await findSiteIssue(client, { owner: gh.owner, repo: gh.repo }, 'http://WWW.mineco.gob.gt/index.html');
    expect(found).toMatchObject({ number: 2, state: 'closed' });
  });

  it('updates bodies in place and comments once per changed site and run', async () => {
    gh = await startGitHubDouble();
    await publishIssues(sampleResults(), options());
    const issuesBefore = gh.issues.size;
    const withComparison = sampleResults({ withComparison: true });
    const third = await publishIssues(withComparison, options({ runId: '102-1' }));
    expect(third.errors).toEqual([]);
    // Sites whose comparison says something changed: MINFIN (improved), MSPAS (regressed), SEGEPLAN (new), SBS (unreachable).
    expect(third.commented).toBe(4);
    expect(third.sites.filter((s) => s.commented).map((s) => s.url)).toEqual([
      'https://www.minfin.gob.gt/',
      'https://www.mspas.gob.gt/',
      'https://www.segeplan.gob.gt/',
      'https://www.sbs.gob.gt/',
    ]);
    expect(third.updated).toBe(4);
    expect(third.unchanged).toBe(2);
    expect(gh.issues.size).toBe(issuesBefore);
    const minfin = gh.issues.get(1)!;
    expect(minfin.body).toContain('### Cambios desde la corrida anterior');
    expect(minfin.comments).toHaveLength(1);
    expect(minfin.comments[0]!.body).toContain('<!-- egov-monitor:run:102-1 -->');
    expect(gh.issues.get(2)!.comments).toHaveLength(0);

    // The same job re-run: nothing new.
    const again = await publishIssues(withComparison, options({ runId: '102-1' }));
    expect(again).toMatchObject({ created: 0, updated: 0, commented: 0, unchanged: 6 });
    expect(minfin.comments).toHaveLength(1);
  });

  it('closes the issue of a site removed from the list only when asked, and reopens it if it returns', async () => {
    gh = await startGitHubDouble();
    const results = sampleResults();
    await publishIssues(results, options());
    const shorter = sampleResults();
    shorter.sites = shorter.sites.filter((s) => s.acronym !== 'MSPAS');
    const kept = await publishIssues(shorter, options());
    expect(kept.closed).toBe(0);
    expect(gh.issues.get(3)!.state).toBe('open');
    const closed = await publishIssues(shorter, options({ closeRemoved: true }));
    expect(closed.closed).toBe(1);
    expect(gh.issues.get(3)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(gh.issues.get(3)!.comments.map((c) => c.body)).toEqual([expect.stringContaining('ya no está en la lista')]);
    const back = await publishIssues(results, options({ closeRemoved: true }));
    expect(back).toMatchObject({ created: 0, closed: 0 });
    expect(gh.issues.get(3)!.state).toBe('open');
  });

  it('retries a secondary rate limit and a 502, and logs the wait', async () => {
    gh = await startGitHubDouble();
    gh.inject({ kind: 'secondary-rate-limit', match: (r) => r.method === 'POST' && r.path.endsWith('/issues') });
    gh.inject({ kind: 'bad-gateway', match: (r) => r.method === 'GET' && r.path.endsWith('/issues') });
    gh.inject({ kind: 'primary-rate-limit', match: (r) => r.method === 'POST' && r.path.endsWith('/labels') });
    warnings.length = 0;
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.errors).toEqual([]);
    expect(summary.created).toBe(6);
    expect(gh.issues.size).toBe(7);
    const statuses = gh.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(2);
    expect(statuses.filter((s) => s === 502)).toHaveLength(1);
    expect(warnings.some((w) => /secondary rate limit on POST .*\/issues; retry 1\/3/.test(w))).toBe(true);
    expect(warnings.some((w) => /primary rate limit on POST .*\/labels; retry 1\/3/.test(w))).toBe(true);
  });

  it('gives up on a rate limit after a bounded number of retries and reports that site only', async () => {
    gh = await startGitHubDouble();
    gh.inject({ kind: 'secondary-rate-limit', times: 10, match: (r) => r.method === 'POST' && titleOf(r.body).includes('MSPAS') });
    const summary = await publishIssues(sampleResults(), options({ client: { retryAfterBaseMs: 1, minWriteIntervalMs: 0, minNotificationIntervalMs: 0, maxRateLimitRetries: 2 } }));
    expect(summary.created).toBe(5);
    expect(summary.errors).toEqual([{ url: 'https://www.mspas.gob.gt/', step: 'site', message: expect.stringMatching(/^HTTP 403: .*secondary rate limit/) }]);
    expect(gh.requests.filter((r) => r.status === 403)).toHaveLength(3);
  });

  it('reports a failing site and publishes the others', async () => {
    gh = await startGitHubDouble();
    gh.inject({ kind: 'unprocessable', times: Infinity, match: (r) => r.method === 'POST' && titleOf(r.body).includes('SOSEP') });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.created).toBe(5);
    expect(summary.sites.find((s) => s.url === 'http://sosep.gob.gt/')).toMatchObject({ action: 'failed', issue: null });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatchObject({ url: 'http://sosep.gob.gt/', message: expect.stringMatching(/^HTTP 422/) });
    expect(summary.summaryIssue?.action).toBe('created');
  });

  it('writes nothing on a dry run', async () => {
    gh = await startGitHubDouble();
    const summary = await publishIssues(sampleResults(), options({ dryRun: true }));
    expect(summary).toMatchObject({ created: 6, dryRun: true, summaryIssue: { action: 'created' } });
    expect(writes()).toBe(0);
  });
});

describe('the GitHub double', () => {
  it('rejects a request that violates GitHub’s schema', async () => {
    gh = await startGitHubDouble();
    const res = await fetch(`${gh.baseUrl}/repos/${gh.owner}/${gh.repo}/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'no title', labels: 'egov-monitor' }),
    });
    expect(res.status).toBe(422);
    const patch = await fetch(`${gh.baseUrl}/repos/${gh.owner}/${gh.repo}/labels?per_page=lots`);
    expect(patch.status).toBe(422);
    expect(gh.violations.map((v) => `${v.request} ${v.where}`)).toEqual([
      `POST /repos/${gh.owner}/${gh.repo}/issues request body`,
      `GET /repos/${gh.owner}/${gh.repo}/labels query per_page`,
    ]);
    expect(gh.violations[0]!.errors.join(' ')).toMatch(/title/);
    expect(gh.issues.size).toBe(0);
    gh.violations.length = 0;
  });

  it('catches a response of its own that does not match the schema', async () => {
    gh = await startGitHubDouble();
    const client = createClient({ token: 't', baseUrl: gh.baseUrl });
    await client.rest.issues.create({ owner: gh.owner, repo: gh.repo, title: 'x', body: 'y' });
    // Corrupt the state: GitHub's issue `state` is a string and `comments` an integer.
    (gh.issues.get(1) as unknown as { state: unknown }).state = 42;
    await client.rest.issues.get({ owner: gh.owner, repo: gh.repo, issue_number: 1 });
    expect(gh.violations).toHaveLength(1);
    expect(gh.violations[0]).toMatchObject({ request: `GET /repos/${gh.owner}/${gh.repo}/issues/1`, where: 'response 200' });
    expect(gh.violations[0]!.errors.join(' ')).toMatch(/\/state must be string/);
    gh.violations.length = 0;
  });
});
