/**
 * A local, stateful stand-in for the GitHub REST API on 127.0.0.1, for the reporter's tests. Every request and
 * every response it sends is validated against GitHub's OpenAPI description; a mismatch is answered 422
 * (request) and recorded in `violations`, which tests assert to be empty. Beyond the operations it implements
 * (the `OPERATIONS` table: add a row for a new endpoint) it behaves as GitHub does around them:
 * - Link-header pagination;
 * - the token's permissions: a write it may not do is refused 403 "Resource not accessible by integration" with
 *   the `x-accepted-github-permissions` header, as GitHub does for GITHUB_TOKEN, GitHub Apps and fine-grained tokens;
 * - rate limits: once a limit fires, every request inside its window is refused again (GitHub keeps refusing),
 *   with `retry-after` or `x-ratelimit-remaining: 0` + `x-ratelimit-reset` on the double's clock;
 * - faults that lose the answer *after* the write was done (502, or a dropped connection), the case that tempts
 *   a client to repeat a POST;
 * - every request is recorded with the time it arrived on the double's clock (pass the client's virtual clock).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { createGitDataDouble } from './git-data-double.js';
import type { GitDataDouble } from './git-data-double.js';
import { OpenApiValidator } from './openapi-validator.js';
import type { ValidationProblem } from './openapi-validator.js';

export { virtualClock } from './virtual-clock.js';
export type { VirtualClock } from './virtual-clock.js';

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

export type StateReason = 'completed' | 'reopened' | 'not_planned' | 'duplicate';

export interface DoubleIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: StateReason | null;
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
  /** 0 when the double dropped the connection instead of answering. */
  status: number;
  /** When it arrived, in milliseconds on the double's clock. */
  at: number;
}

export type FaultKind =
  /** 403 (or `status: 429`) "You have exceeded a secondary rate limit", with `retry-after` unless it is null. */
  | 'secondary-rate-limit'
  /** 403 (or 429) with `x-ratelimit-remaining: 0` and a reset `resetAfter` seconds later. */
  | 'primary-rate-limit'
  /** 502 before doing anything. */
  | 'bad-gateway'
  /** Does the request, then answers 502: the write happened but the client cannot know. */
  | 'bad-gateway-after-commit'
  /** Does the request, then drops the connection: a network error after sending. */
  | 'reset-after-commit'
  | 'unprocessable';

export interface Fault {
  /** Which requests it hits. */
  match: (req: { method: string; path: string; body: unknown }) => boolean;
  kind: FaultKind;
  /** How many matching requests fail before it stops (default 1). */
  times?: number;
  /** For rate limits: 403 (default) or 429. */
  status?: 403 | 429;
  /** For a secondary rate limit: seconds in `retry-after` (default 60); null sends no header. */
  retryAfter?: number | null;
  /** For a primary rate limit: seconds until `x-ratelimit-reset` (default 60). */
  resetAfter?: number;
}

export type Access = 'read' | 'write';

export interface DoubleOptions {
  owner?: string;
  repo?: string;
  /** GHES-style prefix such as `/api/v3`. */
  pathPrefix?: string;
  /** The clock requests are timed on and rate-limit windows measured with (share the client's virtual clock). */
  clock?: Clock;
  /** What the token may do (default: write to issues, pull requests and contents). */
  permissions?: Record<string, Access>;
  /** `state_reason` values the server accepts when closing (older GitHub Enterprise Server has no `duplicate`). */
  stateReasons?: StateReason[];
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
  /** What the token may do; change it between runs (e.g. `{ issues: 'read' }`). */
  permissions: Record<string, Access>;
  inject(fault: Fault): void;
  /** Puts an issue in place as if someone (or an earlier run) had created it; returns its number. */
  addIssue(fields: { title: string; body: string; labels?: string[]; state?: 'open' | 'closed' }): number;
  close(): Promise<void>;
}

let sharedValidator: OpenApiValidator | undefined;
/** Parsing the 13 MB description takes a moment; one per test process is enough. */
export function openApiValidator(): OpenApiValidator {
  sharedValidator ??= new OpenApiValidator();
  return sharedValidator;
}

const DOCS = 'https://docs.github.com/rest';

export type Reply = [status: number, body: unknown];

