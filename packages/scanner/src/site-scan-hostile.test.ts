import net from 'node:net';
import type { EvidenceKind, SiteEvidence } from '@egov-monitor/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { RETRY_DELAYS_MS } from './crawl/home.js';
import type { Collector } from './collectors/collector.js';
import type { BrowserSession, ScanOptions } from './scan-options.js';
import { DEFAULT_SCAN_OPTIONS, scanSite } from './site-scan.js';
import { html, startServer, type Handler, type TestServer } from './test-support/server.js';
import { createTestCa } from './test-support/tls.js';

let session: BrowserSession;
const servers: TestServer[] = [];
const ca = createTestCa();
// The scanner's own safety nets (far above what these tiny pages need), so the outcome never depends on how busy
// the machine is. Tests about a server that never answers lower the page limit: nothing the machine does can make
// such a server answer, so the limit fires the same way on any machine.
const options = (extra: Partial<ScanOptions> = {}): ScanOptions => ({
  ...DEFAULT_SCAN_OPTIONS,
  extraCaPems: [ca.caPem],
  ...extra,
});
const logs: string[] = [];
const hooks = {
  collectors: [] as Collector<EvidenceKind>[],
  retryDelaysMs: [200, 400],
  log: (message: string) => logs.push(message),
};
const retriesOf = (url: string) =>
  logs.filter((line) => line.startsWith(`[${url}] home page:`) && line.includes('retrying')).length;

async function serve(handler: Handler, tlsOptions?: { key: string; cert: string }): Promise<TestServer> {
  const server = await startServer(handler, tlsOptions);
  servers.push(server);
  return server;
}
const pagesOf = (evidence: SiteEvidence) =>
  evidence.gathered.crawl?.status === 'ok' ? evidence.gathered.crawl.data.pages : [];

