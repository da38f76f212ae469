import { describe, expect, it } from 'vitest';
import { normalizeSiteUrl } from './normalize-url.js';

describe('normalizeSiteUrl', () => {
  it('ignores scheme, www, case, default ports, trailing slashes and index files', () => {
    const same = [
      'https://www.MINEX.gob.gt/',
      'http://minex.gob.gt',
      'https://minex.gob.gt:443/index.html',
      'http://www.minex.gob.gt:80/index.php',
      '  https://minex.gob.gt./  ',
    ];
    for (const url of same) expect(normalizeSiteUrl(url), url).toBe('minex.gob.gt');
  });

  it('keeps what tells sites apart: path, non-default port, query (sorted)', () => {
    expect(normalizeSiteUrl('https://minex.gob.gt/visas/')).toBe('minex.gob.gt/visas');
    expect(normalizeSiteUrl('https://minex.gob.gt:8443/')).toBe('minex.gob.gt:8443');
    expect(normalizeSiteUrl('https://x.gob.gt/?b=2&a=1')).toBe(normalizeSiteUrl('https://x.gob.gt/?a=1&b=2'));
    expect(normalizeSiteUrl('https://x.gob.gt/?a=1')).not.toBe(normalizeSiteUrl('https://x.gob.gt/'));
    expect(normalizeSiteUrl('https://x.gob.gt/#contenido')).toBe('x.gob.gt');
  });

  it('falls back to the trimmed lower-case text for what is not a URL', () => {
    expect(normalizeSiteUrl(' Not A URL ')).toBe('not a url');
  });
});
