import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { networkInterfaces } from 'node:os';
import type { SiteEvidence } from '@egov-monitor/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { classifyAddress } from './egress/addresses.js';
import { mappedResolver } from './egress/policy.js';
import type { BrowserSession, ScanOptions } from './scan-options.js';
import { DEFAULT_SCAN_OPTIONS, scanSite } from './site-scan.js';
import { createTestCa } from './test-support/tls.js';

/*
 * Issue #11's hostile network. The list's target lives on 127.0.0.1 (so exactly that address is allowed); canary
 * servers listen on the *same port* of 127.0.0.2, 127.0.0.3 (http) and 127.0.0.4 (https) — Linux routes all of
 * 127/8 to lo — and count every TCP connection they accept. The target aims every path the scanner has at them:
 * redirects, meta refresh, `location=`, sub-resources (img, script, iframe, fetch, WebSocket, prefetch), the
 * payment link and its certificate check, the search form, the contact form's action, a download link, robots
 * `Sitemap:` lines, sitemap index entries, the HTTPS probe's www endpoint — through literal IPs, IPv4-mapped IPv6,
 * decimal/octal/hex/short spellings, and names the injected resolver maps to private addresses, one of them
 * rebinding (the target's address first, a canary's next). The canaries must log zero connections, and the scan
 * must still complete with the target's own evidence.
 */

const ca = createTestCa();
const CANARY_HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
const canaryHits: string[] = [];
const targetHits: string[] = [];
const servers: (http.Server | https.Server)[] = [];
let port = 0;
let session: BrowserSession;
let evidence: SiteEvidence;
let redirected: SiteEvidence;

const resolver = mappedResolver({
  'sede.test': '127.0.0.1',
  'www.sede.test': '127.0.0.1',
  'salto.test': '127.0.0.1',
  'intranet.test': '127.0.0.3',
  'metadatos.test': ['169.254.169.254'],
  'mixto.test': ['127.0.0.2', '127.0.0.3'],
  // DNS rebinding: the target's own address for the first lookup, a canary's for every later one.
  'rebind.test': (call) => (call === 1 ? '127.0.0.1' : '127.0.0.3'),
});

