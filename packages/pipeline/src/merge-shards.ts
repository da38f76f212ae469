/**
 * `egov-monitor merge`: the shards of one run (`scan --shard K/N`) combined into the one results.json, report,
 * comparison and history entry a single run would have written. Shards that do not belong together are refused
 * before anything is written; a site a shard owns but has no result for is reported as such, never dropped.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultProfile,
  evaluateSite,
  rubricFingerprint,
  rubricForProfile,
  SCHEMA_VERSION,
} from '@egov-monitor/rubric';
import type {
  CountryProfile,
  Rubric,
  ScanResults,
  ShardInfo,
  SiteEvidence,
  SiteResult,
} from '@egov-monitor/rubric';
import { removeStaleTemporaries } from '@egov-monitor/reporter';
import type { HistoryStore } from '@egov-monitor/reporter';
import { PipelineConfigError } from './errors.js';
import { finishRun } from './finish-run.js';
import type { FinishedRun, RunResults } from './finish-run.js';
import type { GateOptions } from './gates.js';
import { RunCollector } from './run-collector.js';
import { RUN_OPTIONS } from './run-options.js';
import { contentFingerprint } from './shard.js';
import { readJsonFile, siteFilePaths, writeJsonAtomic } from './site-store.js';
import { TOOL_VERSION } from './version.js';

/** Shards that cannot be merged (another run, list, rubric or profile; one missing or given twice): one line. */
export class ShardMergeError extends PipelineConfigError {
  override name = 'ShardMergeError';
}

export interface MergeOptions extends GateOptions {
  /** The shards' output folders (each with the results.json `scan --shard K/N` wrote), in any order. */
  dirs: string[];
  outDir: string;
  lang?: 'es' | 'en';
  /** The profile and rubric the shards were scanned with (checked by fingerprint). Default: Guatemala's. */
  profile?: CountryProfile;
  rubric?: Rubric;
  previous?: ScanResults;
  /** Compared with its newest run (unless `previous`), then the merged run is appended: once, here. */
  history?: HistoryStore;
  listName?: string | null;
}

export interface MergeOutcome extends Omit<FinishedRun, 'results'> {
  results: RunResults;
  outDir: string;
  runId: string;
  shards: number;
  siteFiles: string[];
  /** Sites a shard owns but has no result for: in the results as `missing-from-shard` errors. */
  missing: { url: string; shard: string }[];
  counts: { total: number; ok: number; error: number };
  previousFrom: 'option' | 'history' | null;
}

interface ShardHead {
  dir: string;
  file: string;
  head: Omit<ScanResults, 'sites'>;
  shard: ShardInfo;
}

const label = (shard: ShardInfo) => `${shard.index}/${shard.count}`;

/** Reads every shard, refuses those that do not belong together, then writes the merged run into outDir. */
export async function mergeShards(options: MergeOptions): Promise<MergeOutcome> {
  if (options.dirs.length === 0) throw new ShardMergeError('merge needs the folders of the shards to merge');
  const profile = options.profile ?? defaultProfile;
  const rubric = options.rubric ?? rubricForProfile(profile);
  const heads: ShardHead[] = [];
  for (const dir of options.dirs) heads.push(await readShardHead(dir));
  checkTogether(heads, rubric, profile);
  heads.sort((a, b) => a.shard.index - b.shard.index);
  const first = heads[0]!;

  let previous = options.previous;
  let previousFrom: MergeOutcome['previousFrom'] = previous ? 'option' : null;
  if (!previous && options.history) {
    try {
      previous = (await options.history.readLatestResults()) ?? undefined;
    } catch (error) {
      throw new PipelineConfigError(
        `cannot read the previous run from the history: ${(error as Error).message}`,
      );
    }
    if (previous) previousFrom = 'history';
  }

  const owned = heads.flatMap((head) => head.shard.sites.map((site) => ({ ...site, shard: head.shard })));
  owned.sort((a, b) => a.position - b.position);
  const collected = new RunCollector(owned, previous);
  for (const folder of [options.outDir, join(options.outDir, 'sites'), join(options.outDir, 'evidence')]) {
    await mkdir(folder, { recursive: true });
    await removeStaleTemporaries(folder);
  }

  // One shard in memory at a time: its sites go to their files in the merged folder, from which the report streams.
  const missing: MergeOutcome['missing'] = [];
  for (const head of heads) {
    const parsed = (await readJsonFile(head.file)) as ScanResults;
    const byUrl = new Map<string, SiteResult[]>();
    for (const site of parsed.sites ?? []) {
      const queue = byUrl.get(site?.url) ?? [];
      queue.push(site);
      byUrl.set(site?.url, queue);
    }
    for (const entry of head.shard.sites) {
      const paths = siteFilePaths(options.outDir, entry.slug);
      let result = byUrl.get(entry.url)?.shift();
      if (result) {
        const evidence = join(head.dir, 'evidence', `${entry.slug}.json`);
        if (existsSync(evidence)) await copyFile(evidence, paths.evidence);
      } else {
        missing.push({ url: entry.url, shard: label(head.shard) });
        const evidence = missingEvidence(entry.url, head.shard, parsed.finishedAt ?? head.head.finishedAt);
        result = evaluateSite(evidence, rubric);
        await writeJsonAtomic(paths.evidence, evidence);
      }
      await writeJsonAtomic(paths.site, result);
      collected.record(entry.position, result);
    }
  }

  const siteFiles = owned.map((entry) => siteFilePaths(options.outDir, entry.slug).site);
  // The run's times are the shards' (the earliest start, the latest end), not the merge's: merging twice writes
  // the same results.
  const startedAt = heads.map((head) => head.head.startedAt).sort()[0]!;
  const finishedAt = heads
    .map((head) => head.head.finishedAt)
    .sort()
    .at(-1)!;
  const finished = await finishRun({
    head: {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: first.head.tool.name, version: TOOL_VERSION },
      ...(first.head.profile ? { profile: first.head.profile } : {}),
      startedAt,
      finishedAt,
    },
    collected,
    siteFiles,
    rubric,
    previous,
    outDir: options.outDir,
    lang: options.lang ?? RUN_OPTIONS.lang.default,
    history: options.history,
    listName: options.listName,
    gates: options,
  });
  const sites = finished.results.sites;
  return {
    ...finished,
    outDir: options.outDir,
    runId: first.shard.runId,
    shards: first.shard.count,
    siteFiles,
    missing,
    counts: {
      total: sites.length,
      ok: sites.filter((site) => site.status === 'ok').length,
      error: sites.filter((site) => site.status === 'error').length,
    },
    previousFrom,
  };
}

