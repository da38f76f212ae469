import { describe, expect, it } from 'vitest';
import { serviceCatalogCollector } from './service-catalog.js';
import { readPage } from './live/live.js';
import { snapshot } from './test-support/builders.js';
import { liveSite, useLiveFixture } from './test-support/harness.js';

const catalog = `<!doctype html><html lang="es"><head><title>Trámites y servicios — Ministerio de Gobernación</title></head><body>
<header><nav><a href="/">Inicio</a><a href="/tramites">Trámites</a><a href="/noticias">Noticias</a></nav></header>
<main><h1>Trámites y servicios</h1>
<h2>¿Qué le está pasando?</h2>
<ul><li><a href="/tramites/pasaporte">Voy a viajar: solicitar pasaporte</a></li><li><a href="/tramites/antecedentes">Busco trabajo: antecedentes policíacos</a></li><li><a href="/tramites/reposicion-dpi">Perdí mis documentos: reposición</a></li></ul>
<div role="tablist"><button role="tab" id="t1" aria-controls="p1">Seguridad</button><button role="tab" id="t2" aria-controls="p2">Migración</button><button role="tab" id="t3" aria-controls="p3">Armas</button></div>
<div role="tabpanel" id="p1"><a href="/tramites/antecedentes">Constancia de antecedentes policíacos</a><a href="/tramites/denuncia">Denuncia en línea</a></div>
<div role="tabpanel" id="p2" hidden><a href="/tramites/pasaporte">Pasaporte</a><a href="/tramites/visa">Visa de turista</a></div>
<div role="tabpanel" id="p3" hidden><a href="/tramites/licencia-armas">Licencia de portación</a><a href="/tramites/registro-armas">Registro de armas</a></div>
<h2>Contacto</h2><p>PBX 2413-8888</p>
</main><footer><a href="/privacidad">Privacidad</a><a href="/mapa">Mapa del sitio</a></footer></body></html>`;

const directorates = `<!doctype html><html lang="es"><head><title>Servicios — Ministerio de Gobernación</title></head><body>
<header><nav><a href="/">Inicio</a></nav></header>
<main><h1>Servicios</h1><h2>Nuestras direcciones</h2><ul>${Array.from(
  { length: 20 },
  (_, i) =>
    `<li><a href="/direcciones/${i + 1}">${['Dirección General de', 'Departamento de', 'Unidad de', 'Subdirección de'][i % 4]} ${['Migración', 'Seguridad', 'Tránsito', 'Armas', 'Registro'][i % 5]} ${i + 1}</a></li>`,
).join('')}</ul></main></body></html>`;

const live = useLiveFixture({ '/tramites': { body: catalog }, '/servicios': { body: directorates } });

describe('service catalog collector in Chromium', () => {
  it('reads the groups from headings and tabs: life events from a "¿Qué le está pasando?" section, topics of services from tabs', async () => {
    const url = `${live.server.origin}/tramites`;
    const page = await live.context.newPage();
    await page.goto(url);
    const facts = await readPage(page);
    await page.close();
    const site = liveSite(live.context, {
      homeUrl: `${live.server.origin}/`,
      pages: [snapshot(`${live.server.origin}/`, { title: 'Inicio' }), snapshot(url, { ...facts, depth: 1 })],
    });
    const { candidates } = await serviceCatalogCollector.collect(site);
    const catalogue = candidates.find((c) => c.url === url);
    expect(catalogue?.matched).toEqual(expect.arrayContaining(['tramites y servicios']));
    expect(catalogue?.groups.map((g) => [g.text, g.kind, g.items.map((i) => i.kind)])).toEqual([
      ['¿Qué le está pasando?', 'life-event', ['life-event', 'life-event', 'life-event']],
      ['Seguridad', 'topic', ['service', 'service']],
      ['Migración', 'topic', ['service', 'service']],
      ['Armas', 'topic', ['service', 'service']],
      ['Contacto', 'other', []],
    ]);
    expect(catalogue?.detail).toMatch(
      /^"¿Qué le está pasando\?" \(life-event\): Voy a viajar: solicitar pasaporte \[life-event\]/,
    );
  });

  it('trap: a "Servicios" page that lists twenty directorates is read as units of the org chart', async () => {
    const url = `${live.server.origin}/servicios`;
    const page = await live.context.newPage();
    await page.goto(url);
    const facts = await readPage(page);
    await page.close();
    const site = liveSite(live.context, {
      homeUrl: `${live.server.origin}/`,
      pages: [snapshot(`${live.server.origin}/`, { title: 'Inicio' }), snapshot(url, { ...facts, depth: 1 })],
    });
    const { candidates } = await serviceCatalogCollector.collect(site);
    const listing = candidates.find((c) => c.url === url);
    expect(listing?.groups).toHaveLength(1);
    expect(listing?.groups[0]?.items).toHaveLength(20);
    expect(listing?.groups[0]?.items.every((i) => i.kind === 'org-unit')).toBe(true);
  });
});
