import { describe, expect, it } from 'vitest';
import { classifyEntry, describeGroups, isServicePage, serviceCatalogCollector } from './service-catalog.js';
import { fakeSite, snapshot } from './test-support/builders.js';

const home = 'https://www.gob.gt/';

describe('what an entry of a services page names', () => {
  it.each([
    ['Nacimiento', 'item', 'life-event'],
    ['Abrir un negocio', 'item', 'life-event'],
    ['Obtener mi DPI', 'item', 'life-event'],
    ['Me mudé', 'item', 'life-event'],
    ['Cumplí 18 años', 'item', 'life-event'],
    ['Perdí mis documentos', 'item', 'life-event'],
    ['Mi licencia está por vencer', 'item', 'life-event'],
    ['Voy a viajar: solicitar pasaporte', 'item', 'life-event'],
    ['I lost my job', 'item', 'life-event'],
    ['¿Qué le está pasando?', 'heading', 'life-event'],
    ['Ciudadanos', 'heading', 'audience'],
    ['Para empresas', 'item', 'audience'],
    ['Personas con discapacidad', 'heading', 'audience'],
    ['Extranjeros', 'item', 'audience'],
    ['¿Qué necesita hacer?', 'heading', 'task'],
    ['Quiero pagar una multa', 'item', 'task'],
    ['How to apply for a permit', 'item', 'task'],
    ['Vehículos', 'heading', 'topic'],
    ['Renovación de licencia de conducir', 'item', 'service'],
    ['Solicitar constancia de antecedentes', 'item', 'service'],
    ['Dirección General de Tránsito', 'item', 'org-unit'],
    ['Departamento de Licencias', 'item', 'org-unit'],
    ['Unidad de Información Pública', 'item', 'org-unit'],
    ['Subdirección de Recursos Humanos', 'heading', 'org-unit'],
    ['Noticias', 'heading', 'other'],
    ['Mi cuenta', 'item', 'other'],
  ] as const)('"%s" (%s) → %s', (text, role, kind) => {
    expect(classifyEntry(text, role).kind).toBe(kind);
  });

  it('trap: a directorate named after a service is a unit of the org chart, not a service', () => {
    expect(classifyEntry('Dirección de Licencias de Conducir', 'item')).toEqual({
      kind: 'org-unit',
      matched: 'direccion',
    });
  });
});

describe('the groups of a services page', () => {
  const procedure = (slug: string, title: string) =>
    snapshot(`${home}tramites/${slug}`, {
      title,
      headings: [
        { level: 1, text: title },
        { level: 2, text: 'Requisitos' },
      ],
      text: `${title}\nRequisitos\nDPI vigente.\nCosto: Q50.00`,
    });
  const site = {
    pages: [
      snapshot(home),
      procedure('partida', 'Certificado de nacimiento'),
      procedure('patente', 'Patente de comercio'),
      snapshot(`${home}direcciones/transito`, {
        title: 'Dirección de Tránsito',
        text: 'La Dirección de Tránsito fue creada en 1998.',
      }),
    ],
    isSameSite: (url: string) => url.startsWith(home),
  };

  it('names each heading and link, and whether the link leads to a page describing a service', () => {
    const groups = describeGroups(
      [
        {
          heading: 'Eventos de vida',
          links: [
            { href: `${home}tramites/partida`, text: 'Nacimiento' },
            { href: `${home}tramites/patente`, text: 'Abrir un negocio' },
          ],
        },
        {
          heading: 'Licencias de conducir',
          links: [
            { href: `${home}tramites/partida#x`, text: 'Primera licencia' },
            { href: `${home}tramites/otra`, text: 'Renovar la licencia' },
          ],
        },
        {
          heading: 'Dependencias',
          links: [{ href: `${home}direcciones/transito`, text: 'Dirección de Tránsito' }],
        },
      ],
      site,
    );
    expect(groups).toEqual([
      {
        text: 'Eventos de vida',
        kind: 'life-event',
        matched: 'eventos de vida',
        items: [
          {
            text: 'Nacimiento',
            href: `${home}tramites/partida`,
            kind: 'life-event',
            matched: 'nacimiento',
            leadsToService: true,
          },
          {
            text: 'Abrir un negocio',
            href: `${home}tramites/patente`,
            kind: 'life-event',
            matched: 'abrir un negocio',
            leadsToService: true,
          },
        ],
      },
      {
        // Not a known topic word, but it groups services under a subject: a topic of services.
        text: 'Licencias de conducir',
        kind: 'topic',
        matched: 'a group of 2 services',
        items: [
          {
            text: 'Primera licencia',
            href: `${home}tramites/partida#x`,
            kind: 'service',
            matched: 'licencia',
            leadsToService: true,
          },
          {
            text: 'Renovar la licencia',
            href: `${home}tramites/otra`,
            kind: 'service',
            matched: 'renovar',
            leadsToService: null,
          },
        ],
      },
      {
        text: 'Dependencias',
        kind: 'org-unit',
        matched: 'dependencias',
        items: [
          {
            text: 'Dirección de Tránsito',
            href: `${home}direcciones/transito`,
            kind: 'org-unit',
            matched: 'direccion',
            leadsToService: false,
          },
        ],
      },
    ]);
  });

  it('a service page says what the procedure requires, costs or takes; a history page does not', () => {
    expect(isServicePage({ headings: [{ level: 2, text: 'Requisitos' }], text: '' })).toBe(true);
    expect(
      isServicePage({ headings: [], text: 'Requisitos: DPI. Costo: Q25. Tiempo de respuesta: 3 días.' }),
    ).toBe(true);
    expect(
      isServicePage({
        headings: [{ level: 2, text: 'Historia' }],
        text: 'Fundada en 1998; su primer costo fue alto.',
      }),
    ).toBe(false);
  });
});

describe('which pages are read', () => {
  it('the home page first, then pages that call themselves a catalogue; never a page that only names the institution or a news headline', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, { title: 'Inicio | Ventanilla' }),
        snapshot(`${home}institucion/`, {
          title: 'La Secretaría',
          headings: [{ level: 1, text: 'La Secretaría de Servicios Ciudadanos' }],
        }),
        snapshot(`${home}noticias/nuevos`, {
          title: 'Noticia',
          headings: [{ level: 1, text: 'Siete trámites nuevos en el catálogo' }],
        }),
        snapshot(`${home}tramites/`, { title: 'Trámites y servicios | Ventanilla' }),
        snapshot(`${home}tramites/licencia`, { title: 'Licencia | Ventanilla' }),
      ],
    });
    const { candidates } = await serviceCatalogCollector.collect(site);
    // No browser here: each page's layout is unread, which the rubric reads as inconclusive, never as a fail.
    expect(candidates.map((c) => [c.url, c.matched, Boolean(c.unread)])).toEqual([
      [home, ['home page'], true],
      [`${home}tramites/`, ['tramites y servicios', 'tramites'], true],
      [`${home}tramites/licencia`, ['tramites'], true],
    ]);
  });
});
