import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressPolicy } from '../egress/policy.js';
import { startServer, type TestServer } from '../test-support/server.js';
import { httpFetch } from './http-fetch.js';
import { linkPriority, matchedGroups } from './priority.js';
import { parseRobots } from './robots.js';
import { loadSitemaps, parseSitemap } from './sitemap.js';
import { createSoft404Judge, textSimilarity } from './soft-404.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === '/to-private') {
      response.writeHead(302, { location: 'http://10.255.255.1/admin' });
      return response.end();
    }
    if (request.url === '/big') {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      return response.end(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000)]));
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`ua=${request.headers['user-agent']}`);
  });
});
afterAll(() => server.close());

describe('crawl helpers', () => {
  it('prefers the links a person opens: services, contact, transparency, menus', () => {
    const link = (text: string, inNav = false) => ({
      href: 'https://x.gob.gt/a',
      text,
      label: '',
      inNav,
      inFooter: false,
    });
    expect(linkPriority(link('Trámites y servicios', true))).toBeGreaterThan(
      linkPriority(link('Trámites y servicios')),
    );
    expect(linkPriority(link('Contáctenos'))).toBeGreaterThan(linkPriority(link('Galería de fotos')));
    expect(linkPriority(link('Cerrar sesión', true))).toBeLessThan(0);
    expect(matchedGroups('Información Pública de Oficio')).toContain('public-information');
    expect(matchedGroups('Online services')).toContain('services');
  });

  it('reads robots.txt for our token and sitemaps, urlsets and indexes (gzip too)', async () => {
    const robots = parseRobots(
      'https://x.gob.gt/robots.txt',
      'User-agent: egov-monitor\nDisallow: /interno/\n\nUser-agent: *\nDisallow: /\nSitemap: https://x.gob.gt/s.xml',
    );
    expect(robots.isAllowed('https://x.gob.gt/interno/a')).toBe(false);
    expect(robots.isAllowed('https://x.gob.gt/tramites')).toBe(true);
    expect(robots.sitemaps).toEqual(['https://x.gob.gt/s.xml']);
    expect(parseRobots('https://x.gob.gt/robots.txt', null).isAllowed('https://x.gob.gt/a')).toBe(true);
    const files: Record<string, Buffer> = {
      'https://x.gob.gt/index.xml': Buffer.from(
        '<sitemapindex><sitemap><loc>https://x.gob.gt/a.xml.gz</loc></sitemap></sitemapindex>',
      ),
      'https://x.gob.gt/a.xml.gz': gzipSync(
        '<urlset><url><loc>https://x.gob.gt/uno?a=1&amp;b=2</loc></url><url><loc><![CDATA[https://x.gob.gt/dos]]></loc></url></urlset>',
      ),
    };
    const result = await loadSitemaps(['https://x.gob.gt/index.xml'], async (url) => files[url] ?? null, 1);
    expect(result).toEqual({ found: true, urls: ['https://x.gob.gt/uno?a=1&b=2'], urlCount: 2 });
    expect((await parseSitemap(Buffer.from('<html>not a sitemap</html>'))).kind).toBe('none');
  });

  it('judges soft 404s by words and by likeness to the random-path page', () => {
    const probe = {
      url: 'https://x.gob.gt/zz',
      status: 200,
      title: 'Portal',
      headings: [],
      text: 'El contenido solicitado ya no está disponible en este portal institucional hoy',
    };
    const judge = createSoft404Judge(probe, 'https://x.gob.gt/');
    expect(judge.probeSoft404).toBe(true);
    expect(judge.isSoft404({ ...probe, url: 'https://x.gob.gt/roto' }, 'https://x.gob.gt/roto')).toBe(true);
    expect(
      judge.isSoft404(
        {
          url: 'https://x.gob.gt/s',
          status: 200,
          title: 'Servicios',
          headings: ['Servicios'],
          text: 'Lista de servicios al ciudadano y requisitos de cada trámite',
        },
        'https://x.gob.gt/s',
      ),
    ).toBe(false);
    const strict = createSoft404Judge({ ...probe, status: 404 }, 'https://x.gob.gt/');
    expect(
      strict.isSoft404(
        { url: 'https://x.gob.gt/v', status: 200, title: 'Error 404', headings: [], text: 'x' },
        'https://x.gob.gt/v',
      ),
    ).toBe(true);
    expect(
      strict.isSoft404(
        {
          url: 'https://x.gob.gt/d',
          status: 200,
          title: 'Decreto 404-2020',
          headings: ['Decreto'],
          text: 'Texto del decreto',
        },
        'https://x.gob.gt/d',
      ),
    ).toBe(false);
    expect(textSimilarity('a b c d', 'a b c d')).toBe(1);
  });

  it('fetches with our user agent, caps the body, follows redirects by hand and connects only where the policy allows', async () => {
    // As a scan of a target on 127.0.0.1: its own address is allowed, every other non-public one refused.
    const egress = createEgressPolicy({ allowed: ['127.0.0.1'] });
    const base = { timeoutMs: 5_000, userAgent: 'egov-monitor/test', extraCaPems: [], egress };
    const page = await httpFetch(server.url, base);
    expect(page).toMatchObject({ status: 200, contentType: 'text/html' });
    expect(page.head.toString()).toBe('ua=egov-monitor/test');
    const pdf = await httpFetch(`${server.url}big`, { ...base, maxBytes: 1024 });
    expect(pdf.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.head.length).toBe(1024);
    expect(pdf.bytes).toBe(300_009);
    expect(pdf.truncated).toBe(true);
    // No policy and no allowPrivateNetwork: public addresses only.
    const { egress: _none, ...strict } = base;
    expect((await httpFetch(server.url, strict)).error).toBe('refused: loopback address');
    const redirected = await httpFetch(`${server.url}to-private`, base);
    expect(redirected).toMatchObject({
      finalUrl: 'http://10.255.255.1/admin',
      status: 0,
      error: 'refused: private address',
    });
    const refused = await httpFetch('http://127.0.0.1:1/', base);
    expect(refused).toMatchObject({ status: 0, error: 'ECONNREFUSED' });
    expect((await httpFetch('ftp://127.0.0.1/', base)).error).toBe('unsupported-scheme');
  });
});
