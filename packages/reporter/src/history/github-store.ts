/**
 * The history on a data branch of the monitoring repository, written through the Git Data REST API: blobs, a tree
 * on the parent's tree, a commit, then the branch moved **fast-forward only**. When another run moved the branch
 * in between, GitHub refuses the update and the append starts again from the branch's new head (re-reading the
 * index, so neither run is lost). It needs only `contents: write`, no checkout and no git binary, and works on
 * GitHub Enterprise Server through `baseUrl`.
 */
import { createHash } from 'node:crypto';
import type { HistoryIndex, HistoryIndexEntry, HistoryRun, ScanResults } from '@egov-monitor/rubric';
import { emptyHistoryIndex, HISTORY_INDEX_FILE, LATEST_RESULTS_FILE } from '@egov-monitor/rubric';
import type { ClientOptions, GitHubClient, Logger } from '../github/client.js';
import { createClient } from '../github/client.js';
import { systemClock } from '../github/clock.js';
import type { AppendResult, HistoryStore } from './store.js';
import { decodeIndex, decodeLatestResults, decodeRun, HistoryStoreError, planAppend } from './store.js';

export const DEFAULT_HISTORY_BRANCH = 'egov-monitor-data';

export interface GitHubHistoryOptions {
  token: string;
  owner: string;
  repo: string;
  /** `https://HOST/api/v3` on GitHub Enterprise Server. */
  baseUrl?: string;
  /** The data branch (default `egov-monitor-data`); created on the first append. */
  branch?: string;
  log?: Logger;
  /** Appends tried when the branch keeps moving under us (default 5). */
  maxAttempts?: number;
  /** Pause before the n-th retry: n × this (default 1000 ms), on the client's clock. */
  retryDelayMs?: number;
  /** Client tuning (pacing, retries, clock); tests pass a virtual clock, so no pause costs real time. */
  client?: Omit<ClientOptions, 'token' | 'baseUrl' | 'log'>;
}

function statusOf(error: unknown): number | undefined {
  return error && typeof error === 'object' ? (error as { status?: number }).status : undefined;
}

function describe(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return status ? `HTTP ${status}: ${message}` : message;
}

