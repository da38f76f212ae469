/**
 * A local, stateful stand-in for the GitHub REST API (issues, comments, labels) on 127.0.0.1, for the reporter's
 * tests. Every request and every response it sends is validated against GitHub's OpenAPI description; a mismatch
 * is answered 422 (request) and recorded in `violations`, which tests assert to be empty. It paginates with Link
 * headers like GitHub and can inject faults (secondary rate limit, 502, …) to exercise retry and throttling.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitDataDouble } from './git-data-double.js';
import type { GitDataDouble } from './git-data-double.js';
import { OpenApiValidator } from './openapi-validator.js';
import type { ValidationProblem } from './openapi-validator.js';

export interface DoubleLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface DoubleComment {
  id: number;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface DoubleIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | null;
  labels: string[];
  comments: DoubleComment[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface Fault {
  /** Which requests it hits. */
  match: (req: { method: string; path: string; body: unknown }) => boolean;
  kind: 'secondary-rate-limit' | 'primary-rate-limit' | 'bad-gateway' | 'unprocessable';
  /** How many matching requests fail before it stops (default 1). */
  times?: number;
}

export interface GitHubDouble {
  /** What to give Octokit as `baseUrl` (includes the GHES-style prefix when one was asked for). */
  baseUrl: string;
  owner: string;
  repo: string;
  issues: Map<number, DoubleIssue>;
  labels: DoubleLabel[];
  requests: RecordedRequest[];
  /** Blobs, trees, commits, refs and the contents read (git-data-double.ts). */
  git: GitDataDouble;
  violations: (ValidationProblem & { request: string })[];
  inject(fault: Fault): void;
  close(): Promise<void>;
}

let sharedValidator: OpenApiValidator | undefined;
/** Parsing the 13 MB description takes a moment; one per test process is enough. */
export function openApiValidator(): OpenApiValidator {
  sharedValidator ??= new OpenApiValidator();
  return sharedValidator;
}

const DOCS = 'https://docs.github.com/rest';

