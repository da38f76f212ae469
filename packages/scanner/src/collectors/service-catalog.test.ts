import { describe, expect, it } from 'vitest';
import { serviceCatalogCollector } from './service-catalog.js';
import { fakeSite, link, snapshot } from './support/test-builders.js';

const home = 'https://www.gob.gt/';

describe('service catalog collector', () => {
  it('counts service links, topic groups and life events on a "Trámites y servicios" page', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          title: 'Gobierno de Guatemala',
          links: [link(`${home}tramites`, 'Trámites y servicios', { inNav: true })],
        }),
        snapshot(`${home}tramites`, {
          title: 'Trámites y servicios | Gobierno de Guatemala',
          headings: [
            { level: 1, text: '¿Qué necesitas hacer?' },
            { level: 2, text: 'Vehículos' },
            { level: 2, text: 'Empresas' },
            { level: 2, text: 'Salud' },
            { level: 2, text: 'Eventos de vida' },
          ],
          links: [
            link(`${home}tramites/licencia-de-conducir`, 'Renovación de licencia de conducir'),
            link(`${home}tramites/tarjeta-de-circulacion`, 'Reposición de tarjeta de circulación'),
            link('https://portal.sat.gob.gt/portal/solvencia-fiscal/', 'Solvencia fiscal'),
            link(`${home}tramites/patente-de-comercio`, 'Patente de comercio'),
            link('https://www.renap.gob.gt/partida-de-nacimiento', 'Partida de nacimiento'),
            link(`${home}eventos/nacimiento`, 'Nacimiento'),
            link(`${home}eventos/abrir-un-negocio`, 'Abrir un negocio'),
            link(`${home}noticias`, 'Noticias', { inNav: true }),
            link(`${home}privacidad`, 'Política de privacidad', { inFooter: true }),
          ],
        }),
      ],
    });
    const { candidates } = await serviceCatalogCollector.collect(site);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      url: `${home}tramites`,
      title: 'Trámites y servicios | Gobierno de Guatemala',
      serviceLinks: 5,
      topicGroups: 3,
      lifeEvents: ['abrir un negocio', 'nacimiento'],
      matched: expect.arrayContaining(['tramites y servicios', 'que necesitas hacer']),
    });
  });

  it('trap: an org-chart site with a "Servicios" page that is only a paragraph, and a "Próximamente" catalogue', async () => {
    const site = fakeSite({
      pages: [
        snapshot(`${home}servicios`, {
          title: 'Servicios',
          text: 'La institución presta servicios a la población.',
          links: [link(`${home}direcciones`, 'Direcciones', { inNav: true })],
        }),
        snapshot(`${home}tramites`, {
          title: 'Trámites en línea',
          headings: [{ level: 1, text: 'Próximamente' }],
          links: [link(`${home}tramites/licencia`, 'Licencia de conducir')],
        }),
      ],
    });
    const { candidates } = await serviceCatalogCollector.collect(site);
    expect(candidates.map((c) => [c.url, c.serviceLinks, c.topicGroups, c.lifeEvents.length])).toEqual([
      [`${home}servicios`, 0, 0, 0],
      [`${home}tramites`, 0, 0, 0],
    ]);
    expect(candidates[1]?.detail).toMatch(/says "proximamente"/);
  });
});
