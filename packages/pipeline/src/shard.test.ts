import { describe, expect, it } from 'vitest';
import { siteIdentity } from '@egov-monitor/rubric';
import { assignShards, listFingerprint, parseShard, shardOfUrls } from './shard.js';

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.sitio-${i}.gob.gt/`);

/** A deterministic shuffle (a seeded LCG), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('assignShards', () => {
  it.each([
    [1, 1],
    [7, 3],
    [30, 8],
    [31, 8],
    [200, 4],
    [5, 8],
  ])('%i sites in %i shards: each site in one shard, sizes within one of each other', (sites, count) => {
    const assigned = assignShards(urls(sites).map(siteIdentity), count);
    expect(assigned.size).toBe(sites);
    const sizes = Array.from(
      { length: count },
      (_, k) => [...assigned.values()].filter((s) => s === k + 1).length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(sites);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const shard of assigned.values()) expect(shard >= 1 && shard <= count).toBe(true);
  });

  it('puts a site in the same shard whatever the order of the list', () => {
    const list = urls(60);
    const before = shardOfUrls(list, 4);
    for (const seed of [1, 2, 3]) {
      const order = shuffled(
        list.map((url, i) => ({ url, shard: before[i] })),
        seed,
      );
      const after = shardOfUrls(
        order.map((entry) => entry.url),
        4,
      );
      expect(after).toEqual(order.map((entry) => entry.shard));
    }
  });

  it('keeps every spelling of one site together (www, scheme, trailing slash)', () => {
    const list = [...urls(20), 'http://sitio-3.gob.gt', 'https://SITIO-3.gob.gt/index.html'];
    const shards = shardOfUrls(list, 5);
    expect(shards[20]).toBe(shards[3]);
    expect(shards[21]).toBe(shards[3]);
  });

  it('spreads the sub-sites of one host across shards (not by alphabetical neighbourhood)', () => {
    const list = Array.from({ length: 12 }, (_, i) => `https://portal.gob.gt/entidad-${i}`);
    expect(new Set(shardOfUrls(list, 3)).size).toBe(3);
  });
});

describe('listFingerprint', () => {
  it('is the same for the same sites in another order or spelling, different with a site more', () => {
    const list = urls(10);
    expect(listFingerprint(shuffled(list, 7))).toBe(listFingerprint(list));
    expect(listFingerprint(list.map((url) => url.replace('https://www.', 'http://')))).toBe(
      listFingerprint(list),
    );
    expect(listFingerprint([...list, 'https://otro.gob.gt/'])).not.toBe(listFingerprint(list));
  });
});

describe('parseShard', () => {
  it('reads K/N', () => {
    expect(parseShard('--shard', '2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('--shard', ' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['3', /needs K\/N/],
    ['0/3', /K must be from 1 to N \(3\), got 0/],
    ['4/3', /K must be from 1 to N \(3\), got 4/],
    ['1/0', /N must be a whole number from 1 to 256, got 0/],
    ['a/b', /needs K\/N/],
  ])('refuses "%s" with a message that names the flag', (raw, message) => {
    expect(() => parseShard('--shard', raw)).toThrow(message);
    expect(() => parseShard('--shard', raw)).toThrow(/^--shard/);
  });
});