async function readShardHead(dir: string): Promise<ShardHead> {
  const file = join(dir, 'results.json');
  if (!existsSync(file)) {
    throw new ShardMergeError(
      `${dir}: no results.json: that shard did not finish; run it again with the same --shard and --run-id plus --resume`,
    );
  }
  const value = await readJsonFile(file);
  if (!value || typeof value !== 'object') throw new ShardMergeError(`${file}: not JSON`);
  const { sites: _sites, ...head } = value as ScanResults;
  if (!head.shard) throw new ShardMergeError(`${file}: not a shard's results (written by scan --shard K/N)`);
  return { dir, file, head, shard: head.shard };
}

/** Every shard of one run, list, split, rubric and profile, each once: else one line that says which differ. */
function checkTogether(heads: readonly ShardHead[], rubric: Rubric, profile: CountryProfile): void {
  const first = heads[0]!;
  const differs = (what: string, value: (head: ShardHead) => string) => {
    const other = heads.find((head) => value(head) !== value(first));
    if (other) {
      throw new ShardMergeError(
        `shards ${what}: ${first.dir} has ${value(first)}, ${other.dir} has ${value(other)}`,
      );
    }
  };
  differs('of different runs', (head) => `run "${head.shard.runId}"`);
  differs(
    'of different lists',
    (head) => `list ${head.shard.list.fingerprint} (${head.shard.list.entries} entries)`,
  );
  differs('of different splits', (head) => `shard ${label(head.shard)}`.replace(/\d+\//, 'K/'));
  differs(
    'judged with different rubrics',
    (head) => `rubric v${head.shard.rubric.version} ${head.shard.rubric.fingerprint}`,
  );
  differs(
    'of different country profiles',
    (head) => `profile ${head.head.profile?.id ?? '?'} ${head.shard.profileFingerprint}`,
  );
  differs(
    'written by different versions of egov-monitor',
    (head) => `${head.head.tool.name} ${head.head.tool.version}`,
  );

  const seen = new Map<number, string>();
  for (const head of heads) {
    const earlier = seen.get(head.shard.index);
    if (earlier !== undefined) {
      throw new ShardMergeError(`shard ${label(head.shard)} given twice: ${earlier} and ${head.dir}`);
    }
    seen.set(head.shard.index, head.dir);
  }
  const { count, runId } = first.shard;
  const absent = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (absent.length > 0) {
    throw new ShardMergeError(
      `missing shard(s) ${absent.map((index) => `${index}/${count}`).join(', ')} of run "${runId}": scan ${absent.length === 1 ? 'it' : 'them'} (--shard K/${count} --run-id ${runId}, --resume keeps finished sites) and merge again`,
    );
  }
  const mine = `rubric v${rubric.version} ${rubricFingerprint(rubric)}, profile ${profile.id} ${contentFingerprint(profile)}`;
  const theirs = `rubric v${first.shard.rubric.version} ${first.shard.rubric.fingerprint}, profile ${first.head.profile?.id ?? '?'} ${first.shard.profileFingerprint}`;
  if (mine !== theirs) {
    throw new ShardMergeError(
      `the shards were scanned with ${theirs}, this merge has ${mine}: give merge the same --profile and --rubric as the scans`,
    );
  }
  // Every place of the list owned once: the shards were cut from the same list by the same rule.
  const positions = heads
    .flatMap((head) => head.shard.sites.map((site) => site.position))
    .sort((a, b) => a - b);
  const entries = first.shard.list.entries;
  if (positions.length !== entries || positions.some((position, i) => position !== i)) {
    throw new ShardMergeError(
      `the shards do not cover the list's ${entries} entries once each (they own ${positions.length}): were they cut from the same list?`,
    );
  }
}

/** A site its shard owns but did not report: an error site with the reason, at level 0, never left out. */
function missingEvidence(url: string, shard: ShardInfo, at: string): SiteEvidence {
  return {
    target: { url },
    finalUrl: url,
    scannedAt: at,
    fatal: {
      code: 'missing-from-shard',
      message: `shard ${label(shard)} of run "${shard.runId}" has no result for this site: run that shard again with --resume, then merge`,
    },
    gathered: {},
  };
}
