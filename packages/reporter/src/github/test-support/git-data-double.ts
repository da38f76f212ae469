/**
 * The Git Data part of the GitHub API double (blobs, trees, commits, refs, and the contents read): an in-memory
 * object store with Git's own object ids (SHA-1 of `blob <size>\0…`, of the tree entries, of the commit text), so a
 * tree built on a base tree and a commit on a parent behave as on GitHub. Composed by github-double.ts, which
 * routes every request, validates it against GitHub's OpenAPI description and checks the token's permission
 * (`contents`) before it reaches one of these `operations`.
 *
 * `interleave` runs a function right before the next ref update: the way a test makes another writer move the
 * branch between our read and our write, as two concurrent workflow runs would.
 */
import { createHash } from 'node:crypto';
import type { Operation, Reply } from './github-double.js';

interface BlobObject {
  type: 'blob';
  content: Buffer;
}
interface TreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}
interface TreeObject {
  type: 'tree';
  entries: TreeEntry[];
}
interface Person {
  name: string;
  email: string;
  date: string;
}
interface CommitObject {
  type: 'commit';
  tree: string;
  parents: string[];
  message: string;
  author: Person;
  committer: Person;
}
type GitObject = BlobObject | TreeObject | CommitObject;

export interface GitDataDouble {
  /** `refs/heads/<branch>` → commit sha. */
  refs: Map<string, string>;
  /** A file's bytes at the tip of a branch, or null. */
  readFile(branch: string, path: string): Buffer | null;
  /** Paths of every file at the tip of a branch, sorted. */
  listFiles(branch: string): string[];
  /** Commit messages of a branch, newest first (first parents). */
  log(branch: string): string[];
  /** Commits files onto a branch (creating it), as another writer would; returns the new commit's sha. */
  commitFiles(branch: string, files: Record<string, string | Buffer>, message: string): string;
  /** Runs `fn` right before the next `PATCH …/git/refs/…` is handled (one function per update, in order). */
  interleave(fn: () => void): void;
}