/** Every way to write "a canary" the scanner must refuse. */
const canaryOrigins = () => [
  `http://127.0.0.2:${port}`,
  `http://[::ffff:127.0.0.2]:${port}`,
  `http://[::ffff:7f00:3]:${port}`,
  `http://2130706434:${port}`,
  `http://0177.0.0.02:${port}`,
  `http://0x7f000003:${port}`,
  `http://127.2:${port}`,
  `http://intranet.test:${port}`,
  `http://mixto.test:${port}`,
  `https://127.0.0.4:${port}`,
  `https://[::ffff:127.0.0.4]:${port}`,
];

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><header><nav><a href="/">Inicio</a> <a href="/redirecciones">Redirecciones</a> <a href="/meta">Aviso</a> <a href="/script">Portal nuevo</a> <a href="/pagos">Pagos en línea</a> <a href="/formularios">Formularios</a> <a href="/contacto">Contacto</a></nav></header><main><h1>${title}</h1>${body}</main></body></html>`;
}

function targetPages(
  host: string,
  path: string,
): { status: number; headers?: Record<string, string>; body?: string } {
  const origins = canaryOrigins();
  if (host.startsWith('salto.test'))
    return { status: 302, headers: { location: `http://[::ffff:127.0.0.2]:${port}/salto` } };
  // The HTTPS probe's www endpoint answers a redirect into the internal network.
  if (host.startsWith('www.sede.test'))
    return { status: 301, headers: { location: `http://127.0.0.2:${port}/www` } };
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect)
    return { status: 302, headers: { location: `${origins[Number(redirect[1])] ?? origins[0]}/redirigido` } };
  switch (path) {
    case '/':
      return {
        status: 200,
        body: page(
          'Secretaría de Pruebas de Red',
          `<p>Misión: servir a la población. Visión: un Estado abierto. Funciones y base legal de la Secretaría.</p>
          <form action="http://intranet.test:${port}/buscar" method="get" role="search"><label>Buscar <input type="search" name="q"></label><button>Buscar</button></form>
          ${origins.map((origin, i) => `<img alt="" src="${origin}/img${i}.png"><script src="${origin}/js${i}.js"></script>`).join('\n')}
          <iframe title="mapa" src="http://[::ffff:127.0.0.3]:${port}/iframe"></iframe>
          <img alt="" src="http://rebind.test:${port}/logo.png"><img alt="" src="http://rebind.test:${port}/escudo.png"><iframe title="r" src="http://rebind.test:${port}/marco"></iframe>
          <link rel="prefetch" href="http://127.0.0.2:${port}/prefetch">
          <script>
            try { new WebSocket('ws://127.0.0.2:${port}/ws'); new WebSocket('ws://intranet.test:${port}/ws'); } catch (e) {}
            fetch('http://[::ffff:127.0.0.3]:${port}/api', { mode: 'no-cors' }).catch(() => {});
            fetch('http://metadatos.test/latest/meta-data/', { mode: 'no-cors' }).catch(() => {});
          </script>`,
        ),
      };
    case '/redirecciones':
      return {
        status: 200,
        body: page('Redirecciones', origins.map((_o, i) => `<a href="/r/${i}">Enlace ${i}</a>`).join(' ')),
      };
    case '/meta':
      return {
        status: 200,
        body: page(
          'Aviso',
          '<p>Redirigiendo…</p>',
          `<meta http-equiv="refresh" content="0;url=http://0x7f000002:${port}/meta">`,
        ),
      };
    case '/script':
      return {
        status: 200,
        body: page(
          'Portal nuevo',
          `<p>Redirigiendo…</p><script>setTimeout(() => { location = 'http://intranet.test:${port}/js-nav'; }, 10);</script>`,
        ),
      };
    case '/pagos':
      return {
        status: 200,
        body: page(
          'Pagos en línea',
          `<p><a href="https://127.0.0.4:${port}/pagar">Pagar en línea con tarjeta</a></p><p><a href="https://[::ffff:127.0.0.4]:${port}/pago">Pago de licencias en línea</a></p>
          <form action="https://127.0.0.4:${port}/cobro" method="post"><label>Número de tarjeta <input name="cc" autocomplete="cc-number"></label><label>Vencimiento <input name="exp" autocomplete="cc-exp"></label><button>Pagar</button></form>`,
        ),
      };
    case '/formularios':
      return {
        status: 200,
        body: page(
          'Formularios',
          `<ul><li><a href="http://127.0.0.2:${port}/solicitud.pdf">Formulario de solicitud (PDF)</a></li><li><a href="http://intranet.test:${port}/formulario-inscripcion.pdf">Formulario de inscripción (PDF)</a></li><li><a href="http://[::ffff:127.0.0.3]:${port}/formulario.docx">Formulario de queja (DOCX)</a></li></ul>`,
        ),
      };
    case '/contacto':
      return {
        status: 200,
        body: page(
          'Contacto',
          `<form action="http://[::ffff:127.0.0.2]:${port}/enviar" method="post"><label>Nombre <input name="nombre"></label><label>Correo <input type="email" name="correo"></label><label>Mensaje <textarea name="mensaje"></textarea></label><button>Enviar</button></form>`,
        ),
      };
    case '/robots.txt':
      return {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: `User-agent: *\nAllow: /\nSitemap: http://127.0.0.2:${port}/sitemap.xml\nSitemap: http://intranet.test:${port}/sitemap.xml\nSitemap: http://sede.test:${port}/sitemap.xml\n`,
      };
    case '/sitemap.xml':
      return {
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body: `<sitemapindex><sitemap><loc>http://[::ffff:127.0.0.2]:${port}/hijo.xml</loc></sitemap><sitemap><loc>http://sede.test:${port}/urls.xml</loc></sitemap></sitemapindex>`,
      };
    case '/urls.xml':
      return {
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body: `<urlset>${origins.map((origin) => `<url><loc>${origin}/desde-sitemap</loc><lastmod>2026-11-01</lastmod></url>`).join('')}<url><loc>http://sede.test:${port}/contacto</loc></url></urlset>`,
      };
    default:
      return { status: 404, body: page('No encontrada', '<p>Página no encontrada</p>') };
  }
}

async function listen(server: http.Server | https.Server, host: string, at = 0): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at, host, () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

async function startNetwork(): Promise<void> {
  const target = http.createServer((request, response) => {
    const host = request.headers.host ?? '';
    const path = (request.url ?? '/').split('?')[0]!;
    targetHits.push(`${host}${path}`);
    const answer = targetPages(host, path);
    // Each request on its own connection for the rebinding name, so every one of them is resolved again.
    const close = host.startsWith('rebind.test') ? { connection: 'close' } : {};
    response.writeHead(answer.status, {
      'content-type': 'text/html; charset=utf-8',
      ...close,
      ...answer.headers,
    });
    response.end(answer.body ?? '');
  });
  port = await listen(target, '127.0.0.1');
  const count = (host: string) => (socket: net.Socket) => {
    canaryHits.push(`${host}:${port}`);
    socket.destroy();
  };
  const leaf = ca.issue({ hosts: CANARY_HOSTS });
  for (const host of CANARY_HOSTS) {
    const canary =
      host === '127.0.0.4' ? https.createServer({ key: leaf.key, cert: leaf.cert }) : http.createServer();
    // Counted at the TCP level: a TLS handshake, a WebSocket or an HTTP request all start with a connection.
    canary.on('connection', count(host));
    await listen(canary, host, port);
  }
}