beforeAll(async () => {
  session = await launchBrowser({ extraCaPems: [ca.caPem] });
}, 300_000);
afterAll(async () => {
  await session?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('hostile sites: each gives the right code and the scan returns', () => {
  it('refused port → connection-refused, not retried', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}/`;
    const evidence = await scanSite(session, { url }, options(), hooks);
    expect(evidence.fatal?.code).toBe('connection-refused');
    // Permanent: tried once, never retried.
    expect(retriesOf(url)).toBe(0);
  });

  it('connection reset → connection-reset after retries with growing pauses', async () => {
    let attempts = 0;
    const server = await serve((request) => {
      if (request.url === '/') attempts += 1;
      request.socket.destroy();
    });
    // The backoff is about time: the pauses are recorded through an injected sleep, not measured on the clock.
    const pauses: number[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
    };
    const evidence = await scanSite(session, { url: server.url }, options(), {
      ...hooks,
      retryDelaysMs: RETRY_DELAYS_MS,
      sleep,
    });
    expect(evidence.fatal?.code).toBe('connection-reset');
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(retriesOf(server.url)).toBe(2);
    expect(pauses).toEqual(RETRY_DELAYS_MS);
    expect(RETRY_DELAYS_MS[1]!).toBeGreaterThan(RETRY_DELAYS_MS[0]!);
  });

  it('500 then 200 → retried and scanned', async () => {
    let calls = 0;
    const server = await serve((request, response) => {
      if (request.url === '/' && ++calls === 1) {
        response.writeHead(500);
        response.end('fallo');
        return;
      }
      response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
      response.end(html('Inicio', '<p>Ya funciona</p>'));
    });
    const evidence = await scanSite(session, { url: server.url }, options(), hooks);
    expect(evidence.fatal).toBeUndefined();
    expect(calls).toBe(2);
  });

  it('404 home → http-error without retry; 403 → blocked', async () => {
    let calls = 0;
    const missing = await serve((request, response) => {
      if (request.url === '/') calls += 1;
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>No</h1>');
    });
    expect((await scanSite(session, { url: missing.url }, options(), hooks)).fatal?.code).toBe('http-error');
    expect(calls).toBe(1);
    const forbidden = await serve((_request, response) => {
      response.writeHead(403, { 'content-type': 'text/html' });
      response.end('<h1>Forbidden</h1>');
    });
    expect((await scanSite(session, { url: forbidden.url }, options(), hooks)).fatal?.code).toBe('blocked');
  });

  it('a server that refuses HeadlessChrome lets our honest user agent through', async () => {
    const seen: string[] = [];
    const server = await serve((request, response) => {
      const agent = request.headers['user-agent'] ?? '';
      seen.push(agent);
      const headless =
        /HeadlessChrome/i.test(agent) || /HeadlessChrome/i.test(String(request.headers['sec-ch-ua'] ?? ''));
      response.writeHead(headless ? 403 : 200, { 'content-type': 'text/html' });
      response.end(headless ? 'bots go away' : html('Inicio', '<p>Bienvenido</p>'));
    });
    const evidence = await scanSite(session, { url: server.url }, options(), hooks);
    expect(evidence.fatal).toBeUndefined();
    expect(seen[0]).toMatch(/^egov-monitor\/.*\(\+https:\/\//);
  });

  it('redirect loop → redirect-loop', async () => {
    const server = await serve((request, response) => {
      response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' });
      response.end();
    });
    expect((await scanSite(session, { url: server.url }, options(), hooks)).fatal?.code).toBe(
      'redirect-loop',
    );
  });

  it('a home page that never answers or never finishes → timeout; an inner page that never finishes is cut and scanned', async () => {
    let silentRequests = 0;
    const silent = await serve(() => {
      silentRequests += 1;
    });
    const evidence = await scanSite(session, { url: silent.url }, options({ pageTimeoutMs: 1_500 }), hooks);
    expect(evidence.fatal?.code).toBe('timeout');
    // A transient failure: the first try and both retries reached the server, then the scan gave up.
    expect(retriesOf(silent.url)).toBe(2);
    expect(silentRequests).toBeGreaterThanOrEqual(3);
    // The document starts, then a script that never arrives blocks parsing for ever.
    const neverEnds =
      '<!doctype html><html lang="es"><title>Cargando</title><body><h1>Portal</h1><p>Texto visible</p><script src="/nunca.js"></script>';
    const endless = await serve((request, response) => {
      if (request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.write(neverEnds);
      }
      response.writeHead(404);
      response.end();
    });
    const home = await scanSite(session, { url: endless.url }, options({ pageTimeoutMs: 2_000 }), hooks);
    expect(home.fatal?.code).toBe('timeout');
    expect(home.fatal?.message).toMatch(/never finished within 2 s/);
    const inner = await serve((request, response) => {
      if (request.url === '/') return response.end(html('Inicio', '<a href="/lento">Trámites</a>'));
      if (request.url === '/lento') {
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.write(neverEnds);
      }
      response.writeHead(404);
      response.end();
    });
    // A page limit that fires on /lento, which never finishes, while the tiny home page loads well within it.
    const cut = await scanSite(session, { url: inner.url }, options({ pageTimeoutMs: 8_000 }), hooks);
    expect(cut.fatal).toBeUndefined();
    const slow = pagesOf(cut).find((page) => page.title === 'Cargando');
    // Read as it stood, and recorded as cut by its safety net.
    expect(slow).toMatchObject({ status: 200, cut: true });
  }, 900_000);

  it('download by navigation → not-html at home; a download link inside the site does not hang the crawl', async () => {
    const download = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="a.bin"',
      });
      response.end(Buffer.alloc(1024));
    });
    expect((await scanSite(session, { url: download.url }, options(), hooks)).fatal?.code).toBe('not-html');
    const site = await serve((request, response) => {
      if (request.url === '/descargar') {
        response.writeHead(200, {
          'content-type': 'application/zip',
          'content-disposition': 'attachment; filename="datos.zip"',
        });
        response.end(Buffer.alloc(2048));
        return;
      }
      response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
      response.end(html('Inicio', '<a href="/descargar">Datos abiertos</a>'));
    });
    const evidence = await scanSite(session, { url: site.url }, options(), hooks);
    expect(evidence.fatal).toBeUndefined();
    expect(pagesOf(evidence).find((page) => page.url.endsWith('/descargar'))).toMatchObject({
      analysed: false,
      words: 0,
    });
  });

  it('alert, prompt and beforeunload are dismissed', async () => {
    const server = await serve((request, response) => {
      response.writeHead(request.url === '/' || request.url === '/otra' ? 200 : 404, {
        'content-type': 'text/html',
      });
      response.end(
        html(
          'Diálogos',
          `<a href="/otra">Otra</a><script>alert('hola'); prompt('¿nombre?'); confirm('¿seguro?');
          window.addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = ''; });</script>`,
        ),
      );
    });
    const evidence = await scanSite(session, { url: server.url }, options(), hooks);
    expect(evidence.fatal).toBeUndefined();
    expect(
      pagesOf(evidence)
        .map((page) => new URL(page.url).pathname)
        .sort(),
    ).toEqual(['/', '/otra']);
  });

  it('a 10 MB page is handled with capped text; an endless calendar stops on its page budget', async () => {
    const paragraph = `<p>${'Información pública del ministerio. '.repeat(50)}</p>\n`;
    const huge = `<!doctype html><html lang="es"><title>Enorme</title><body>${paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length))}<a href="/cal/2026-01">Calendario</a></body></html>`;
    const server = await serve((request, response) => {
      const month = /^\/cal\/(\d+)-(\d+)$/.exec(request.url ?? '');
      response.writeHead(request.url === '/' || month ? 200 : 404, { 'content-type': 'text/html' });
      if (request.url === '/') return response.end(huge);
      if (!month) return response.end('no');
      // Months counted from year 0: the link always points one month further, forever.
      const next = Number(month[1]) * 12 + (Number(month[2]) - 1) + 1;
      const following = `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}`;
      response.end(
        html(`Calendario ${month[1]}-${month[2]}`, `<a href="/cal/${following}">Mes siguiente</a>`),
      );
    });
    const evidence = await scanSite(
      session,
      { url: server.url },
      options({ maxPages: 2, maxDiscoveredPages: 6, maxDepth: 50 }),
      hooks,
    );
    expect(evidence.fatal).toBeUndefined();
    const pages = pagesOf(evidence);
    // The work budget, not the clock, ends the crawl: exactly 6 pages, the calendar followed month by month.
    expect(pages).toHaveLength(6);
    expect(pages.slice(1).map((page) => new URL(page.url).pathname)).toEqual([
      '/cal/2026-01',
      '/cal/2026-02',
      '/cal/2026-03',
      '/cal/2026-04',
      '/cal/2026-05',
    ]);
    expect(pages[0]?.words).toBeGreaterThan(10_000);
    expect(evidence.gathered.crawl).toMatchObject({
      status: 'ok',
      data: { budget: { exhausted: 'page-budget' } },
    });
    expect(evidence.gathered.crawl).not.toHaveProperty('incomplete');
  }, 900_000);

  it('TLS: a valid certificate from the extra CA scans; an expired one → tls-certificate-invalid', async () => {
    const page = html('Seguro', '<p>Sitio con HTTPS</p>');
    const good = await serve(
      (_q, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(page);
      },
      ca.issue({ hosts: ['127.0.0.1'] }),
    );
    expect((await scanSite(session, { url: good.url }, options(), hooks)).fatal).toBeUndefined();
    const expired = await serve(
      (_q, response) => response.end(page),
      ca.issue({ hosts: ['127.0.0.1'], expired: true }),
    );
    const httpsRan: string[] = [];
    const evidence = await scanSite(session, { url: expired.url }, options(), {
      ...hooks,
      collectors: [
        {
          kind: 'https',
          runsWithoutPages: true,
          collect: async (site) => {
            httpsRan.push(site.homeUrl);
            return (await site.checkCertificate(site.homeUrl)) as never;
          },
        },
        { kind: 'dates', collect: async () => ({ items: [] }) },
      ] as Collector<EvidenceKind>[],
    });
    expect(evidence.fatal?.code).toBe('tls-certificate-invalid');
    expect(httpsRan).toEqual([expired.url]);
    expect(evidence.gathered.https).toMatchObject({
      status: 'ok',
      data: { valid: false, problem: 'CERT_HAS_EXPIRED' },
    });
    expect(evidence.gathered.dates).toBeUndefined();
  });
});
