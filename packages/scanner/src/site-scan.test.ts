import type { CrawlEvidence, EvidenceKind, SiteEvidence } from '@egov-monitor/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import type { Collector } from './collectors/collector.js';
import type { BrowserSession, ScanOptions } from './scan-options.js';
import { hasTime } from './collectors/live/live.js';
import { DEFAULT_SCAN_OPTIONS, scanSite } from './site-scan.js';
import { html, siteHandler, startServer, type TestServer } from './test-support/server.js';

let session: BrowserSession;
const servers: TestServer[] = [];
const options = (extra: Partial<ScanOptions> = {}): ScanOptions => ({ ...DEFAULT_SCAN_OPTIONS, ...extra });
const noCollectors = { collectors: [] as Collector<EvidenceKind>[] };

async function serve(pages: Parameters<typeof siteHandler>[0]): Promise<TestServer> {
  const server = await startServer(siteHandler(pages));
  servers.push(server);
  return server;
}

function crawlOf(evidence: SiteEvidence): CrawlEvidence {
  expect(evidence.fatal).toBeUndefined();
  const crawl = evidence.gathered.crawl;
  if (crawl?.status !== 'ok') throw new Error(`crawl not ok: ${JSON.stringify(crawl)}`);
  return crawl.data;
}
const paths = (crawl: CrawlEvidence) =>
  crawl.pages.map((page) => new URL(page.url).pathname + new URL(page.url).search).sort();

