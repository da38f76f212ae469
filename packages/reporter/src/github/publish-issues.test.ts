import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '@egov-monitor/rubric';
import type { ScanResults } from '@egov-monitor/rubric';
import { sampleResults } from '../test-support/sample-results.js';
import { createClient } from './client.js';
import { findSiteIssue } from './find-site-issue.js';
import { siteMarker } from '../render/site-id.js';
import { MAX_BODY } from '../render/issues.js';
import { publishIssues, PublishError } from './publish-issues.js';
import type { GitHubPublishOptions } from './publish-issues.js';
import { openApiValidator, startGitHubDouble, virtualClock } from './test-support/github-double.js';
import type {
  DoubleOptions,
  GitHubDouble,
  RecordedRequest,
  VirtualClock,
} from './test-support/github-double.js';

// Every test runs on a virtual clock shared by the client and the double: GitHub's pacing and rate-limit waits
// are the production ones, cost no real time, and the double records when each request was sent on that clock.
let gh: GitHubDouble;
let clock: VirtualClock;
const logged: string[] = [];
const log = {
  debug: () => {},
  info: () => {},
  warn: (m: string) => logged.push(m),
  error: (m: string) => logged.push(m),
};

async function start(extra: Omit<DoubleOptions, 'clock'> = {}): Promise<GitHubDouble> {
  clock = virtualClock();
  gh = await startGitHubDouble({ ...extra, clock });
  logged.length = 0;
  return gh;
}

function options(extra: Partial<GitHubPublishOptions> = {}): GitHubPublishOptions {
  return {
    token: 'test-token',
    owner: gh.owner,
    repo: gh.repo,
    baseUrl: gh.baseUrl,
    lang: 'es',
    runId: '100',
    runUrl: 'https://github.com/red-ciudadana/diagnostico/actions/runs/100',
    log,
    client: { clock },
    ...extra,
  };
}

const titleOf = (body: unknown): string => String((body as { title?: unknown } | undefined)?.title ?? '');
const titleOfLabel = (body: unknown): string => String((body as { name?: unknown } | undefined)?.name ?? '');
const writes = (): RecordedRequest[] => gh.requests.filter((r) => r.method !== 'GET');
const siteIssues = () => [...gh.issues.values()].filter((i) => i.body?.includes('egov-monitor:site-key:'));
const after = (request: RecordedRequest): RecordedRequest[] =>
  gh.requests.slice(gh.requests.indexOf(request) + 1);

/** SBS (unreachable in the sample) made reachable, at level 2. */
function withSbsUp(results: ScanResults): ScanResults {
  const sosep = results.sites.find((s) => s.acronym === 'SOSEP')!;
  const sbs = results.sites.find((s) => s.acronym === 'SBS')!;
  Object.assign(sbs, {
    ...structuredClone(sosep),
    url: sbs.url,
    finalUrl: sbs.url,
    name: sbs.name,
    acronym: 'SBS',
    institution: sbs.institution,
    group: sbs.group,
  });
  delete sbs.error;
  return results;
}

/** A run on `day` (of March 2026), compared with `previous` as the pipeline does. */
function runOn(day: number, sbsUp: boolean, previous?: ScanResults): ScanResults {
  const results = sbsUp ? withSbsUp(sampleResults()) : sampleResults();
  results.startedAt = `2026-03-${String(day).padStart(2, '0')}T14:00:00.000Z`;
  if (previous) results.comparison = compareRuns(previous, results);
  return results;
}

beforeAll(() => {
  openApiValidator();
}, 300_000);

afterEach(async () => {
  // Every request the reporter made and every answer the double gave must match GitHub's OpenAPI description.
  expect(gh.violations).toEqual([]);
  await gh.close();
});

afterAll(() => {
  logged.length = 0;
});

