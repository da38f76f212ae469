import { describe, expect, it } from 'vitest';
import { serviceCatalogCollector } from './service-catalog.js';
import { readPage } from './support/live.js';
import { snapshot } from './support/test-builders.js';
import { liveSite, useLiveFixture } from './support/test-support/harness.js';

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

const live = useLiveFixture({ '/tramites': { body: catalog } });

describe('service catalog collector in Chromium', () => {
  it('reads topic groups from headings and tabs, and life events from a "¿Qué le está pasando?" section', async () => {
    const url = `${live.server.origin}/tramites`;
    const page = await live.context.newPage();
    await page.goto(url);
    const facts = await readPage(page);
    await page.close();
    const site = liveSite(live.context, {
      homeUrl: `${live.server.origin}/`,
      pages: [snapshot(url, { ...facts, depth: 1 })],
    });
    const { candidates } = await serviceCatalogCollector.collect(site);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ url, serviceLinks: 7, topicGroups: 3 });
    expect(candidates[0]?.lifeEvents).toEqual(
      expect.arrayContaining(['Voy a viajar', 'Busco trabajo', 'Perdí mis documentos']),
    );
    expect(candidates[0]?.detail).toMatch(/3 groups of services \(Seguridad, Migración, Armas\)/);
  });
});
