import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadSitemaps, MAX_LOC_CHARS, parseSitemap } from './sitemap.js';

// Hostile sitemaps from issue #11. Each must cost time linear in the bytes read and memory bounded by the caps.
// The time bounds are safety nets a quadratic or unbounded parser fails by far (the regex parser took 68 s on the
// first file); the byte counts are what the tests really pin.
const LIMITS = { maxBytes: 5 * 1024 * 1024, maxEntries: 200 };
const SAFETY_MS = 5_000;
const MB = 1024 * 1024;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('parseSitemap', () => {
  it('reads urlsets, indexes, entities, CDATA and lastmod, and ignores image:loc and other namespaces', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc> https://x.gob.gt/uno?a=1&amp;b=2 </loc><lastmod>2026-11-02</lastmod><image:image><image:loc>https://x.gob.gt/foto.jpg</image:loc></image:image></url>
  <url><loc><![CDATA[https://x.gob.gt/dos]]></loc></url>
  <url><lastmod>2026-11-03</lastmod></url>
</urlset>`;
    const parsed = await parseSitemap(Buffer.from(xml), LIMITS);
    expect(parsed).toMatchObject({ kind: 'urlset', count: 2, truncated: false });
    expect(parsed.entries).toEqual([{ loc: 'https://x.gob.gt/uno?a=1&b=2', lastmod: '2026-11-02' }, { loc: 'https://x.gob.gt/dos' }]);
    const index = await parseSitemap(gzipSync('<sitemapindex><sitemap><loc>https://x.gob.gt/a.xml</loc></sitemap></sitemapindex>'), LIMITS);
    expect(index).toMatchObject({ kind: 'index', entries: [{ loc: 'https://x.gob.gt/a.xml' }] });
    expect((await parseSitemap(Buffer.from('<html><body><loc>https://x.gob.gt/</loc></body></html>'), LIMITS)).kind).toBe('none');
  });

  it('keeps at most maxEntries entries and counts the rest', async () => {
    const xml = `<urlset>${Array.from({ length: 5_000 }, (_, i) => `<url><loc>https://x.gob.gt/p/${i}</loc></url>`).join('')}</urlset>`;
    const parsed = await parseSitemap(Buffer.from(xml), LIMITS);
    expect(parsed.count).toBe(5_000);
    expect(parsed.entries).toHaveLength(200);
    expect(parsed.entries[199]).toEqual({ loc: 'https://x.gob.gt/p/199' });
  });

  it('1 MB of unclosed <loc> elements: linear, stops at the nesting bound (the regex took 68 s)', async () => {
    const body = Buffer.from(`<urlset><url>${'<loc>https://x.gob.gt/a'.repeat(Math.ceil(MB / 23))}`);
    expect(body.length).toBeGreaterThanOrEqual(MB);
    const { value, ms } = await timed(() => parseSitemap(body, LIMITS));
    expect(value).toMatchObject({ kind: 'urlset', count: 0, entries: [], truncated: true });
    expect(value.bytesRead).toBeLessThanOrEqual(body.length);
    expect(ms).toBeLessThan(SAFETY_MS);
  });

  it('one <loc> that never closes over 1 MB of text: the URL is dropped, never accumulated past MAX_LOC_CHARS', async () => {
    const body = Buffer.from(`<urlset><url><loc>https://x.gob.gt/${'a'.repeat(MB)}`);
    const { value, ms } = await timed(() => parseSitemap(body, LIMITS));
    expect(value).toMatchObject({ kind: 'urlset', count: 0, entries: [] });
    expect(ms).toBeLessThan(SAFETY_MS);
    // A closed but overlong <loc> is dropped too; the next entry is read.
    const overlong = `<urlset><url><loc>https://x.gob.gt/${'b'.repeat(MAX_LOC_CHARS)}</loc></url><url><loc>https://x.gob.gt/ok</loc></url></urlset>`;
    expect((await parseSitemap(Buffer.from(overlong), LIMITS)).entries).toEqual([{ loc: 'https://x.gob.gt/ok' }]);
  });

  it('a 0.97 MB gzip that inflates to about 1 GB stops inflating at the decompressed byte cap', async () => {
    // Gzip members may be concatenated (RFC 1952 §2.2): a urlset opening, then ~100 members of 10 MB of blanks each.
    const opening = gzipSync('<urlset><url><loc>https://x.gob.gt/primera</loc></url>');
    const blanks = gzipSync(Buffer.alloc(10 * MB, 0x20), { level: 9 });
    const members = Math.floor((0.97 * MB - opening.length) / blanks.length);
    const bomb = Buffer.concat([opening, ...Array.from({ length: members }, () => blanks)]);
    expect(bomb.length).toBeLessThan(MB);
    expect(members * 10 * MB).toBeGreaterThan(900 * MB);
    const { value, ms } = await timed(() => parseSitemap(bomb, LIMITS));
    expect(value).toMatchObject({ kind: 'urlset', truncated: true, entries: [{ loc: 'https://x.gob.gt/primera' }] });
    expect(value.bytesRead).toBe(LIMITS.maxBytes);
    expect(ms).toBeLessThan(SAFETY_MS);
  });

  it('a corrupt gzip gives what was read before the damage', async () => {
    const whole = gzipSync(`<urlset>${Array.from({ length: 3_000 }, (_, i) => `<url><loc>https://x.gob.gt/${i}</loc></url>`).join('')}</urlset>`);
    const broken = Buffer.concat([whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from('basura')]);
    const parsed = await parseSitemap(broken, LIMITS);
    expect(parsed.kind).toBe('urlset');
    expect(parsed.truncated).toBe(true);
    expect(parsed.count).toBeGreaterThan(0);
  });
});

describe('loadSitemaps', () => {
  it('follows one index level and keeps at most `cap` URLs across files', async () => {
    const files: Record<string, Buffer> = {
      'https://x.gob.gt/index.xml': Buffer.from('<sitemapindex><sitemap><loc>https://x.gob.gt/a.xml</loc></sitemap><sitemap><loc>https://x.gob.gt/b.xml.gz</loc></sitemap></sitemapindex>'),
      'https://x.gob.gt/a.xml': Buffer.from('<urlset><url><loc>https://x.gob.gt/1</loc></url><url><loc>https://x.gob.gt/2</loc></url></urlset>'),
      'https://x.gob.gt/b.xml.gz': gzipSync('<urlset><url><loc>https://x.gob.gt/3</loc></url></urlset>'),
    };
    const result = await loadSitemaps(['https://x.gob.gt/index.xml'], async (url) => files[url] ?? null, 2);
    expect(result).toEqual({ found: true, urls: ['https://x.gob.gt/1', 'https://x.gob.gt/2'], urlCount: 3 });
  });
});