describe('publishIssues against the GitHub double', () => {
  it('creates one issue per site, the summary and the labels; a second run changes nothing', async () => {
    // GHES-style prefix: proves baseUrl is honoured, pagination links included.
    await start({ pathPrefix: '/api/v3' });
    const results = sampleResults();
    const first = await publishIssues(results, options());
    expect(first.errors).toEqual([]);
    expect(first).toMatchObject({
      created: 6,
      updated: 0,
      unchanged: 0,
      commented: 0,
      closed: 0,
      duplicatesClosed: 0,
      permission: null,
    });
    expect(first.summaryIssue).toEqual({
      number: 7,
      action: 'created',
      url: 'https://github.com/red-ciudadana/diagnostico/issues/7',
    });
    expect(first.labelsCreated).toEqual([
      'egov-monitor',
      'nivel-0',
      'nivel-1',
      'nivel-2',
      'nivel-3',
      'nivel-4',
      'nivel-5',
      'no-evaluado',
    ]);
    expect(gh.issues.size).toBe(7);
    const minfin = gh.issues.get(1)!;
    expect(minfin.title).toBe('[egov-monitor] MINFIN — Nivel 3 Interactivo (60)');
    expect(minfin.labels).toEqual(['egov-monitor', 'nivel-3']);
    expect(minfin.body?.startsWith(`${siteMarker('https://minfin.gob.gt/')}\n`)).toBe(true);
    // The site that could not be scanned is "not evaluated", not level 0.
    expect(gh.issues.get(6)!.labels).toEqual(['egov-monitor', 'no-evaluado']);
    // The summary links each site's issue by its page.
    expect(gh.issues.get(7)!.body).toContain(
      '| Ministerio de Finanzas Públicas | MINFIN | Ministerios | 3 — Interactivo | 60 | 72.5 | [#1](<https://github.com/red-ciudadana/diagnostico/issues/1>) |',
    );
    expect(first.sites[0]).toMatchObject({
      issue: 1,
      issueUrl: 'https://github.com/red-ciudadana/diagnostico/issues/1',
      action: 'created',
    });

    const before = writes().length;
    const second = await publishIssues(results, options({ runId: '101' }));
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 6,
      commented: 0,
      summaryIssue: { number: 7, action: 'unchanged' },
    });
    expect(writes()).toHaveLength(before);
    expect(gh.issues.size).toBe(7);
  });

  it('finds issues across pages by their marker, open or closed', async () => {
    await start();
    await publishIssues(sampleResults(), options());
    gh.issues.get(2)!.state = 'closed';
    // per_page 100 fits everything; force small pages through the raw client to prove Link-following.
    const client = createClient({ token: 't', baseUrl: gh.baseUrl, clock });
    const pages = await client.paginate(client.rest.issues.listForRepo, {
      owner: gh.owner,
      repo: gh.repo,
      state: 'all',
      per_page: 2,
    });
    expect(pages).toHaveLength(7);
    expect(gh.requests.filter((r) => r.query.per_page === '2')).toHaveLength(4);
    const found = await findSiteIssue(
      client,
      { owner: gh.owner, repo: gh.repo },
      'http://WWW.mineco.gob.gt/index.html',
    );
    expect(found).toMatchObject({ number: 2, state: 'closed' });
  });

  it('updates bodies in place and comments once per changed site and workflow run; re-running its jobs posts nothing', async () => {
    await start();
    await publishIssues(sampleResults(), options());
    const issuesBefore = gh.issues.size;
    const withComparison = sampleResults({ withComparison: true });
    const third = await publishIssues(withComparison, options({ runId: '102' }));
    expect(third.errors).toEqual([]);
    // Sites whose comparison says something changed: MINFIN (improved), MSPAS (regressed), SEGEPLAN (new), SBS (went down).
    expect(third.sites.filter((s) => s.commented).map((s) => s.url)).toEqual([
      'https://www.minfin.gob.gt/',
      'https://www.mspas.gob.gt/',
      'https://www.segeplan.gob.gt/',
      'https://www.sbs.gob.gt/',
    ]);
    expect(third.commented).toBe(4);
    // Every body changes: each now has two runs to chart its level history from (the comparison's).
    expect(third.updated).toBe(6);
    expect(third.unchanged).toBe(0);
    expect(gh.issues.size).toBe(issuesBefore);
    const minfin = gh.issues.get(1)!;
    expect(minfin.body).toContain('### Cambios desde la corrida anterior');
    expect(minfin.comments).toHaveLength(1);
    const comment = minfin.comments[0]!.body;
    expect(comment).toContain('<!-- egov-monitor:run:102 -->');
    // The comment links the workflow run and names the check by its title.
    expect(comment).toContain(
      '### Cambios en la corrida [102](<https://github.com/red-ciudadana/diagnostico/actions/runs/100>)',
    );
    expect(comment).toContain('Verificaciones que cambiaron: Cabecera HSTS: ✅ Cumple → ❌ No cumple');
    expect(gh.issues.get(2)!.comments).toHaveLength(0);

    // "Re-run jobs": attempt 2 of the same workflow run. Nothing new, not even the issue edits.
    const writesBefore = writes().length;
    const attempt2 = await publishIssues(withComparison, options({ runId: '102' }));
    expect(attempt2).toMatchObject({ created: 0, updated: 0, commented: 0, unchanged: 6 });
    expect(minfin.comments).toHaveLength(1);
    expect(writes()).toHaveLength(writesBefore);
  });

  it('counts a comment marked by an earlier version with the attempt (`<run>-1`) as this run’s', async () => {
    await start();
    await publishIssues(sampleResults(), options());
    gh.issues.get(1)!.comments.push({
      id: 1,
      body: '<!-- egov-monitor:run:102-1 -->\n### Cambios',
      created_at: '2026-03-02T15:00:00Z',
      updated_at: '2026-03-02T15:00:00Z',
    });
    const summary = await publishIssues(sampleResults({ withComparison: true }), options({ runId: '102' }));
    expect(gh.issues.get(1)!.comments).toHaveLength(1);
    expect(summary.commented).toBe(3);
  });

  it('tells of an unreachable site once when it goes down and once when it returns, not on every run while it stays down', async () => {
    await start();
    const up = runOn(1, true);
    await publishIssues(up, options({ runId: '1' }));
    const sbs = siteIssues().find((i) => i.title.includes('SBS'))!;
    expect(sbs.title).toBe('[egov-monitor] SBS — Nivel 2 Ampliado (40)');

    const down = runOn(2, false, up);
    await publishIssues(down, options({ runId: '2' }));
    expect(sbs.comments).toHaveLength(1);
    expect(sbs.comments[0]!.body).toContain('No se pudo cargar en esta corrida');
    expect(sbs.title).toBe('[egov-monitor] SBS — No evaluado (timeout)');
    expect(sbs.labels).toContain('no-evaluado');

    const stillDown = runOn(3, false, down);
    const third = await publishIssues(stillDown, options({ runId: '3' }));
    const stillDownAgain = runOn(4, false, stillDown);
    await publishIssues(stillDownAgain, options({ runId: '4' }));
    expect(sbs.comments).toHaveLength(1);
    expect(third.sites.find((s) => s.url === 'https://www.sbs.gob.gt/')).toMatchObject({ commented: false });

    const back = runOn(5, true, stillDownAgain);
    await publishIssues(back, options({ runId: '5' }));
    expect(sbs.comments).toHaveLength(2);
    expect(sbs.comments[1]!.body).toContain('**Se volvió a evaluar** — Nivel: No evaluado → 2 Ampliado (40)');
    expect(sbs.labels).toContain('nivel-2');
    // No other site changed in those runs: no other comment anywhere.
    expect(
      siteIssues()
        .filter((i) => i !== sbs)
        .every((i) => i.comments.length === 0),
    ).toBe(true);
  });

  it('never repeats a POST whose answer was lost: a 502 after GitHub created the issue leaves exactly one', async () => {
    await start();
    gh.inject({
      kind: 'bad-gateway-after-commit',
      match: (r) => r.method === 'POST' && titleOf(r.body).includes('MINFIN'),
    });
    gh.inject({
      kind: 'reset-after-commit',
      match: (r) => r.method === 'POST' && titleOf(r.body).includes('MSPAS'),
    });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.errors).toEqual([]);
    expect(summary.created).toBe(6);
    for (const acronym of ['MINFIN', 'MSPAS']) {
      expect(
        gh.requests.filter((r) => r.method === 'POST' && titleOf(r.body).includes(acronym)),
      ).toHaveLength(1);
      expect(siteIssues().filter((i) => i.title.includes(acronym))).toHaveLength(1);
    }
    expect(siteIssues()).toHaveLength(6);
    // The summary links the issue that exists.
    expect(summary.sites[0]).toMatchObject({ issue: 1, action: 'created' });
    expect(gh.issues.get(summary.summaryIssue!.number)!.body).toContain(
      '[#1](<https://github.com/red-ciudadana/diagnostico/issues/1>)',
    );
    expect(logged.some((m) => /creating the issue ".*MINFIN.*" got HTTP 502.*looking for it/.test(m))).toBe(
      true,
    );
  });

  it('creates a label once even when GitHub loses the answer (a label is known by its name)', async () => {
    await start();
    gh.inject({
      kind: 'bad-gateway-after-commit',
      match: (r) => r.method === 'POST' && r.path.endsWith('/labels'),
    });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.errors).toEqual([]);
    expect(gh.labels.filter((l) => l.name === 'egov-monitor')).toHaveLength(1);
    expect(
      gh.requests
        .filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))
        .map((r) => r.status)
        .slice(0, 2),
    ).toEqual([502, 422]);
    expect(summary.labelsCreated).not.toContain('egov-monitor');
    expect(summary.labelsCreated).toHaveLength(7);
  });

  it('sends the POST again when the issue is not there after a 502 that created nothing', async () => {
    await start();
    gh.inject({
      kind: 'bad-gateway',
      match: (r) => r.method === 'POST' && titleOf(r.body).includes('MINFIN'),
    });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.errors).toEqual([]);
    const posts = gh.requests.filter((r) => r.method === 'POST' && titleOf(r.body).includes('MINFIN'));
    expect(posts.map((r) => r.status)).toEqual([502, 201]);
    // Between the two POSTs the issues were listed again.
    const between = gh.requests.slice(gh.requests.indexOf(posts[0]!) + 1, gh.requests.indexOf(posts[1]!));
    expect(between.some((r) => r.method === 'GET' && r.path.endsWith('/issues'))).toBe(true);
    expect(siteIssues().filter((i) => i.title.includes('MINFIN'))).toHaveLength(1);
  });

  it('posts one comment when GitHub answers 502 after posting it', async () => {
    await start();
    await publishIssues(sampleResults(), options());
    gh.inject({
      kind: 'bad-gateway-after-commit',
      match: (r) => r.method === 'POST' && r.path.endsWith('/issues/1/comments'),
    });
    const summary = await publishIssues(sampleResults({ withComparison: true }), options({ runId: '7' }));
    expect(summary.errors).toEqual([]);
    expect(gh.issues.get(1)!.comments).toHaveLength(1);
    expect(
      gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/1/comments')),
    ).toHaveLength(1);
  });

  it('closes, as a duplicate of the oldest, any other open issue carrying a site’s marker, and links the kept one', async () => {
    await start();
    const results = sampleResults();
    await publishIssues(results, options());
    const copy = gh.issues.get(1)!;
    const dup = gh.addIssue({ title: copy.title, body: copy.body!, labels: copy.labels });
    const summaryDup = gh.addIssue({
      title: 'copia',
      body: gh.issues.get(7)!.body!,
      labels: ['egov-monitor'],
    });
    const summary = await publishIssues(results, options({ runId: '101' }));
    expect(summary.errors).toEqual([]);
    expect(summary.duplicatesClosed).toBe(2);
    for (const number of [dup, summaryDup]) {
      expect(gh.issues.get(number)).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
    }
    expect(gh.issues.get(dup)!.comments.map((c) => c.body)).toEqual([
      expect.stringContaining('se sigue actualizando en #1; se cierra como duplicado'),
    ]);
    expect(gh.issues.get(1)!.state).toBe('open');
    expect(summary.sites[0]).toMatchObject({ issue: 1 });
    expect(summary.summaryIssue).toMatchObject({ number: 7 });
    expect(gh.issues.get(7)!.body).toContain('[#1](<');
    // The next run finds nothing left to close.
    const next = await publishIssues(results, options({ runId: '102' }));
    expect(next.duplicatesClosed).toBe(0);
  });

  it('closes a duplicate as not planned on a server without the duplicate reason', async () => {
    await start({ stateReasons: ['completed', 'not_planned', 'reopened'] });
    const results = sampleResults();
    await publishIssues(results, options());
    const dup = gh.addIssue({ title: 'x', body: gh.issues.get(2)!.body!, labels: ['egov-monitor'] });
    const summary = await publishIssues(results, options({ runId: '101' }));
    expect(summary.errors).toEqual([]);
    expect(gh.issues.get(dup)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
  });

  it('closes the issue of a site removed from the list only when asked, and reopens it if it returns', async () => {
    await start();
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
    expect(gh.issues.get(3)!.comments.map((c) => c.body)).toEqual([
      expect.stringContaining('ya no está en la lista'),
    ]);
    const back = await publishIssues(results, options({ closeRemoved: true }));
    expect(back).toMatchObject({ created: 0, closed: 0 });
    expect(gh.issues.get(3)!.state).toBe('open');
  });
});

