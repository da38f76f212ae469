import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { endlessLoc, gzipBomb, unclosedLocs } from '../test-support/hostile-parser-inputs.js';
import { loadSitemaps, MAX_LOC_CHARS, parseSitemap } from './sitemap.js';

// Hostile sitemaps from issue #11. What is pinned here is work: the bytes read, the entries kept, where the parser
// stops. How long each takes is measured by `npm run bench:parsers` (never by a test: a busy machine is slow).
const LIMITS = { maxBytes: 5 * 1024 * 1024, maxEntries: 200 };
const MB = 1024 * 1024;

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
    expect(parsed.entries).toEqual([
      { loc: 'https://x.gob.gt/uno?a=1&b=2', lastmod: '2026-11-02' },
      { loc: 'https://x.gob.gt/dos' },
    ]);
    const index = await parseSitemap(
      gzipSync('<sitemapindex><sitemap><loc>https://x.gob.gt/a.xml</loc></sitemap></sitemapindex>'),
      LIMITS,
    );
    expect(index).toMatchObject({ kind: 'index', entries: [{ loc: 'https://x.gob.gt/a.xml' }] });
    expect(
      (await parseSitemap(Buffer.from('<html><body><loc>https://x.gob.gt/</loc></body></html>'), LIMITS))
        .kind,
    ).toBe('none');
  });

  it('keeps at most maxEntries entries and counts the rest', async () => {
    const xml = `<urlset>${Array.from({ length: 5_000 }, (_, i) => `<url><loc>https://x.gob.gt/p/${i}</loc></url>`).join('')}</urlset>`;
    const parsed = await parseSitemap(Buffer.from(xml), LIMITS);
    expect(parsed.count).toBe(5_000);
    expect(parsed.entries).toHaveLength(200);
    expect(parsed.entries[199]).toEqual({ loc: 'https://x.gob.gt/p/199' });
  });

  it('1 MB of unclosed <loc> elements: linear, stops at the nesting bound (the regex took 68 s)', async () => {
    const body = unclosedLocs();
    expect(body.length).toBeGreaterThanOrEqual(MB);
    const value = await parseSitemap(body, LIMITS);
    expect(value).toMatchObject({ kind: 'urlset', count: 0, entries: [], truncated: true });
    expect(value.bytesRead).toBeLessThanOrEqual(body.length);
  });

  it('one <loc> that never closes over 1 MB of text: the URL is dropped, never accumulated past MAX_LOC_CHARS', async () => {
    const value = await parseSitemap(endlessLoc(), LIMITS);
    expect(value).toMatchObject({ kind: 'urlset', count: 0, entries: [] });
    // A closed but overlong <loc> is dropped too; the next entry is read.
    const overlong = `<urlset><url><loc>https://x.gob.gt/${'b'.repeat(MAX_LOC_CHARS)}</loc></url><url><loc>https://x.gob.gt/ok</loc></url></urlset>`;
    expect((await parseSitemap(Buffer.from(overlong), LIMITS)).entries).toEqual([
      { loc: 'https://x.gob.gt/ok' },
    ]);
  });

  it('a 0.97 MB gzip that inflates to about 1 GB stops inflating at the decompressed byte cap', async () => {
    const { bomb, members, memberBytes } = gzipBomb();
    expect(bomb.length).toBeLessThan(MB);
    expect(members * memberBytes).toBeGreaterThan(900 * MB);
    const value = await parseSitemap(bomb, LIMITS);
    expect(value).toMatchObject({
      kind: 'urlset',
      truncated: true,
      entries: [{ loc: 'https://x.gob.gt/primera' }],
    });
    expect(value.bytesRead).toBe(LIMITS.maxBytes);
  });

  it('a corrupt gzip gives what was read before the damage', async () => {
    const whole = gzipSync(
      `<urlset>${Array.from({ length: 3_000 }, (_, i) => `<url><loc>https://x.gob.gt/${i}</loc></url>`).join('')}</urlset>`,
    );
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
      'https://x.gob.gt/index.xml': Buffer.from(
        '<sitemapindex><sitemap><loc>https://x.gob.gt/a.xml</loc></sitemap><sitemap><loc>https://x.gob.gt/b.xml.gz</loc></sitemap></sitemapindex>',
      ),
      'https://x.gob.gt/a.xml': Buffer.from(
        '<urlset><url><loc>https://x.gob.gt/1</loc></url><url><loc>https://x.gob.gt/2</loc></url></urlset>',
      ),
      'https://x.gob.gt/b.xml.gz': gzipSync('<urlset><url><loc>https://x.gob.gt/3</loc></url></urlset>'),
    };
    const result = await loadSitemaps(['https://x.gob.gt/index.xml'], async (url) => files[url] ?? null, 2);
    expect(result).toEqual({ found: true, urls: ['https://x.gob.gt/1', 'https://x.gob.gt/2'], urlCount: 3 });
  });
});