export interface Call {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  path: string;
  res: ServerResponse;
  issue: DoubleIssue | undefined;
}

export interface Operation {
  /** As in `x-accepted-github-permissions`: alternatives separated by `;`, each a `,`-separated set. */
  permission: string;
  run: (call: Call) => Reply;
}

export async function startGitHubDouble(options: DoubleOptions = {}): Promise<GitHubDouble> {
  const owner = options.owner ?? 'red-ciudadana';
  const repo = options.repo ?? 'diagnostico';
  const prefix = options.pathPrefix ?? '';
  const clock = options.clock ?? systemClock;
  const stateReasons = options.stateReasons ?? ['completed', 'not_planned', 'duplicate', 'reopened'];
  const permissions: Record<string, Access> = options.permissions ?? {
    issues: 'write',
    pull_requests: 'write',
    contents: 'write',
  };
  const validator = openApiValidator();
  const issues = new Map<number, DoubleIssue>();
  const labels: DoubleLabel[] = [];
  const requests: RecordedRequest[] = [];
  const violations: GitHubDouble['violations'] = [];
  const faults: (Fault & { left: number })[] = [];
  /** A rate limit in force: every request before `until` gets `reply` again. */
  let limited: { until: number; reply: () => [number, Record<string, string>, object] } | null = null;
  let ids = 1000;
  let tick = 0;
  let origin = '';
  // Deterministic timestamps: each write is one second after the previous one.
  const stamp = (): string => new Date(Date.UTC(2026, 2, 2, 15, 0, tick++)).toISOString();

  const repoUrl = (): string => `${origin}${prefix}/repos/${owner}/${repo}`;
  const git = createGitDataDouble({ owner, repo, repoUrl, now: stamp });
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
  const paginate = <T>(items: T[], call: Call): T[] => {
    const { query, path, res } = call;
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

  const validationFailed = (resource: string, field: string, code: string, message?: string): Reply => [
    422,
    {
      message: 'Validation Failed',
      errors: [{ resource, field, code, ...(message ? { message } : {}) }],
      documentation_url: DOCS,
    },
  ];

  const labelNames = (raw: unknown): string[] =>
    Array.isArray(raw)
      ? raw.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name)))
      : [];

  const ensureLabels = (names: string[]): void => {
    for (const name of names) {
      if (!labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
        labels.push({ id: ids++, name, color: 'ededed', description: null });
    }
  };

  const createIssue = (fields: {
    title: string;
    body: string | null;
    labels: string[];
    state?: 'open' | 'closed';
  }): DoubleIssue => {
    const number = issues.size + 1;
    const t = stamp();
    const closed = fields.state === 'closed';
    const issue: DoubleIssue = {
      number,
      title: fields.title,
      body: fields.body,
      state: closed ? 'closed' : 'open',
      state_reason: closed ? 'completed' : null,
      labels: fields.labels,
      comments: [],
      created_at: t,
      updated_at: t,
      closed_at: closed ? t : null,
    };
    ensureLabels(issue.labels);
    issues.set(number, issue);
    return issue;
  };

  const MAX_BODY = 65536;

  /** The operations the double implements, by GitHub's operationId. */
  const OPERATIONS: Record<string, Operation> = {
    'issues/list-for-repo': {
      permission: 'issues=read',
      run: (call) => {
        const { query } = call;
        const state = query.state ?? 'open';
        const wanted = (query.labels ?? '')
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        const list = [...issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
          .sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number));
        return [200, paginate(list, call).map(issueJson)];
      },
    },
    'issues/get': { permission: 'issues=read', run: ({ issue }) => [200, issueJson(issue!)] },
    'issues/create': {
      permission: 'issues=write',
      run: ({ body, res }) => {
        if (typeof body.body === 'string' && body.body.length > MAX_BODY)
          return validationFailed(
            'Issue',
            'body',
            'custom',
            'body is too long (maximum is 65536 characters)',
          );
        const created = createIssue({
          title: String(body.title),
          body: typeof body.body === 'string' ? body.body : null,
          labels: labelNames(body.labels),
        });
        res.setHeader('location', `${repoUrl()}/issues/${created.number}`);
        return [201, issueJson(created)];
      },
    },
    'issues/update': {
      permission: 'issues=write',
      run: ({ body, issue }) => {
        const i = issue!;
        if (typeof body.body === 'string' && body.body.length > MAX_BODY)
          return validationFailed(
            'Issue',
            'body',
            'custom',
            'body is too long (maximum is 65536 characters)',
          );
        const reason = body.state_reason as StateReason | null | undefined;
        if (reason && !stateReasons.includes(reason))
          return validationFailed('Issue', 'state_reason', 'invalid');
        if (body.title !== undefined) i.title = String(body.title);
        if (body.body !== undefined) i.body = body.body === null ? null : String(body.body);
        if (body.labels !== undefined) {
          i.labels = labelNames(body.labels);
          ensureLabels(i.labels);
        }
        // GitHub ignores state_reason unless the state changes.
        if (body.state === 'closed' && i.state === 'open') {
          i.state = 'closed';
          i.closed_at = stamp();
          i.state_reason = reason ?? 'completed';
        } else if (body.state === 'open' && i.state === 'closed') {
          i.state = 'open';
          i.closed_at = null;
          i.state_reason = 'reopened';
        }
        i.updated_at = stamp();
        return [200, issueJson(i)];
      },
    },
    'issues/list-comments': {
      permission: 'issues=read',
      run: (call) => [200, paginate(call.issue!.comments, call).map((c) => commentJson(call.issue!, c))],
    },
    'issues/create-comment': {
      permission: 'issues=write',
      run: ({ body, issue, res }) => {
        const t = stamp();
        const c: DoubleComment = { id: ids++, body: String(body.body), created_at: t, updated_at: t };
        issue!.comments.push(c);
        issue!.updated_at = t;
        res.setHeader('location', `${repoUrl()}/issues/comments/${c.id}`);
        return [201, commentJson(issue!, c)];
      },
    },
    'issues/update-comment': {
      permission: 'issues=write; pull_requests=write',
      run: ({ params, body }) => {
        for (const i of issues.values()) {
          const c = i.comments.find((comment) => comment.id === Number(params.comment_id));
          if (!c) continue;
          if (typeof body.body === 'string' && body.body.length > MAX_BODY)
            return validationFailed(
              'IssueComment',
              'body',
              'custom',
              'body is too long (maximum is 65536 characters)',
            );
          c.body = String(body.body);
          c.updated_at = stamp();
          return [200, commentJson(i, c)];
        }
        return notFound();
      },
    },
    'issues/list-labels-for-repo': {
      permission: 'issues=read; pull_requests=read',
      run: (call) => [200, paginate(labels, call).map(labelJson)],
    },
    'issues/create-label': {
      permission: 'issues=write; pull_requests=write',
      run: ({ body, res }) => {
        const name = String(body.name);
        if (labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
          return validationFailed('Label', 'name', 'already_exists');
        const l: DoubleLabel = {
          id: ids++,
          name,
          color: String(body.color ?? 'ededed').replace(/^#/, ''),
          description: typeof body.description === 'string' ? body.description : null,
        };
        labels.push(l);
        res.setHeader('location', `${repoUrl()}/labels/${encodeURIComponent(name)}`);
        return [201, labelJson(l)];
      },
    },
    // Blobs, trees, commits, refs and the contents read: the history's data branch (git-data-double.ts).
    ...git.operations,
  };

  /** Whether the token holds one of the permission sets an operation accepts (write implies read). */
  const allowed = (accepted: string): boolean =>
    accepted.split(';').some((set) =>
      set.split(',').every((pair) => {
        const [name = '', access = ''] = pair.trim().split('=');
        const held = permissions[name];
        return held === 'write' || (held === 'read' && access === 'read');
      }),
    );

  const notFound = (): Reply => [404, { message: 'Not Found', documentation_url: DOCS, status: '404' }];

  const rateLimitReply = (f: Fault): (() => [number, Record<string, string>, object]) => {
    const status = f.status ?? 403;
    if (f.kind === 'primary-rate-limit') {
      const reset = Math.ceil(clock.now() / 1000) + (f.resetAfter ?? 60);
      return () => [
        status,
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core',
        },
        {
          message: 'API rate limit exceeded for user ID 424242.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
          status: String(status),
        },
      ];
    }
    const retryAfter = f.retryAfter === undefined ? 60 : f.retryAfter;
    const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
    return () => [
      status,
      headers,
      {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
        status: String(status),
      },
    ];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const at = clock.now();
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
      const record = (status: number): void => {
        requests.push({ method, path: url.pathname, query, body, status, at });
      };
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        record(status);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(payload === undefined || payload === null ? '' : JSON.stringify(payload));
      };
      if (!url.pathname.startsWith(prefix))
        return send(404, { message: 'Not Found', documentation_url: DOCS });
      const path = url.pathname.slice(prefix.length) || '/';
      const request = `${method} ${path}`;
      const op = validator.find(method, path);
      if (!op) {
        violations.push({
          request,
          where: 'route',
          errors: ['no such operation in the GitHub OpenAPI description'],
        });
        return send(404, { message: 'Not Found', documentation_url: DOCS });
      }
      const problems = validator.validateRequest(method, op.template, query, body);
      if (problems.length) {
        violations.push(...problems.map((p) => ({ ...p, request })));
        return send(422, {
          message: 'Validation Failed',
          errors: problems.map((p) => ({
            resource: op.operationId,
            code: 'invalid',
            message: `${p.where}: ${p.errors.join('; ')}`,
          })),
          documentation_url: DOCS,
        });
      }
      // A rate limit in force refuses everything until its window has passed, as GitHub does.
      if (limited && at < limited.until) {
        const [status, headers, payload] = limited.reply();
        return send(status, payload, headers);
      }
      limited = null;
      const operation = OPERATIONS[op.operationId];
      if (!operation) {
        violations.push({
          request,
          where: 'double',
          errors: [`${op.operationId} is not implemented by the double`],
        });
        return send(501, { message: 'Not Implemented' });
      }
      const acceptedHeader = { 'x-accepted-github-permissions': operation.permission };
      if (op.params.owner !== owner || op.params.repo !== repo)
        return send(404, notFound()[1], acceptedHeader);
      if (!allowed(operation.permission)) {
        // GitHub hides a repository the token cannot read; it refuses a write the token may not do.
        const canRead = allowed(operation.permission.replace(/=write/g, '=read'));
        if (!canRead) return send(404, notFound()[1], acceptedHeader);
        return send(
          403,
          {
            message: 'Resource not accessible by integration',
            documentation_url: `${DOCS}/issues`,
            status: '403',
          },
          acceptedHeader,
        );
      }
      const hit = faults.find((f) => f.left > 0 && f.match({ method, path, body }));
      if (hit) hit.left -= 1;
      if (hit && (hit.kind === 'secondary-rate-limit' || hit.kind === 'primary-rate-limit')) {
        const reply = rateLimitReply(hit);
        const [, headers] = reply();
        // The window: until the reset (primary) or for retry-after seconds (secondary; a minute when GitHub gives none).
        const until =
          hit.kind === 'primary-rate-limit'
            ? Number(headers['x-ratelimit-reset']) * 1000
            : at + (hit.retryAfter ?? 60) * 1000;
        limited = { until, reply };
        const [status, , payload] = reply();
        return send(status, payload, headers);
      }
      if (hit?.kind === 'bad-gateway') return send(502, { message: 'Server Error' });
      if (hit?.kind === 'unprocessable') {
        return send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', code: 'custom', message: 'injected failure' }],
          documentation_url: DOCS,
        });
      }
      const issue = op.params.issue_number ? issues.get(Number(op.params.issue_number)) : undefined;
      if (op.params.issue_number && !issue) return send(404, notFound()[1], acceptedHeader);
      const [status, payload] = operation.run({
        params: op.params,
        query,
        body: (body ?? {}) as Record<string, unknown>,
        path,
        res,
        issue,
      });
      if (hit?.kind === 'bad-gateway-after-commit') return send(502, { message: 'Server Error' });
      if (hit?.kind === 'reset-after-commit') {
        record(0);
        res.socket?.destroy();
        return;
      }
      const responseProblems = validator.validateResponse(method, op.template, status, payload);
      if (responseProblems.length) violations.push(...responseProblems.map((p) => ({ ...p, request })));
      send(status, payload, acceptedHeader);
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
    permissions,
    inject(f: Fault) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    addIssue(fields) {
      return createIssue({
        title: fields.title,
        body: fields.body,
        labels: fields.labels ?? [],
        state: fields.state,
      }).number;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