const options = (extra: Partial<ScanOptions> = {}): ScanOptions => ({
  ...DEFAULT_SCAN_OPTIONS,
  maxPages: 8,
  maxDiscoveredPages: 20,
  siteTimeoutMs: 120_000,
  pageTimeoutMs: 10_000,
  extraCaPems: [ca.caPem],
  ...extra,
});

beforeAll(async () => {
  // The canaries share the target's port on other loopback addresses; if another process holds it, try again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await startNetwork();
      break;
    } catch (error) {
      await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
      if (attempt === 3) throw error;
    }
  }
  session = await launchBrowser({ extraCaPems: [ca.caPem], resolver });
  evidence = await scanSite(
    session,
    { url: `http://sede.test:${port}/`, name: 'Secretaría de Pruebas de Red' },
    options(),
  );
  redirected = await scanSite(
    session,
    { url: `http://salto.test:${port}/` },
    options({ siteTimeoutMs: 30_000 }),
    { retryDelaysMs: [] },
  );
}, 400_000);

afterAll(async () => {
  await session?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('hostile network: nothing reaches an address the list did not name', () => {
  // Set by site-scan-egress.netns.test.ts, which runs this file again inside a network namespace.
  it.runIf(process.env.EGOV_EXPECT_NETNS === '1')('runs in a network namespace with loopback only', () => {
    const interfaces = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
      (addresses ?? []).map((address) => `${name} ${address.address}`),
    );
    expect(interfaces.length).toBeGreaterThan(0);
    expect(interfaces.filter((entry) => !entry.startsWith('lo '))).toEqual([]);
  });

  it('the canaries log zero connections', () => {
    expect(canaryHits).toEqual([]);
  });

  it("the scan completes with the target's own evidence, every collector having run", () => {
    expect(evidence.fatal).toBeUndefined();
    const crawl = evidence.gathered.crawl;
    expect(crawl?.status).toBe('ok');
    const paths = crawl?.status === 'ok' ? crawl.data.pages.map((p) => new URL(p.url).pathname) : [];
    expect(paths).toEqual(expect.arrayContaining(['/', '/contacto', '/formularios', '/pagos']));
    // No page of the crawl is on another address than the target's.
    const hosts =
      crawl?.status === 'ok' ? new Set(crawl.data.pages.map((p) => new URL(p.url).hostname)) : new Set();
    expect([...hosts]).toEqual(['sede.test']);
    for (const kind of ['downloads', 'payments', 'search', 'https', 'contact'] as const)
      expect(evidence.gathered[kind]?.status, kind).toBeDefined();
    // The target really served the hostile pages, robots.txt and its sitemaps: every path was exercised.
    expect(targetHits).toEqual(
      expect.arrayContaining([
        `sede.test:${port}/robots.txt`,
        `sede.test:${port}/sitemap.xml`,
        `sede.test:${port}/urls.xml`,
        `sede.test:${port}/meta`,
        `sede.test:${port}/script`,
      ]),
    );
    // The rebinding name was served once from the target's address; every later connection was refused.
    expect(targetHits.filter((hit) => hit.startsWith('rebind.test')).length).toBeGreaterThanOrEqual(1);
  });

  it("the HTTPS probe does not follow the www endpoint's redirect into the network, and says so", () => {
    const probe = evidence.gathered.https;
    expect(probe?.status).toBe('ok');
    const www =
      probe?.status === 'ok'
        ? probe.data.endpoints.find((e) => e.url.startsWith('http://www.sede.test'))
        : undefined;
    expect(www).toMatchObject({
      live: true,
      status: 301,
      redirectTo: `http://127.0.0.2:${port}/www`,
      error: 'refused: loopback address',
    });
  });

  it('a home page that redirects into the network is refused-address, and no canary saw it', () => {
    expect(redirected.fatal?.code).toBe('refused-address');
    expect(redirected.fatal?.message).toContain('loopback address');
    expect(canaryHits).toEqual([]);
  });

  it('every spelling used here is a canary address the policy refuses', () => {
    for (const origin of canaryOrigins().filter((o) => !/[a-z]\.test/.test(o))) {
      const host = new URL(origin).hostname;
      expect(CANARY_HOSTS, origin).toContain(classifyAddress(host)?.address);
    }
  });
});