describe('rate limits and pacing, on the clock the double records', () => {
  for (const status of [429, 403] as const) {
    it(`waits out a secondary rate limit (${status}, retry-after 20 s): nothing is sent inside the window`, async () => {
      await start();
      gh.inject({
        kind: 'secondary-rate-limit',
        status,
        retryAfter: 20,
        match: (r) => r.method === 'POST' && titleOf(r.body).includes('MINECO'),
      });
      const summary = await publishIssues(sampleResults(), options());
      expect(summary.errors).toEqual([]);
      expect(summary.created).toBe(6);
      const limited = gh.requests.filter((r) => r.status === status);
      // Only the request that met the limit: none was refused again inside the window.
      expect(limited).toHaveLength(1);
      const [hit] = limited;
      expect(after(hit!).every((r) => r.at >= hit!.at + 20_000)).toBe(true);
      // The retry goes out at the end of the window, not later (the wait is the one GitHub asked for).
      expect(after(hit!)[0]).toMatchObject({ method: 'POST', status: 201, at: hit!.at + 20_000 });
      expect(logged).toContain(
        `GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues; retry 1/3 after 20 s`,
      );
    });
  }

  it('waits until x-ratelimit-reset when the primary limit is spent', async () => {
    await start();
    gh.inject({
      kind: 'primary-rate-limit',
      resetAfter: 90,
      match: (r) => r.method === 'POST' && r.path.endsWith('/labels'),
    });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.errors).toEqual([]);
    const hit = gh.requests.find((r) => r.status === 403)!;
    const reset = (Math.ceil(hit.at / 1000) + 90) * 1000;
    expect(gh.requests.filter((r) => r.status === 403)).toHaveLength(1);
    expect(after(hit).every((r) => r.at >= reset)).toBe(true);
    expect(logged.some((m) => /primary rate limit on POST .*\/labels; retry 1\/3/.test(m))).toBe(true);
  });

  it('waits a minute when a secondary limit comes without retry-after', async () => {
    await start();
    gh.inject({ kind: 'secondary-rate-limit', retryAfter: null, match: (r) => r.method === 'PATCH' });
    await publishIssues(sampleResults(), options());
    gh.requests.length = 0;
    await publishIssues(sampleResults({ withComparison: true }), options({ runId: '2' }));
    const hit = gh.requests.find((r) => r.status === 403)!;
    expect(after(hit)[0]!.at).toBe(hit.at + 60_000);
  });

  it('paces writes: at least 1 s apart, 3 s between those that notify', async () => {
    await start();
    const check = (w: RecordedRequest[]): void => {
      for (let i = 1; i < w.length; i += 1) expect(w[i]!.at - w[i - 1]!.at).toBeGreaterThanOrEqual(1000);
      const notifying = w.filter((r) => r.method === 'POST' && /\/issues(\/\d+\/comments)?$/.test(r.path));
      expect(notifying.length).toBeGreaterThan(3);
      for (let i = 1; i < notifying.length; i += 1)
        expect(notifying[i]!.at - notifying[i - 1]!.at).toBeGreaterThanOrEqual(3000);
    };
    await publishIssues(sampleResults(), options());
    const first = writes();
    expect(first.length).toBeGreaterThan(10);
    check(first);
    await publishIssues(sampleResults({ withComparison: true }), options({ runId: '2' }));
    check(writes().slice(first.length));
  });

  it('gives up on a rate limit after a bounded number of retries and reports that site only', async () => {
    await start();
    gh.inject({
      kind: 'secondary-rate-limit',
      retryAfter: 5,
      times: 10,
      match: (r) => r.method === 'POST' && titleOf(r.body).includes('MSPAS'),
    });
    const summary = await publishIssues(
      sampleResults(),
      options({ client: { clock, maxRateLimitRetries: 2 } }),
    );
    expect(summary.created).toBe(5);
    expect(summary.errors).toEqual([
      {
        url: 'https://www.mspas.gob.gt/',
        step: 'site',
        message: expect.stringMatching(/^HTTP 403: .*secondary rate limit/),
      },
    ]);
    const refused = gh.requests.filter((r) => r.status === 403);
    expect(refused).toHaveLength(3);
    // Giving up on that request does not send the next one inside GitHub's window either.
    expect(after(refused[2]!)[0]!.at).toBeGreaterThanOrEqual(refused[2]!.at + 5_000);
    expect(summary.permission).toBeNull();
  });

  it('repeats a POST after a 5xx only when its caller marks it idempotent (a Git blob or tree is stored by content)', async () => {
    await start();
    const client = createClient({ token: 't', baseUrl: gh.baseUrl, clock });
    const repo = { owner: gh.owner, repo: gh.repo };
    gh.inject({
      kind: 'bad-gateway',
      times: 3,
      match: (r) => r.method === 'POST' && r.path.endsWith('/labels'),
    });
    await expect(
      client.rest.issues.createLabel({ ...repo, name: 'a', color: 'ffffff' }),
    ).rejects.toMatchObject({ status: 502 });
    await client.rest.issues.createLabel({
      ...repo,
      name: 'b',
      color: 'ffffff',
      request: { idempotent: true },
    });
    expect(
      gh.requests.filter((r) => r.method === 'POST').map((r) => `${titleOfLabel(r.body)} ${r.status}`),
    ).toEqual(['a 502', 'b 502', 'b 502', 'b 201']);
  });

  it('retries a read after a 502 with a growing pause', async () => {
    await start();
    gh.inject({
      kind: 'bad-gateway',
      times: 2,
      match: (r) => r.method === 'GET' && r.path.endsWith('/issues'),
    });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.errors).toEqual([]);
    const lists = gh.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues')).slice(0, 3);
    expect(lists.map((r) => r.status)).toEqual([502, 502, 200]);
    expect([lists[1]!.at - lists[0]!.at, lists[2]!.at - lists[1]!.at]).toEqual([1000, 4000]);
  });
});