export interface GitDataContext {
  owner: string;
  repo: string;
  /** `${origin}${prefix}/repos/owner/repo`, for the `url` fields. */
  repoUrl: () => string;
  /** The double's deterministic clock. */
  now: () => string;
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const DOCS = 'https://docs.github.com/rest/git';
const BOT: Omit<Person, 'date'> = {
  name: 'egov-monitor-bot',
  email: '424242+egov-monitor-bot@users.noreply.github.com',
};

function gitId(type: string, body: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');
}

/** Git sorts tree entries by name, a folder as if its name ended in "/". */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export function createGitDataDouble(context: GitDataContext): GitDataDouble & {
  /** The rows this module adds to the double's OPERATIONS table, by GitHub's operationId. */
  operations: Record<string, Operation>;
} {
  const objects = new Map<string, GitObject>();
  const refs = new Map<string, string>();
  const pending: (() => void)[] = [];

  const put = (object: GitObject): string => {
    let body: Buffer;
    if (object.type === 'blob') body = object.content;
    else if (object.type === 'tree') {
      body = Buffer.concat(
        [...object.entries]
          .sort(treeOrder)
          .map((e) =>
            Buffer.concat([
              Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`),
              Buffer.from(e.sha, 'hex'),
            ]),
          ),
      );
    } else {
      const stamp = (p: Person) => `${p.name} <${p.email}> ${Math.floor(Date.parse(p.date) / 1000)} +0000`;
      body = Buffer.from(
        [
          `tree ${object.tree}`,
          ...object.parents.map((p) => `parent ${p}`),
          `author ${stamp(object.author)}`,
          `committer ${stamp(object.committer)}`,
          '',
          object.message,
        ].join('\n'),
      );
    }
    const sha = gitId(object.type, body);
    objects.set(
      sha,
      object.type === 'tree' ? { type: 'tree', entries: [...object.entries].sort(treeOrder) } : object,
    );
    return sha;
  };
  put({ type: 'tree', entries: [] });

  const get = <T extends GitObject['type']>(
    sha: unknown,
    type: T,
  ): Extract<GitObject, { type: T }> | null => {
    const object = typeof sha === 'string' ? objects.get(sha) : undefined;
    return object?.type === type ? (object as Extract<GitObject, { type: T }>) : null;
  };

  /** A new tree: `base` with each path set to a blob sha, or removed when sha is null. */
  const writeTree = (
    base: string,
    changes: { path: string[]; mode: string; type: TreeEntry['type']; sha: string | null }[],
  ): string => {
    const entries = new Map((get(base, 'tree')?.entries ?? []).map((e) => [e.name, e]));
    const byFolder = new Map<string, typeof changes>();
    for (const change of changes) {
      const [head, ...rest] = change.path;
      if (rest.length === 0) {
        if (change.sha === null) entries.delete(head!);
        else entries.set(head!, { name: head!, mode: change.mode, type: change.type, sha: change.sha });
      } else byFolder.set(head!, [...(byFolder.get(head!) ?? []), { ...change, path: rest }]);
    }
    for (const [folder, inner] of byFolder) {
      const existing = entries.get(folder);
      const sha = writeTree(existing?.type === 'tree' ? existing.sha : EMPTY_TREE, inner);
      if (get(sha, 'tree')!.entries.length === 0) entries.delete(folder);
      else entries.set(folder, { name: folder, mode: '040000', type: 'tree', sha });
    }
    return put({ type: 'tree', entries: [...entries.values()] });
  };

  const walk = (tree: string, prefix = ''): { path: string; entry: TreeEntry }[] =>
    (get(tree, 'tree')?.entries ?? []).flatMap((e) =>
      e.type === 'tree'
        ? [{ path: `${prefix}${e.name}`, entry: e }, ...walk(e.sha, `${prefix}${e.name}/`)]
        : [{ path: `${prefix}${e.name}`, entry: e }],
    );

  const fileAt = (commitSha: string | undefined, path: string): { sha: string; content: Buffer } | null => {
    const commit = get(commitSha, 'commit');
    if (!commit) return null;
    const hit = walk(commit.tree).find((f) => f.path === path && f.entry.type === 'blob');
    return hit ? { sha: hit.entry.sha, content: get(hit.entry.sha, 'blob')!.content } : null;
  };

  /** A branch name, a full ref or a commit sha, as `?ref=` accepts. */
  const resolve = (ref: string | undefined): string | undefined => {
    if (!ref) return refs.get('refs/heads/main');
    if (/^[0-9a-f]{40}$/.test(ref) && objects.has(ref)) return ref;
    return refs.get(ref.startsWith('refs/') ? ref : `refs/heads/${ref}`);
  };

  const isAncestor = (ancestor: string, of: string): boolean => {
    const queue = [of];
    const seen = new Set<string>();
    while (queue.length) {
      const sha = queue.shift()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(get(sha, 'commit')?.parents ?? []));
    }
    return false;
  };

  const url = (path: string) => `${context.repoUrl()}${path}`;
  const html = (path: string) => `https://github.com/${context.owner}/${context.repo}${path}`;
  const refJson = (ref: string, sha: string) => ({
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64')}`,
    url: url(`/git/${ref}`),
    object: { type: 'commit', sha, url: url(`/git/commits/${sha}`) },
  });
  const commitJson = (sha: string, c: CommitObject) => ({
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    url: url(`/git/commits/${sha}`),
    html_url: html(`/commit/${sha}`),
    author: c.author,
    committer: c.committer,
    tree: { sha: c.tree, url: url(`/git/trees/${c.tree}`) },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: url(`/git/commits/${p}`),
      html_url: html(`/commit/${p}`),
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  });
  const treeJson = (sha: string, recursive: boolean) => ({
    sha,
    url: url(`/git/trees/${sha}`),
    truncated: false,
    tree: (recursive
      ? walk(sha)
      : (get(sha, 'tree')?.entries ?? []).map((entry) => ({ path: entry.name, entry }))
    ).map(({ path, entry }) => ({
      path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === 'blob' ? { size: get(entry.sha, 'blob')!.content.length } : {}),
      url: url(`/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`),
    })),
  });
  const notFound: Reply = [404, { message: 'Not Found', documentation_url: DOCS }];
  const invalid = (message: string): Reply => [422, { message, documentation_url: DOCS }];

  const commitFiles = (branch: string, files: Record<string, string | Buffer>, message: string): string => {
    const parent = refs.get(`refs/heads/${branch}`);
    const base = get(parent, 'commit')?.tree ?? EMPTY_TREE;
    const tree = writeTree(
      base,
      Object.entries(files).map(([path, content]) => ({
        path: path.split('/'),
        mode: '100644',
        type: 'blob' as const,
        sha: put({ type: 'blob', content: Buffer.from(content) }),
      })),
    );
    const who = { ...BOT, date: context.now() };
    const sha = put({
      type: 'commit',
      tree,
      parents: parent ? [parent] : [],
      message,
      author: who,
      committer: who,
    });
    refs.set(`refs/heads/${branch}`, sha);
    return sha;
  };

  return {
    refs,
    readFile: (branch, path) => fileAt(refs.get(`refs/heads/${branch}`), path)?.content ?? null,
    listFiles: (branch) => {
      const commit = get(refs.get(`refs/heads/${branch}`), 'commit');
      return commit
        ? walk(commit.tree)
            .filter((f) => f.entry.type === 'blob')
            .map((f) => f.path)
            .sort()
        : [];
    },
    log: (branch) => {
      const messages: string[] = [];
      let sha = refs.get(`refs/heads/${branch}`);
      while (sha) {
        const commit = get(sha, 'commit')!;
        messages.push(commit.message);
        sha = commit.parents[0];
      }
      return messages;
    },
    commitFiles,
    interleave: (fn) => {
      pending.push(fn);
    },

    operations: {
      'git/create-blob': {
        permission: 'contents=write',
        run: ({ body, res }): Reply => {
          const encoding = body.encoding ?? 'utf-8';
          if (encoding !== 'utf-8' && encoding !== 'base64')
            return invalid(`unsupported encoding ${String(encoding)}`);
          const content = Buffer.from(String(body.content), encoding === 'base64' ? 'base64' : 'utf8');
          const sha = put({ type: 'blob', content });
          res.setHeader('location', url(`/git/blobs/${sha}`));
          return [201, { url: url(`/git/blobs/${sha}`), sha }];
        },
      },
      'git/get-blob': {
        permission: 'contents=read',
        run: ({ params }): Reply => {
          const blob = get(params.file_sha, 'blob');
          if (!blob) return notFound;
          return [
            200,
            {
              sha: params.file_sha,
              node_id: `B_${params.file_sha!.slice(0, 12)}`,
              url: url(`/git/blobs/${params.file_sha}`),
              size: blob.content.length,
              // GitHub wraps base64 at 60 characters; readers must not care.
              content: (blob.content.toString('base64').match(/.{1,60}/g) ?? ['']).join('\n'),
              encoding: 'base64',
            },
          ];
        },
      },
      'git/create-tree': {
        permission: 'contents=write',
        run: ({ body, res }): Reply => {
          const base = body.base_tree === undefined ? EMPTY_TREE : String(body.base_tree);
          if (!get(base, 'tree')) return invalid('base_tree is not a valid tree oid');
          const changes = [];
          for (const raw of (body.tree as Record<string, unknown>[]) ?? []) {
            let sha = raw.sha === undefined ? undefined : (raw.sha as string | null);
            if (raw.content !== undefined) {
              if (sha !== undefined) return invalid('tree.sha and content cannot both be given');
              sha = put({ type: 'blob', content: Buffer.from(String(raw.content)) });
            }
            if (sha === undefined) return invalid('tree entry needs sha or content');
            if (sha !== null && !objects.has(sha))
              return invalid(`tree.sha ${sha} is not a valid ${String(raw.type)}`);
            changes.push({
              path: String(raw.path).split('/'),
              mode: String(raw.mode),
              type: raw.type as TreeEntry['type'],
              sha,
            });
          }
          const sha = writeTree(base, changes);
          res.setHeader('location', url(`/git/trees/${sha}`));
          return [201, treeJson(sha, false)];
        },
      },
      'git/get-tree': {
        permission: 'contents=read',
        run: ({ params, query }): Reply =>
          get(params.tree_sha, 'tree')
            ? [200, treeJson(params.tree_sha!, query.recursive !== undefined)]
            : notFound,
      },
      'git/create-commit': {
        permission: 'contents=write',
        run: ({ body, res }): Reply => {
          const tree = String(body.tree);
          const parents = ((body.parents as string[] | undefined) ?? []).map(String);
          if (!get(tree, 'tree')) return invalid('Tree SHA does not exist');
          if (parents.some((p) => !get(p, 'commit')))
            return invalid('Parent SHA does not exist or is not a commit object');
          const who = { ...BOT, date: context.now() };
          const sha = put({
            type: 'commit',
            tree,
            parents,
            message: String(body.message),
            author: who,
            committer: who,
          });
          res.setHeader('location', url(`/git/commits/${sha}`));
          return [201, commitJson(sha, get(sha, 'commit')!)];
        },
      },
      'git/get-commit': {
        permission: 'contents=read',
        run: ({ params }): Reply => {
          const commit = get(params.commit_sha, 'commit');
          return commit ? [200, commitJson(params.commit_sha!, commit)] : notFound;
        },
      },
      'git/get-ref': {
        permission: 'contents=read',
        run: ({ params }): Reply => {
          const ref = `refs/${params.ref}`;
          const sha = refs.get(ref);
          return sha ? [200, refJson(ref, sha)] : notFound;
        },
      },
      'git/create-ref': {
        permission: 'contents=write',
        run: ({ body, res }): Reply => {
          const ref = String(body.ref);
          if (!/^refs\/[^/]+\/.+/.test(ref)) return invalid('Reference name is not well formed');
          if (refs.has(ref)) return invalid('Reference already exists');
          if (!get(body.sha, 'commit')) return invalid('Object does not exist');
          refs.set(ref, String(body.sha));
          res.setHeader('location', url(`/git/${ref}`));
          return [201, refJson(ref, String(body.sha))];
        },
      },
      'git/update-ref': {
        permission: 'contents=write',
        run: ({ params, body }): Reply => {
          pending.shift()?.();
          const ref = `refs/${params.ref}`;
          const current = refs.get(ref);
          const sha = String(body.sha);
          if (!current) return invalid('Reference does not exist');
          if (!get(sha, 'commit')) return invalid('Object does not exist');
          // GitHub's answer when someone else moved the branch and we did not ask to force.
          if (body.force !== true && !isAncestor(current, sha))
            return invalid('Update is not a fast forward');
          refs.set(ref, sha);
          return [200, refJson(ref, sha)];
        },
      },
      'repos/get-content': {
        permission: 'contents=read',
        run: ({ params, query }): Reply => {
          const file = fileAt(resolve(query.ref), params.path ?? '');
          if (!file) return notFound;
          const path = params.path!;
          const name = path.split('/').pop()!;
          // Like GitHub: files over 1 MB come without content (encoding "none"); read them as a blob.
          const large = file.content.length > 1024 * 1024;
          return [
            200,
            {
              type: 'file',
              encoding: large ? 'none' : 'base64',
              size: file.content.length,
              name,
              path,
              content: large ? '' : (file.content.toString('base64').match(/.{1,60}/g) ?? ['']).join('\n'),
              sha: file.sha,
              url: url(`/contents/${path}`),
              git_url: url(`/git/blobs/${file.sha}`),
              html_url: html(`/blob/${query.ref ?? 'main'}/${path}`),
              download_url: `https://raw.githubusercontent.com/${context.owner}/${context.repo}/${query.ref ?? 'main'}/${path}`,
              _links: {
                git: url(`/git/blobs/${file.sha}`),
                html: html(`/blob/${query.ref ?? 'main'}/${path}`),
                self: url(`/contents/${path}`),
              },
            },
          ];
        },
      },
    },
  };
}
