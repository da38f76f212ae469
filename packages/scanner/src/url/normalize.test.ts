import { describe, expect, it } from 'vitest';
import { fileExtension, hostOf, isDownloadUrl, isSearchResultUrl, normalizeUrl } from './normalize.js';
import { isSameSiteUrl, registrableDomain, siteHostsFor } from './site-hosts.js';

describe('normalizeUrl', () => {
  it('counts / and /index.html (and friends) as one page', () => {
    const home = normalizeUrl('https://Example.GOB.gt/');
    expect(normalizeUrl('https://example.gob.gt/index.html')).toBe(home);
    expect(normalizeUrl('https://example.gob.gt:443/index.php')).toBe(home);
    expect(normalizeUrl('https://example.gob.gt/index.htm#top')).toBe(home);
    expect(normalizeUrl('https://example.gob.gt/tramites/index.html')).toBe(
      'https://example.gob.gt/tramites/',
    );
  });
  it('drops fragments, tracking and session parameters, sorts the rest', () => {
    expect(normalizeUrl('http://x.gob.gt:80/a?utm_source=fb&b=2&a=1&fbclid=z&PHPSESSID=1#frag')).toBe(
      'http://x.gob.gt/a?a=1&b=2',
    );
  });
  it('resolves relative links and rejects non-web schemes', () => {
    expect(normalizeUrl('../contacto', 'https://x.gob.gt/a/b/')).toBe('https://x.gob.gt/a/contacto');
    for (const href of ['mailto:a@b.gt', 'tel:+50212345678', 'javascript:void(0)', 'data:text/html,hi'])
      expect(normalizeUrl(href, 'https://x.gob.gt/')).toBeNull();
  });
  it('reads the host in lower case, empty when the URL does not parse', () => {
    expect(hostOf('https://WWW.Sat.gob.gt/x')).toBe('www.sat.gob.gt');
    expect(hostOf('no es una URL')).toBe('');
  });
  it('recognises downloads and search-result pages', () => {
    expect(fileExtension('https://x.gob.gt/docs/Formulario.PDF?v=2')).toBe('pdf');
    expect(fileExtension('https://x.gob.gt/docs/Ley%20final%2Eodt')).toBe('odt');
    expect(fileExtension('https://x.gob.gt/docs/informe.final%20')).toBe('');
    expect(fileExtension('https://x.gob.gt/tramites/')).toBe('');
    expect(fileExtension('https://x.gob.gt/.htaccess')).toBe('');
    expect(isDownloadUrl('https://x.gob.gt/f.docx')).toBe(true);
    expect(isDownloadUrl('https://x.gob.gt/tramites')).toBe(false);
    expect(isSearchResultUrl('https://x.gob.gt/?s=licencia')).toBe(true);
    expect(isSearchResultUrl('https://x.gob.gt/buscar?texto=a')).toBe(true);
    expect(isSearchResultUrl('https://x.gob.gt/search/node/agua')).toBe(true);
    expect(isSearchResultUrl('https://x.gob.gt/servicios?page=2')).toBe(false);
  });
});

describe('site hosts', () => {
  it('includes the www twin and the redirect target', () => {
    expect(siteHostsFor('http://mineduc.gob.gt/', 'https://www.mineduc.gob.gt/portal/')).toEqual([
      'mineduc.gob.gt',
      'www.mineduc.gob.gt',
    ]);
    expect(registrableDomain('portal.mspas.gob.gt')).toBe('mspas.gob.gt');
    const hosts = siteHostsFor('https://127.0.0.1:8443/', 'https://127.0.0.1:8443/');
    expect(hosts).toEqual(['127.0.0.1:8443']);
    expect(isSameSiteUrl('https://127.0.0.1:8443/a', hosts)).toBe(true);
    expect(isSameSiteUrl('https://127.0.0.1:9999/a', hosts)).toBe(false);
    expect(
      isSameSiteUrl('https://otra.gob.gt/', siteHostsFor('https://mineco.gob.gt/', 'https://mineco.gob.gt/')),
    ).toBe(false);
  });
});
