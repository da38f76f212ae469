import { describe, expect, it } from 'vitest';
import { canonicalUrl, pageIdentity, siteIdentity, siteIdentityHash } from './url-identity.js';

describe('siteIdentity', () => {
  it('ignores scheme, www, case, default ports, trailing slashes, index files, fragments and tracking', () => {
    const same = [
      'https://www.MINEX.gob.gt/',
      'http://minex.gob.gt',
      'https://minex.gob.gt:443/index.html',
      'http://www.minex.gob.gt:80/index.php',
      'https://minex.gob.gt:80/',
      '  https://minex.gob.gt./  ',
      'https://minex.gob.gt/#contenido',
      'https://minex.gob.gt/?utm_source=fb&fbclid=x',
      'https://user:secret@minex.gob.gt//',
    ];
    for (const url of same) expect(siteIdentity(url), url).toBe('minex.gob.gt');
  });

  it('keeps what tells sites apart: path, non-default port, query (sorted)', () => {
    expect(siteIdentity('https://minex.gob.gt/visas/')).toBe('minex.gob.gt/visas');
    expect(siteIdentity('https://minex.gob.gt/visas/index.html')).toBe('minex.gob.gt/visas');
    expect(siteIdentity('https://minex.gob.gt:8443/')).toBe('minex.gob.gt:8443');
    expect(siteIdentity('https://x.gob.gt/?b=2&a=1')).toBe(siteIdentity('https://x.gob.gt/?a=1&b=2'));
    expect(siteIdentity('https://x.gob.gt/?a=1')).toBe('x.gob.gt?a=1');
    expect(siteIdentity('https://x.gob.gt/?a=1')).not.toBe(siteIdentity('https://x.gob.gt/'));
    expect(siteIdentity('https://tramites.x.gob.gt/')).not.toBe(siteIdentity('https://x.gob.gt/'));
  });

  it('falls back to the trimmed lower-case text for what is not an http(s) URL', () => {
    expect(siteIdentity(' Not A URL ')).toBe('not a url');
    expect(siteIdentity('urn:egov-monitor:list-entry:ftp%3A%2F%2Fx')).toBe(
      'urn:egov-monitor:list-entry:ftp%3a%2f%2fx',
    );
  });
});

describe('pageIdentity', () => {
  it('is one key per page, built on the same normaliser as sites, keeping the root slash', () => {
    expect(pageIdentity('https://www.x.gob.gt/')).toBe('x.gob.gt/');
    expect(pageIdentity('http://x.gob.gt/index.html')).toBe('x.gob.gt/');
    expect(pageIdentity('https://x.gob.gt/tramites/')).toBe('x.gob.gt/tramites');
    expect(pageIdentity('https://x.gob.gt/a?utm_source=x&b=1&PHPSESSID=9')).toBe('x.gob.gt/a?b=1');
    expect(siteIdentity('https://www.x.gob.gt/')).toBe(pageIdentity('https://x.gob.gt/').slice(0, -1));
  });
});

describe('canonicalUrl', () => {
  it('keeps scheme and www (the browser opens it) and folds what names the same page', () => {
    expect(canonicalUrl('https://Example.GOB.gt/index.htm#top')).toBe('https://example.gob.gt/');
    expect(canonicalUrl('http://x.gob.gt:80/a?utm_source=fb&b=2&a=1&PHPSESSID=1')).toBe(
      'http://x.gob.gt/a?a=1&b=2',
    );
    expect(canonicalUrl('../contacto', 'https://x.gob.gt/a/b/')).toBe('https://x.gob.gt/a/contacto');
    expect(canonicalUrl('mailto:a@b.gt')).toBeNull();
  });
});

describe('siteIdentityHash', () => {
  it('is 32 hex digits, the same for every spelling of a site and different for another site', () => {
    const hash = siteIdentityHash('https://www.x.gob.gt/');
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(siteIdentityHash('http://x.gob.gt/index.html')).toBe(hash);
    expect(siteIdentityHash('https://y.gob.gt/')).not.toBe(hash);
  });

  it('stays 32 characters for a URL of 60,000 characters', () => {
    const long = `https://x.gob.gt/${'a'.repeat(60_000)}`;
    expect(siteIdentityHash(long)).toHaveLength(32);
    expect(siteIdentityHash(long)).not.toBe(siteIdentityHash(`${long}b`));
  });
});