export async function startGitHubDouble(
  options: { owner?: string; repo?: string; pathPrefix?: string } = {},
): Promise<GitHubDouble> {
  const owner = options.owner ?? 'red-ciudadana';
  const repo = options.repo ?? 'diagnostico';
  const prefix = options.pathPrefix ?? '';
  const validator = openApiValidator();
  const issues = new Map<number, DoubleIssue>();
  const labels: DoubleLabel[] = [];
  const requests: RecordedRequest[] = [];
  const violations: GitHubDouble['violations'] = [];
  const faults: (Fault & { left: number })[] = [];
  let ids = 1000;
  let tick = 0;
  let origin = '';
  // A deterministic clock: each write is one second after the previous one.
  const now = (): string => new Date(Date.UTC(2026, 2, 2, 15, 0, tick++)).toISOString();

  const repoUrl = (): string => `${origin}${prefix}/repos/${owner}/${repo}`;
  const git = createGitDataDouble({ owner, repo, repoUrl, now });
  const user = {
    login: 'egov-monitor-bot',
    id: 424242,
    node_id: 'U_kgDOAGe0Mg',
    avatar_url: 'https://avatars.githubusercontent.com/u/424242?v=4',
    gravatar_id: '',
    url: 'https://api.github.com/users/egov-monitor-bot',
    html_url: 'https://github.com/egov-monitor-bot',
    followers_url: 'https://api.github.com/users/egov-monitor-bot/followers',
    following_url: 'https://api.github.com/users/egov-monitor-bot/following{/other_user}',
    gists_url: 'https://api.github.com/users/egov-monitor-bot/gists{/gist_id}',
    starred_url: 'https://api.github.com/users/egov-monitor-bot/starred{/owner}{/repo}',
    subscriptions_url: 'https://api.github.com/users/egov-monitor-bot/subscriptions',
    organizations_url: 'https://api.github.com/users/egov-monitor-bot/orgs',
    repos_url: 'https://api.github.com/users/egov-monitor-bot/repos',
    events_url: 'https://api.github.com/users/egov-monitor-bot/events{/privacy}',
    received_events_url: 'https://api.github.com/users/egov-monitor-bot/received_events',
    type: 'Bot',
    site_admin: false,
  };

  const labelJson = (l: DoubleLabel): object => ({
    id: l.id,
    node_id: `LA_${l.id}`,
    url: `${repoUrl()}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  });

  const issueJson = (i: DoubleIssue): object => ({
    id: 90000 + i.number,
    node_id: `I_${i.number}`,
    url: `${repoUrl()}/issues/${i.number}`,
    repository_url: repoUrl(),
    labels_url: `${repoUrl()}/issues/${i.number}/labels{/name}`,
    comments_url: `${repoUrl()}/issues/${i.number}/comments`,
    events_url: `${repoUrl()}/issues/${i.number}/events`,
    html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state_reason,
    title: i.title,
    body: i.body,
    user,
    labels: i.labels.map((name) => {
      const l = labels.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return l ? labelJson(l) : { name };
    }),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: i.comments.length,
    closed_at: i.closed_at,
    created_at: i.created_at,
    updated_at: i.updated_at,
    author_association: 'NONE',
  });

  const commentJson = (i: DoubleIssue, c: DoubleComment): object => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoUrl()}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/issues/${i.number}#issuecomment-${c.id}`,
    issue_url: `${repoUrl()}/issues/${i.number}`,
    body: c.body,
    user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE',
  });

  /** GitHub's pagination: `per_page` (max 100) and `page`, with rel="next"/"last" links built from the request. */
  const paginate = <T>(items: T[], query: Record<string, string>, path: string, res: ServerResponse): T[] => {
    const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30)));
    const page = Math.max(1, Number(query.page ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string): string => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `<${origin}${prefix}${path}?${q.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    if (links.length) res.setHeader('link', links.join(', '));
    return items.slice((page - 1) * perPage, page * perPage);
  };

  const validationFailed = (message: string): [number, object] => [
    422,
    { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'invalid', message }], documentation_url: DOCS },
  ];

  /** The in-memory API: returns [status, body]. */
  const handle = (
    operationId: string,
    params: Record<string, string>,
    query: Record<string, string>,
    body: Record<string, unknown>,
    res: ServerResponse,
    path: string,
  ): [number, unknown] => {
    if (params.owner !== owner || params.repo !== repo) return [404, { message: 'Not Found', documentation_url: DOCS }];
    const issue = params.issue_number ? issues.get(Number(params.issue_number)) : undefined;
    if (params.issue_number && !issue) return [404, { message: 'Not Found', documentation_url: DOCS }];
    const labelNames = (raw: unknown): string[] =>
      Array.isArray(raw) ? raw.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name))) : [];
    switch (operationId) {
      case 'issues/list-for-repo': {
        const state = query.state ?? 'open';
        const wanted = (query.labels ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
        const list = [...issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
          .sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number));
        return [200, paginate(list, query, path, res).map(issueJson)];
      }
      case 'issues/get':
        return [200, issueJson(issue!)];
      case 'issues/create': {
        const number = issues.size + 1;
        const t = now();
        const created: DoubleIssue = {
          number,
          title: String(body.title),
          body: typeof body.body === 'string' ? body.body : null,
          state: 'open',
          state_reason: null,
          labels: labelNames(body.labels),
          comments: [],
          created_at: t,
          updated_at: t,
          closed_at: null,
        };
        if (created.body && created.body.length > 65536) return validationFailed('body is too long (maximum is 65536 characters)');
        for (const name of created.labels) {
          if (!labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) labels.push({ id: ids++, name, color: 'ededed', description: null });
        }
        issues.set(number, created);
        res.setHeader('location', `${repoUrl()}/issues/${number}`);
        return [201, issueJson(created)];
      }
      case 'issues/update': {
        const i = issue!;
        if (typeof body.body === 'string' && body.body.length > 65536) return validationFailed('body is too long (maximum is 65536 characters)');
        if (body.title !== undefined) i.title = String(body.title);
        if (body.body !== undefined) i.body = body.body === null ? null : String(body.body);
        if (body.labels !== undefined) i.labels = labelNames(body.labels);
        if (body.state === 'closed' && i.state === 'open') {
          i.state = 'closed';
          i.closed_at = now();
          i.state_reason = (body.state_reason as DoubleIssue['state_reason']) ?? 'completed';
        } else if (body.state === 'open' && i.state === 'closed') {
          i.state = 'open';
          i.closed_at = null;
          i.state_reason = 'reopened';
        }
        i.updated_at = now();
        return [200, issueJson(i)];
      }
      case 'issues/list-comments':
        return [200, paginate(issue!.comments, query, path, res).map((c) => commentJson(issue!, c))];
      case 'issues/create-comment': {
        const t = now();
        const c: DoubleComment = { id: ids++, body: String(body.body), created_at: t, updated_at: t };
        issue!.comments.push(c);
        issue!.updated_at = t;
        res.setHeader('location', `${repoUrl()}/issues/comments/${c.id}`);
        return [201, commentJson(issue!, c)];
      }
      case 'issues/list-labels-for-repo':
        return [200, paginate(labels, query, path, res).map(labelJson)];
      case 'issues/create-label': {
        const name = String(body.name);
        if (labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
          return [422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }], documentation_url: DOCS }];
        }
        const l: DoubleLabel = {
          id: ids++,
          name,
          color: String(body.color ?? 'ededed').replace(/^#/, ''),
          description: typeof body.description === 'string' ? body.description : null,
        };
        labels.push(l);
        res.setHeader('location', `${repoUrl()}/labels/${encodeURIComponent(name)}`);
        return [201, labelJson(l)];
      }
      default:
        return git.handle(operationId, params, query, body, res) ?? [501, null];
    }
  };

  const fault = (kind: Fault['kind']): [number, Record<string, string>, object] => {
    switch (kind) {
      case 'secondary-rate-limit':
        return [
          403,
          { 'retry-after': '1' },
          { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS },
        ];
      case 'primary-rate-limit':
        return [
          403,
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) },
          { message: 'API rate limit exceeded for user ID 424242.', documentation_url: DOCS },
        ];
      case 'bad-gateway':
        return [502, {}, { message: 'Server Error' }];
      case 'unprocessable':
        return [422, {}, { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'custom', message: 'injected failure' }], documentation_url: DOCS }];
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', origin);
      const query = Object.fromEntries(url.searchParams.entries());
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        requests.push({ method, path: url.pathname, query, body, status });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(payload === undefined || payload === null ? '' : JSON.stringify(payload));
      };
      if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found', documentation_url: DOCS });
      const path = url.pathname.slice(prefix.length) || '/';
      const request = `${method} ${path}`;
      const op = validator.find(method, path);
      if (!op) {
        violations.push({ request, where: 'route', errors: ['no such operation in the GitHub OpenAPI description'] });
        return send(404, { message: 'Not Found', documentation_url: DOCS });
      }
      const problems = validator.validateRequest(method, op.template, query, body);
      if (problems.length) {
        violations.push(...problems.map((p) => ({ ...p, request })));
        return send(422, {
          message: 'Validation Failed',
          errors: problems.map((p) => ({ resource: op.operationId, code: 'invalid', message: `${p.where}: ${p.errors.join('; ')}` })),
          documentation_url: DOCS,
        });
      }
      const hit = faults.find((f) => f.left > 0 && f.match({ method, path, body }));
      if (hit) {
        hit.left -= 1;
        const [status, headers, payload] = fault(hit.kind);
        return send(status, payload, headers);
      }
      const [status, payload] = handle(op.operationId, op.params, query, (body ?? {}) as Record<string, unknown>, res, path);
      if (status === 501) {
        violations.push({ request, where: 'double', errors: [`${op.operationId} is not implemented by the double`] });
        return send(501, { message: 'Not Implemented' });
      }
      const responseProblems = validator.validateResponse(method, op.template, status, payload);
      if (responseProblems.length) violations.push(...responseProblems.map((p) => ({ ...p, request })));
      send(status, payload);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}${prefix}`,
    owner,
    repo,
    issues,
    labels,
    requests,
    git,
    violations,
    inject(f: Fault) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