describe('failures are visible', () => {
  it('stops at the first write a read-only token may not do, naming the permission', async () => {
    await start({ permissions: { issues: 'read' } });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.permission).toMatchObject({
      status: 403,
      permission: 'issues',
      access: 'write',
      message: 'Resource not accessible by integration',
    });
    expect(summary.permission!.accepted).toBe('issues=write; pull_requests=write');
    // One refused write, then nothing more was tried.
    expect(writes()).toHaveLength(1);
    expect(summary.sites.every((s) => s.action === 'skipped')).toBe(true);
    expect(gh.issues.size).toBe(0);
  });

  it('says so when the token cannot even see the repository', async () => {
    await start({ permissions: {} });
    const failure = await publishIssues(sampleResults(), options()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as PublishError).permission).toMatchObject({
      status: 404,
      permission: 'issues',
      access: 'read',
    });
  });

  it('keeps one issue for a site whose URL is 60,000 characters long, run after run', async () => {
    gh = await startGitHubDouble();
    const results = sampleResults();
    const long = `https://www.minfin.gob.gt/tramites/${'expediente-'.repeat(5_500)}fin`;
    expect(long.length).toBeGreaterThan(60_000);
    results.sites[0] = { ...results.sites[0]!, url: long, finalUrl: long };
    const first = await publishIssues(results, options());
    expect(first.errors).toEqual([]);
    const issue = gh.issues.get(first.sites[0]!.issue!)!;
    // The body is cut to fit GitHub's limit; the marker, a hash of the site's identity, is whole at its top.
    expect(issue.body!.length).toBeLessThanOrEqual(MAX_BODY);
    expect(issue.body!.startsWith(`${siteMarker(long)}\n`)).toBe(true);
    const size = gh.issues.size;
    const second = await publishIssues(results, options({ runId: '101-1' }));
    const third = await publishIssues(results, options({ runId: '102-1' }));
    for (const run of [second, third]) {
      expect(run.errors).toEqual([]);
      expect(run.created).toBe(0);
      expect(run.sites[0]).toMatchObject({ issue: issue.number, action: 'unchanged' });
    }
    expect(gh.issues.size).toBe(size);
  });

  it('finds the issues older versions marked with the URL itself, www or not, and rewrites them with the new marker', async () => {
    gh = await startGitHubDouble();
    const results = sampleResults();
    await publishIssues(results, options());
    const size = gh.issues.size;
    // What an older version wrote: the normalised URL, www kept, as the marker.
    for (const issue of gh.issues.values()) {
      const site = results.sites.find((s) => issue.body?.startsWith(siteMarker(s.url)));
      if (!site) continue;
      const legacy = new URL(site.url).host + new URL(site.url).pathname.replace(/\/$/, '');
      issue.body = issue.body!.replace(siteMarker(site.url), `<!-- egov-monitor:site:${legacy} -->`);
    }
    expect(gh.issues.get(1)!.body).toContain('<!-- egov-monitor:site:www.minfin.gob.gt -->');
    // This run's list names MINFIN without www: the same site.
    const bare = sampleResults();
    bare.sites[0] = { ...bare.sites[0]!, url: 'https://minfin.gob.gt/' };
    const again = await publishIssues(bare, options({ runId: '101-1' }));
    expect(again.errors).toEqual([]);
    expect(again.created).toBe(0);
    expect(again.updated).toBe(6);
    expect(gh.issues.size).toBe(size);
    expect(gh.issues.get(1)!.body!.startsWith(siteMarker('https://minfin.gob.gt/'))).toBe(true);
    expect([...gh.issues.values()].some((i) => i.body?.includes('egov-monitor:site:'))).toBe(false);
  });

  it('reports a failing site and publishes the others', async () => {
    await start();
    gh.inject({
      kind: 'unprocessable',
      times: Infinity,
      match: (r) => r.method === 'POST' && titleOf(r.body).includes('SOSEP'),
    });
    const summary = await publishIssues(sampleResults(), options());
    expect(summary.created).toBe(5);
    expect(summary.sites.find((s) => s.url === 'http://sosep.gob.gt/')).toMatchObject({
      action: 'failed',
      issue: null,
    });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatchObject({
      url: 'http://sosep.gob.gt/',
      message: expect.stringMatching(/^HTTP 422/),
    });
    expect(summary.summaryIssue?.action).toBe('created');
  });

  it('writes nothing on a dry run', async () => {
    await start();
    const summary = await publishIssues(sampleResults(), options({ dryRun: true }));
    expect(summary).toMatchObject({ created: 6, dryRun: true, summaryIssue: { action: 'created' } });
    expect(writes()).toHaveLength(0);
  });
});

