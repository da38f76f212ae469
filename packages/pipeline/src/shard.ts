/**
 * Splitting one list across processes or machines (`scan --shard K/N`, docs/scale-out.md): which sites a shard
 * owns, and the fingerprints that let `merge` refuse shards that do not belong together.
 */
import { createHash } from 'node:crypto';
import { siteIdentity } from '@egov-monitor/rubric';
import { PipelineConfigError } from './errors.js';

/** K of N, K from 1. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Enough for any list a matrix of runners can share; more shards than that is a typo. */
export const MAX_SHARDS = 256;

/** Reads `K/N` (`2/8`) as a user wrote it; `name` is how they know the option (`--shard`, `input "shard"`). */
export function parseShard(name: string, raw: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match) throw new PipelineConfigError(`${name} needs K/N (this shard of N, e.g. 2/8), got "${raw}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS)
    throw new PipelineConfigError(`${name}: N must be a whole number from 1 to ${MAX_SHARDS}, got ${count}`);
  if (index < 1 || index > count)
    throw new PipelineConfigError(`${name}: K must be from 1 to N (${count}), got ${index}`);
  return { index, count };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The shard (1…count) of every site identity. Identities are ordered by a hash of themselves (ties, never seen in
 * practice, by the identity) and dealt round-robin: the order of the list plays no part, so a site lands in the same
 * shard however the list is sorted, and shard sizes differ by at most one site. A hash rather than the identity's
 * own order spreads one institution's many sub-sites (x.gob.gt/a, x.gob.gt/b) across shards.
 */
export function assignShards(identities: Iterable<string>, count: number): Map<string, number> {
  const unique = [...new Set(identities)].map((identity) => ({ identity, hash: sha256(identity) }));
  unique.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.identity < b.identity ? -1 : 1));
  return new Map(unique.map(({ identity }, order) => [identity, (order % count) + 1]));
}

/** The shard of each list entry (by URL), entries of one site always together. */
export function shardOfUrls(urls: readonly string[], count: number): number[] {
  const identities = urls.map(siteIdentity);
  const shards = assignShards(identities, count);
  return identities.map((identity) => shards.get(identity)!);
}

/**
 * A fingerprint of the whole list: its entries' site identities, sorted, so two shards given the same list in a
 * different order agree, and a list with one site more or less does not.
 */
export function listFingerprint(urls: readonly string[]): string {
  return sha256(urls.map(siteIdentity).sort().join('\n')).slice(0, 16);
}

/** A fingerprint of any JSON value with its keys sorted (two equal profiles read from files agree). */
export function contentFingerprint(value: unknown): string {
  return sha256(canonical(value)).slice(0, 8);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