export function openGitHubHistory(options: GitHubHistoryOptions): HistoryStore {
  const { owner, repo } = options;
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const client: GitHubClient = createClient({
    ...options.client,
    token: options.token,
    baseUrl: options.baseUrl,
    log: options.log,
  });
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const clock = options.client?.clock ?? systemClock;
  const where = `branch ${branch} of ${owner}/${repo}`;
  const fail = (doing: string, error: unknown): never => {
    const status = statusOf(error);
    const hint =
      status === 403 || status === 404 ? ' (the token needs `contents: write` on the repository)' : '';
    throw new HistoryStoreError(`history on ${where}: ${doing} failed: ${describe(error)}${hint}`, {
      status: statusOf(error) ?? 0,
    });
  };
  /** The commit every read of one snapshot uses, so an index and the runs it lists always agree. */
  let snapshot: string | null | undefined;

  const head = async (): Promise<string | null> => {
    try {
      const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      return data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      return fail('reading the branch', error);
    }
  };

  /** A file at a commit: the contents API, or the blob for files over 1 MB (which it returns without content). */
  const readAt = async (commit: string, path: string): Promise<Buffer | null> => {
    let data;
    try {
      ({ data } = await client.rest.repos.getContent({ owner, repo, path, ref: commit }));
    } catch (error) {
      if (statusOf(error) === 404) return null;
      return fail(`reading ${path}`, error);
    }
    if (Array.isArray(data) || data.type !== 'file')
      throw new HistoryStoreError(`history on ${where}: ${path} is not a file`);
    if (data.encoding === 'base64' && (data.content || data.size === 0))
      return Buffer.from(data.content, 'base64');
    try {
      const blob = await client.rest.git.getBlob({ owner, repo, file_sha: data.sha });
      return Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8');
    } catch (error) {
      return fail(`reading ${path}`, error);
    }
  };

  const indexAt = async (commit: string | null): Promise<HistoryIndex> => {
    const bytes = commit ? await readAt(commit, HISTORY_INDEX_FILE) : null;
    return bytes ? decodeIndex(bytes, `${where}: ${HISTORY_INDEX_FILE}`) : emptyHistoryIndex();
  };

  const pinned = async (): Promise<string | null> => {
    if (snapshot === undefined) snapshot = await head();
    return snapshot;
  };

  return {
    description: where,

    async readIndex(): Promise<HistoryIndex> {
      snapshot = await head();
      return indexAt(snapshot);
    },

    async readRun(entry: HistoryIndexEntry): Promise<HistoryRun> {
      const commit = await pinned();
      const bytes = commit ? await readAt(commit, entry.file) : null;
      if (!bytes)
        throw new HistoryStoreError(
          `history on ${where}: ${entry.file} is missing, but the index lists run ${entry.id}`,
        );
      return decodeRun(bytes, entry, `${where}: ${entry.file}`);
    },

    async readLatestResults(): Promise<ScanResults | null> {
      const commit = await pinned();
      const bytes = commit ? await readAt(commit, LATEST_RESULTS_FILE) : null;
      return bytes ? decodeLatestResults(bytes, `${where}: ${LATEST_RESULTS_FILE}`) : null;
    },

    async append(run: HistoryRun, latest: Buffer): Promise<AppendResult> {
      // Blobs already uploaded are reused when a moved branch makes us try again: only the index changes.
      const blobs = new Map<string, string>();
      for (let attempt = 1; ; attempt += 1) {
        const parent = await head();
        const plan = planAppend(await indexAt(parent), run, latest);
        const tree = [];
        for (const file of plan.files) {
          const key = createHash('sha256').update(file.content).digest('hex');
          let sha = blobs.get(key);
          if (!sha) {
            try {
              ({ sha } = (
                await client.rest.git.createBlob({
                  owner,
                  repo,
                  content: file.content.toString('base64'),
                  encoding: 'base64',
                })
              ).data);
            } catch (error) {
              return fail(`writing ${file.path}`, error);
            }
            blobs.set(key, sha);
          }
          tree.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha });
        }
        let commit: string;
        try {
          const baseTree = parent
            ? (await client.rest.git.getCommit({ owner, repo, commit_sha: parent })).data.tree.sha
            : undefined;
          const newTree = await client.rest.git.createTree({
            owner,
            repo,
            tree,
            ...(baseTree ? { base_tree: baseTree } : {}),
          });
          const message = `egov-monitor: run ${run.id} (${run.sites.length} site(s)${run.list ? `, ${run.list}` : ''})`;
          ({ sha: commit } = (
            await client.rest.git.createCommit({
              owner,
              repo,
              message,
              tree: newTree.data.sha,
              parents: parent ? [parent] : [],
            })
          ).data);
        } catch (error) {
          return fail('writing the commit', error);
        }
        try {
          if (parent)
            await client.rest.git.updateRef({
              owner,
              repo,
              ref: `heads/${branch}`,
              sha: commit,
              force: false,
            });
          else await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit });
          snapshot = undefined;
          return {
            runId: run.id,
            runs: plan.index.runs.length,
            latest: plan.isLatest,
            location: `${branch}@${commit.slice(0, 7)}`,
          };
        } catch (error) {
          // 422: not a fast forward (or the branch appeared since we looked): someone else wrote; start again.
          const moved = statusOf(error) === 422 || statusOf(error) === 409;
          if (!moved) return fail('moving the branch', error);
          if (attempt >= maxAttempts)
            return fail(`moving the branch (it moved under us ${attempt} times)`, error);
          options.log?.info(
            `egov-monitor: the ${branch} branch moved while the run was being saved; saving again on its new head`,
          );
          await clock.sleep(attempt * retryDelayMs);
        }
      }
    },
  };
}