describe('the GitHub double', () => {
  it('rejects a request that violates GitHub’s schema', async () => {
    await start();
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
    await start();
    const client = createClient({ token: 't', baseUrl: gh.baseUrl, clock });
    await client.rest.issues.create({ owner: gh.owner, repo: gh.repo, title: 'x', body: 'y' });
    // Corrupt the state: GitHub's issue `state` is a string and `comments` an integer.
    (gh.issues.get(1) as unknown as { state: unknown }).state = 42;
    await client.rest.issues.get({ owner: gh.owner, repo: gh.repo, issue_number: 1 });
    expect(gh.violations).toHaveLength(1);
    expect(gh.violations[0]).toMatchObject({
      request: `GET /repos/${gh.owner}/${gh.repo}/issues/1`,
      where: 'response 200',
    });
    expect(gh.violations[0]!.errors.join(' ')).toMatch(/\/state must be string/);
    gh.violations.length = 0;
  });

  it('keeps refusing inside a rate-limit window, as GitHub does', async () => {
    await start();
    gh.inject({
      kind: 'secondary-rate-limit',
      status: 429,
      retryAfter: 20,
      match: (r) => r.method === 'GET',
    });
    const url = `${gh.baseUrl}/repos/${gh.owner}/${gh.repo}/labels`;
    expect((await fetch(url)).status).toBe(429);
    clock.advance(19_000);
    const again = await fetch(url);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('20');
    clock.advance(1_000);
    expect((await fetch(url)).status).toBe(200);
  });
});