beforeAll(async () => {
  session = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await session?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('scanSite crawl', () => {
  it('follows a menu built by JavaScript, counts / and /index.html once, respects robots.txt and stays on the site', async () => {
    const server = await serve({
      '/': html(
        'Ministerio de Pruebas',
        `<nav id="menu"></nav><p>Portal oficial.</p><a href="/index.html">Inicio</a>
        <a href="https://example.org/fuera">Fuera</a><a href="http://10.0.0.1/intranet">Intranet</a><a href="/privado/secreto">Privado</a>
        <a href="/documentos/guia.pdf">Guía PDF</a><a href="mailto:info@pruebas.gob.gt">Correo</a>
        <script>setTimeout(() => { document.getElementById('menu').innerHTML = '<a href="/tramites">Trámites</a> <a href="/contacto">Contacto</a>'; }, 100);</script>`,
      ),
      '/index.html': html('Ministerio de Pruebas', '<p>Portal oficial.</p>'),
      '/tramites': html('Trámites', '<a href="/tramites/licencia?utm_source=menu">Licencia</a>'),
      '/tramites/licencia': html('Licencia', '<p>Requisitos de la licencia.</p>'),
      '/contacto': html('Contacto', '<p>Escríbanos.</p>'),
      '/privado/secreto': html('Secreto', '<p>No deberíamos estar aquí.</p>'),
      '/robots.txt': (_q, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('User-agent: *\nDisallow: /privado/\n');
      },
    });
    const crawl = crawlOf(await scanSite(session, { url: server.url }, options(), noCollectors));
    expect(paths(crawl)).toEqual(['/', '/contacto', '/tramites', '/tramites/licencia']);
    expect(crawl.robots).toMatchObject({ found: true, disallowedPathsSkipped: 1 });
    expect(crawl.pages.every((page) => page.analysed && page.status === 200 && page.linkedFromSite)).toBe(
      true,
    );
    expect(crawl.budget.exhausted).toBeUndefined();
  });

  it('holds the page and depth budgets and says the budget ran out', async () => {
    const pages: Record<string, string> = {
      '/': html('Inicio', Array.from({ length: 12 }, (_, i) => `<a href="/p${i}">Página ${i}</a>`).join(' ')),
    };
    for (let i = 0; i < 12; i += 1) pages[`/p${i}`] = html(`Página ${i}`, `<a href="/p${i}/hija">Hija</a>`);
    for (let i = 0; i < 12; i += 1) pages[`/p${i}/hija`] = html(`Hija ${i}`, '<p>Contenido</p>');
    const server = await serve(pages);
    const crawl = crawlOf(
      await scanSite(
        session,
        { url: server.url },
        options({ maxPages: 3, maxDiscoveredPages: 8, maxDepth: 1 }),
        noCollectors,
      ),
    );
    expect(crawl.pages).toHaveLength(8);
    expect(crawl.pages.filter((page) => page.analysed)).toHaveLength(3);
    expect(crawl.pages.every((page) => page.depth <= 1)).toBe(true);
    expect(crawl.budget.exhausted).toBe('page-budget');
  });

  it('when the site safety net fires, stops the crawl and says so: the crawl and what depends on it are incomplete', async () => {
    // The clock the safety nets read jumps an hour ahead once /uno has been served: the limit fires without the test
    // waiting for it, at the same point of the crawl on any machine.
    let offset = 0;
    const later =
      (body: string) =>
      (
        _request: unknown,
        response: { writeHead: (status: number, headers: object) => void; end: (body: string) => void },
      ) => {
        offset = 3_600_000;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(body);
      };
    const server = await serve({
      '/': html('Inicio', '<a href="/uno">Uno</a> <a href="/dos">Dos</a> <a href="/tres">Tres</a>'),
      '/uno': later(html('Uno', '<p>Primera página.</p>')) as never,
      '/dos': html('Dos', '<p>Segunda página.</p>'),
      '/tres': html('Tres', '<p>Tercera página.</p>'),
    });
    const probe: Collector<EvidenceKind> = {
      kind: 'institutional',
      // Live work it cannot start past its deadline: hasTime says no and marks its data incomplete.
      collect: async (site) => ({ pages: [], started: hasTime(site) }) as never,
    };
    const evidence = await scanSite(session, { url: server.url }, options(), {
      collectors: [probe],
      now: () => Date.now() + offset,
    });
    const crawl = crawlOf(evidence);
    expect(paths(crawl)).toEqual(['/', '/uno']);
    expect(crawl.budget.exhausted).toBe('site-timeout');
    expect(evidence.gathered.crawl).toMatchObject({
      incomplete: { code: 'site-timeout', message: expect.stringContaining('2 page(s) still to visit') },
    });
    expect(evidence.gathered.accessibility).toMatchObject({ incomplete: { code: 'site-timeout' } });
    expect(evidence.gathered.institutional).toMatchObject({
      status: 'ok',
      data: { started: false },
      incomplete: { code: 'collector-timeout' },
    });
  });

  it('uses the sitemap for discovery only, flags soft 404s and search-result pages', async () => {
    const server = await serve({
      '/': html(
        'Inicio',
        '<a href="/noticias">Noticias</a> <a href="/viejo">Página vieja</a> <a href="/buscar?q=agua">Buscar agua</a>',
      ),
      '/noticias': html(
        'Noticias',
        '<p>Noticias del ministerio con bastante texto para ser contenido real.</p>',
      ),
      '/viejo': html('Página no encontrada', '<p>Lo sentimos, la página que busca no existe.</p>'),
      '/buscar': html('Resultados de búsqueda', '<p>3 resultados para agua</p>'),
      '/solo-mapa': html('Solo en el mapa', '<p>Nadie enlaza aquí.</p>'),
      '/sitemap.xml': (_q, response) => {
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end(
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${server.url}solo-mapa</loc></url><url><loc>${server.url}noticias</loc></url></urlset>`,
        );
      },
    });
    const crawl = crawlOf(await scanSite(session, { url: server.url }, options(), noCollectors));
    const byPath = Object.fromEntries(crawl.pages.map((page) => [new URL(page.url).pathname, page]));
    expect(crawl.sitemap).toMatchObject({ found: true, urlCount: 2 });
    expect(byPath['/solo-mapa']).toMatchObject({ foundVia: 'sitemap', linkedFromSite: false });
    expect(byPath['/noticias']).toMatchObject({ foundVia: 'link', linkedFromSite: true, soft404: false });
    expect(byPath['/viejo']?.soft404).toBe(true);
    expect(byPath['/buscar']?.isSearchResult).toBe(true);
    expect(byPath['/noticias']?.isSearchResult).toBe(false);
  });

  it('detects a site that answers every unknown path with the same 200 page', async () => {
    const notFound = html(
      'Ministerio',
      '<p>El contenido solicitado ya no está disponible en este portal institucional.</p>',
    );
    const server = await startServer((request, response) => {
      const body: Record<string, string> = {
        '/': html('Ministerio', '<a href="/servicios">Servicios</a> <a href="/roto">Roto</a>'),
        '/servicios': html('Servicios', '<p>Lista de servicios al ciudadano.</p>'),
      };
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(body[request.url ?? '/'] ?? notFound);
    });
    servers.push(server);
    const crawl = crawlOf(await scanSite(session, { url: server.url }, options(), noCollectors));
    const byPath = Object.fromEntries(crawl.pages.map((page) => [new URL(page.url).pathname, page]));
    expect(byPath['/roto']?.soft404).toBe(true);
    expect(byPath['/servicios']?.soft404).toBe(false);
  });
});
