import type { EvidenceKind } from '@egov-monitor/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import type { Collector } from './collectors/collector.js';
import type { PageSnapshot } from './page-snapshot.js';
import type { BrowserSession, ScanOptions } from './scan-options.js';
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

beforeAll(async () => {
  session = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await session?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('scanSite pages, axe and collectors', () => {
  it('runs axe: a known violation on one page, none of that rule on a clean page', async () => {
    const server = await serve({
      '/': html('Inicio', '<p>Bienvenidos.</p><a href="/galeria">Galería</a>'),
      '/galeria': html('Galería', '<img src="/foto.png" width="10" height="10">'),
    });
    const evidence = await scanSite(session, { url: server.url }, options(), noCollectors);
    const accessibility = evidence.gathered.accessibility;
    if (accessibility?.status !== 'ok') throw new Error('no accessibility evidence');
    expect(accessibility.data.tags).toContain('wcag22aa');
    const rules = Object.fromEntries(
      accessibility.data.pages.map((page) => [
        new URL(page.url).pathname,
        page.violations.map((v) => v.ruleId),
      ]),
    );
    expect(rules['/galeria']).toContain('image-alt');
    expect(rules['/']).not.toContain('image-alt');
    const imageAlt = accessibility.data.pages
      .find((page) => page.url.endsWith('/galeria'))
      ?.violations.find((v) => v.ruleId === 'image-alt');
    expect(imageAlt).toMatchObject({ impact: 'critical', nodes: 1, selectors: ['img'] });
  });

  it('isolates collectors: one that throws is an error, the others are ok', async () => {
    const server = await serve({ '/': html('Inicio', '<p>Hola</p>') });
    const seen: string[] = [];
    const collectors = [
      {
        kind: 'institutional',
        collect: async () => {
          throw new Error('collector bug');
        },
      },
      {
        kind: 'outboundLinks',
        collect: async (site) => {
          seen.push(site.homeUrl, String(site.pages.length), String(site.isSameSite(server.url + 'x')));
          return { hosts: [] };
        },
      },
      { kind: 'dates', timeoutMs: 300, collect: () => new Promise(() => undefined) },
    ] as Collector<EvidenceKind>[];
    const progress: string[] = [];
    const evidence = await scanSite(
      session,
      { url: server.url },
      options({ onProgress: (event) => progress.push(event.phase) }),
      { collectors },
    );
    expect(evidence.gathered.institutional).toMatchObject({
      status: 'error',
      error: { code: 'collector-crashed', message: 'collector bug' },
    });
    expect(evidence.gathered.outboundLinks).toEqual({ status: 'ok', data: { hosts: [] } });
    expect(evidence.gathered.dates).toMatchObject({ status: 'error', error: { code: 'timeout' } });
    expect(seen).toEqual([server.url, '1', 'true']);
    expect(progress[0]).toBe('probe');
    expect(progress.at(-1)).toBe('done');
    expect(progress).toContain('collect');
  });

  it('fills the page snapshot: links with context, forms with labels, dates, layout', async () => {
    const server = await serve({
      '/': html(
        'Inicio <b>**hola** @alguien</b>',
        `<nav><a href="/tramites">Trámites</a></nav>
        <ul><li>Formulario de solicitud <a href="/f.pdf" download>Descargar</a></li></ul>
        <form action="/contacto" method="post"><label for="m">Mensaje</label><textarea id="m" name="mensaje"></textarea><input type="email" aria-label="Correo" name="correo"><button>Enviar</button></form>
        <article><h2>Nueva sede</h2><time datetime="2026-11-14">14 de noviembre de 2026</time></article>
        <div style="width:2000px">ancho</div>`,
      ),
      '/tramites': html('Trámites', '<p>Lista</p>'),
    });
    const snapshots: unknown[] = [];
    const collectors = [
      {
        kind: 'dates',
        collect: async (site) => {
          snapshots.push(...site.pages);
          return { items: [] };
        },
      },
    ] as Collector<EvidenceKind>[];
    await scanSite(session, { url: server.url }, options(), { collectors });
    const home = snapshots[0] as PageSnapshot;
    expect(home.title).toBe('Inicio <b>**hola** @alguien</b>');
    expect(home.links.find((link) => link.text === 'Trámites')).toMatchObject({
      inNav: true,
      href: `${server.url}tramites`,
    });
    expect(home.links.find((link) => link.text === 'Descargar')).toMatchObject({
      download: true,
      context: 'Formulario de solicitud Descargar',
    });
    const form = home.forms.find((f) => !f.formless);
    expect(form).toMatchObject({ method: 'post', action: `${server.url}contacto`, submitTexts: ['Enviar'] });
    expect(form?.fields.map((field) => field.label)).toEqual(['Mensaje', 'Correo', 'Enviar']);
    expect(home.dates).toContainEqual({ source: 'time-element', value: '2026-11-14', context: 'Nueva sede' });
    expect(home.layout.horizontalOverflow).toBe(true);
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.transferBytes).toBeGreaterThan(500);
    expect(home.lang).toBe('es');
  });
});
