import { afterEach, describe, expect, it } from 'vitest';
import type { RunComparison, SiteSummary } from '@egov-monitor/rubric';
import { createClient } from './client.js';
import {
  PULL_REQUEST_MARKER,
  renderPullRequestComment,
  upsertPullRequestComment,
} from './pull-request-comment.js';
import { startGitHubDouble, virtualClock } from './test-support/github-double.js';
import type { GitHubDouble } from './test-support/github-double.js';

const url = 'https://www.seccuh.gob.gt/';
const site = (level: 1 | 2 | 3, overall: number): SiteSummary => ({
  url,
  finalUrl: url,
  name: 'SECCUH',
  group: 'secretaria',
  status: 'ok',
  scannedAt: '2026-03-02T10:00:00.000Z',
  maturity: { level, points: level * 20 },
  compliance: {
    areas: { accessibility: overall, security: overall, usability: overall, recommendations: overall },
    overall,
  },
});
const comparison = (change: Partial<RunComparison['sites'][number]>): RunComparison => ({
  previousStartedAt: '2026-03-01T10:00:00.000Z',
  groups: [],
  sites: [
    {
      url,
      name: 'SECCUH',
      kind: 'unchanged',
      previous: { level: 2, points: 40, status: 'ok' },
      current: { level: 2, points: 40, status: 'ok' },
      criteriaGained: [],
      criteriaLost: [],
      accessibility: { new: [], fixed: [], persisting: [] },
      checksChanged: [],
      ...change,
    },
  ],
});

let gh: GitHubDouble | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

describe('renderPullRequestComment', () => {
  it('shows the level, what is new and what is fixed against the baseline, and the preview scanned', () => {
    let body = renderPullRequestComment(
      {
        sites: [site(2, 71)],
        comparison: comparison({
          accessibility: {
            new: [{ ruleId: 'image-alt', page: url, target: '#mapa' }],
            fixed: [{ ruleId: 'label', page: `${url}contacto`, target: '#correo' }],
            persisting: [],
          },
          checksChanged: [{ id: 'https', from: 'fail', to: 'pass' }],
        }),
      },
      {
        lang: 'en',
        previewUrl: 'https://pr-12.preview.seccuh.gob.gt/',
        reportUrl: 'https://github.com/o/r/actions/runs/1',
      },
    );
    expect(body.startsWith(PULL_REQUEST_MARKER)).toBe(true);
    // escapeMarkdown breaks bare URLs with zero-width spaces so GitHub does not link a site's text; read without them.
    body = body.replaceAll('\u200b', '');
    expect(body).toContain('Preview scanned: https://pr-12.preview.seccuh.gob.gt/');
    expect(body).toContain('| SECCUH | 2 | 71 |');
    expect(body).toContain('### ❌ Worse since the baseline (1)');
    expect(body).toContain(`- new accessibility violation image-alt on ${url}: \\#mapa`);
    expect(body).toContain('### Fixed since the baseline (2)');
    expect(body).toContain('- check https: passes now');
    expect(body).toContain('Baseline: the run of 2026-03-01T10:00:00.000Z.');
  });

  it('says when nothing got worse, and when there is no baseline', () => {
    expect(
      renderPullRequestComment({ sites: [site(2, 71)], comparison: comparison({}) }, { lang: 'es' }),
    ).toContain('Nada empeoró desde la línea base.');
    expect(renderPullRequestComment({ sites: [site(2, 71)] }, { lang: 'es' })).toContain('Sin línea base');
  });
});

describe('upsertPullRequestComment against the GitHub API double', () => {
  it('creates one comment on the first event and edits that one on the next, beside other comments', async () => {
    const clock = virtualClock();
    gh = await startGitHubDouble({ clock });
    const pull = gh.addIssue({ title: 'Nueva página de trámites', body: 'pull request' });
    const client = createClient({ token: 't', baseUrl: gh.baseUrl, clock });
    const repo = { owner: gh.owner, repo: gh.repo };
    await client.rest.issues.createComment({ ...repo, issue_number: pull, body: 'LGTM' });

    const first = await upsertPullRequestComment(client, repo, pull, `${PULL_REQUEST_MARKER}\nlevel 2`);
    expect(first.action).toBe('created');
    const second = await upsertPullRequestComment(client, repo, pull, `${PULL_REQUEST_MARKER}\nlevel 3`);
    expect(second).toEqual({ action: 'updated', commentId: first.commentId });
    const again = await upsertPullRequestComment(client, repo, pull, `${PULL_REQUEST_MARKER}\nlevel 3`);
    expect(again).toEqual({ action: 'unchanged', commentId: first.commentId });

    const comments = gh.issues.get(pull)!.comments;
    expect(comments.map((comment) => comment.body)).toEqual(['LGTM', `${PULL_REQUEST_MARKER}\nlevel 3`]);
    expect(gh.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    expect(gh.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  });
});
