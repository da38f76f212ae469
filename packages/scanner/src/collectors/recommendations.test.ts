import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '@egov-monitor/rubric';
import type { CountryProfile } from '@egov-monitor/rubric';
import { recommendationsCollector, requirementItems } from './recommendations.js';
import { form, link, siteContext, snapshot } from './test-support/snapshot.js';

const base = 'https://ministerio.gob.gt';

const home = snapshot({
  url: `${base}/`,
  title: 'Ministerio de Ejemplo',
  links: [
    link(`${base}/privacidad`, 'Política de Privacidad', { inFooter: true }),
    link('https://www.gob.gt/', '', { label: 'Portal del Gobierno de Guatemala' }),
    link('https://www.sat.gob.gt/', 'SAT'),
    link(`${base}/informacion-publica`, 'Información Pública de Oficio'),
    link(`${base}/buzon`, 'Buzón de sugerencias'),
    link(`${base}/seguimiento-evaluacion`, 'Seguimiento y evaluación'),
    link(`${base}/sitemap.xml`, 'Mapa del sitio'),
    link(`${base}/docs/ley.pdf`, 'Ley orgánica'),
    link(`${base}/docs/ley.pdf#page=2`, 'Ley orgánica, artículo 2'),
    link(`${base}/docs/formulario.docx`, 'Formulario de solicitud'),
    link(`${base}/docs/formulario.odt`, 'Formulario de solicitud (ODT)'),
    link(`${base}/descargar?id=7`, 'Memoria de labores (PDF)'),
    link('https://datos.ministerio.gob.gt/dataset/presupuesto', 'Presupuesto'),
  ],
  forms: [
    form({
      role: 'search',
      fields: [
        {
          tag: 'input',
          type: 'search',
          name: 'q',
          id: 'q',
          placeholder: 'Buscar',
          autocomplete: '',
          label: '',
          required: false,
        },
      ],
      submitTexts: ['Buscar'],
    }),
  ],
  text: 'Bienvenidos al Ministerio. Artículo 10 de nuestra ley orgánica.',
});

const procedurePage = snapshot({
  url: `${base}/tramites/licencia-de-portacion`,
  title: 'Licencia de portación — Trámites',
  headings: [
    { level: 1, text: 'Licencia de portación' },
    { level: 2, text: 'Requisitos' },
    { level: 2, text: 'Horario de atención' },
  ],
  text: [
    'Licencia de portación',
    'Requisitos',
    'Documento Personal de Identificación (DPI) vigente',
    'Boleto de ornato del año en curso',
    'Constancia de carencia de antecedentes penales',
    'Horario de atención',
    'Lunes a viernes de 8:00 a 16:00',
  ].join('\n'),
  links: [link('https://www.gob.mx/sre', 'Cancillería de México')],
});

const catalogue = snapshot({
  url: `${base}/servicios`,
  title: 'Servicios',
  links: [
    link(`${base}/servicios/pasaporte/requisitos`, 'Ver requisitos', {
      context: 'Emisión de pasaporte — trámite presencial',
    }),
    link(`${base}/consulta`, 'Consulta el estado de tu trámite'),
    link(`${base}/datos/presupuesto-2026.csv`, 'Presupuesto 2026'),
  ],
  forms: [
    form({
      action: `${base}/consulta`,
      selector: '#consulta',
      fields: [
        {
          tag: 'input',
          type: 'text',
          name: 'numExpediente',
          id: 'exp',
          placeholder: '',
          autocomplete: '',
          label: 'Número de expediente',
          required: true,
        },
      ],
      submitTexts: ['Consultar'],
    }),
    form({
      action: `${base}/quejas/enviar`,
      selector: '#quejas',
      fields: [
        {
          tag: 'input',
          type: 'text',
          name: 'nombre',
          id: 'nombre',
          placeholder: '',
          autocomplete: 'name',
          label: 'Nombre',
          required: false,
        },
        {
          tag: 'textarea',
          type: 'textarea',
          name: 'queja',
          id: 'queja',
          placeholder: '',
          autocomplete: '',
          label: 'Describa su queja o sugerencia',
          required: true,
        },
      ],
      submitTexts: ['Enviar'],
    }),
  ],
});

const transparency = snapshot({
  url: `${base}/informacion-publica`,
  title: 'Información pública',
  text: 'Información pública de oficio conforme al Decreto 57-2008, Ley de Acceso a la Información Pública.',
  links: [link(`${base}/informacion-publica/articulo-10`, 'Artículo 10'), link(`${base}/uip`, 'UIP')],
});

const notFound = snapshot({
  url: `${base}/roto`,
  soft404: true,
  links: [link(`${base}/privacidad-falsa`, 'Aviso de privacidad')],
});

describe('recommendations collector', () => {
  it('finds each recommendation with the page and what matched, and nothing it should not', async () => {
    const evidence = await recommendationsCollector.collect(
      siteContext([home, procedurePage, catalogue, transparency, notFound]),
    );
    const byKind = (kind: string) =>
      evidence.findings.filter((f) => f.kind === kind).map((f) => [f.url, f.detail]);

    expect(byKind('privacy_policy')).toEqual([
      [`${base}/`, `enlace "Política de Privacidad" → ${base}/privacidad`],
    ]);
    // Only the scan's profile's portals (Guatemala by default): a link to Mexico's portal is not to the national one.
    expect(byKind('national_portal_link')).toEqual([
      [
        `${base}/`,
        'enlace "Portal del Gobierno de Guatemala" → https://www.gob.gt/ (Gobierno de Guatemala (gob.gt))',
      ],
    ]);
    expect(byKind('procedure_requirements')).toEqual([
      [procedurePage.url, '"Requisitos" seguido de 3 requisitos en "Licencia de portación — Trámites"'],
      [
        catalogue.url,
        `enlace "Ver requisitos" junto a "Emisión de pasaporte — trámite presencial" → ${base}/servicios/pasaporte/requisitos`,
      ],
    ]);
    expect(byKind('procedure_tracking')).toEqual([
      [catalogue.url, `enlace "Consulta el estado de tu trámite" → ${base}/consulta`],
      [catalogue.url, `formulario con campo "Número de expediente" → ${base}/consulta`],
    ]);
    expect(byKind('open_data')).toEqual([
      [
        `${base}/`,
        'enlace a portal de datos "Presupuesto" → https://datos.ministerio.gob.gt/dataset/presupuesto',
      ],
      [catalogue.url, `archivo .csv enlazado: ${base}/datos/presupuesto-2026.csv`],
    ]);
    expect(byKind('public_information')).toEqual([
      [`${base}/`, `enlace "Información Pública de Oficio" → ${base}/informacion-publica`],
      [transparency.url, 'título "Información pública"'],
      [transparency.url, `enlace "Artículo 10" → ${base}/informacion-publica/articulo-10`],
      [transparency.url, `enlace "UIP" → ${base}/uip`],
    ]);
    expect(byKind('feedback_channel')).toEqual([
      [`${base}/`, `enlace "Buzón de sugerencias" → ${base}/buzon`],
      [catalogue.url, `formulario de queja → ${base}/quejas/enviar (2 campos)`],
    ]);
    expect(byKind('open_formats')).toEqual([
      [`${base}/`, `documento .pdf: ${base}/docs/ley.pdf`],
      [`${base}/`, `documento .odt: ${base}/docs/formulario.odt`],
      [catalogue.url, `documento .csv: ${base}/datos/presupuesto-2026.csv`],
    ]);
    expect(evidence.documentFormats).toEqual({ csv: 1, docx: 1, odt: 1, pdf: 2 });
    // Findings are grouped by kind in a fixed order.
    const kinds = evidence.findings.map((f) => f.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it('reports nothing for a site without any of it', async () => {
    const bare = snapshot({
      url: `${base}/`,
      title: 'Inicio',
      text: 'Bienvenidos',
      links: [link(`${base}/noticias`, 'Noticias')],
    });
    expect(await recommendationsCollector.collect(siteContext([bare]))).toEqual({
      findings: [],
      documentFormats: {},
    });
  });

  it("reads the national portals and the law's phrases from the scan's country profile", async () => {
    const sv = 'https://www.ministerio.gob.sv';
    const page = snapshot({
      url: `${sv}/`,
      title: 'Ministerio de Ejemplo',
      links: [
        link('https://www.gob.sv/', 'Gobierno de El Salvador'),
        link('https://www.gob.gt/', 'Gobierno de Guatemala'),
        link(`${sv}/transparencia/informacion-oficiosa`, 'Información oficiosa'),
        link(`${sv}/transparencia/uip`, 'UIP'),
      ],
      text: 'Ley de Acceso a la Información Pública',
    });
    const found = async (profile: CountryProfile) =>
      (await recommendationsCollector.collect(siteContext([page], { extra: { profile } }))).findings
        .filter((f) => f.kind === 'national_portal_link' || f.kind === 'public_information')
        .map((f) => f.detail);
    expect(await found(BUILTIN_PROFILES['el-salvador'] as CountryProfile)).toEqual([
      'enlace "Gobierno de El Salvador" → https://www.gob.sv/ (Gobierno de El Salvador (gob.sv))',
      `enlace "Información oficiosa" → ${sv}/transparencia/informacion-oficiosa`,
      'texto "ley de acceso a la informacion publica"',
    ]);
    // Guatemala's portal and its law's "UIP" (Unidad de Información Pública), not El Salvador's "información oficiosa".
    expect(await found(BUILTIN_PROFILES.guatemala as CountryProfile)).toEqual([
      'enlace "Gobierno de Guatemala" → https://www.gob.gt/ (Gobierno de Guatemala (gob.gt))',
      'texto "ley de acceso a la informacion publica"',
      `enlace "UIP" → ${sv}/transparencia/uip`,
    ]);
  });

  it('does not count a national portal linking to itself', async () => {
    const portal = snapshot({
      url: 'https://www.gob.gt/',
      links: [link('https://www.gob.gt/tramites', 'Trámites')],
    });
    const evidence = await recommendationsCollector.collect(siteContext([portal]));
    expect(evidence.findings.filter((f) => f.kind === 'national_portal_link')).toEqual([]);
  });

  it('recognises an open-data portal by its generator', async () => {
    const ckan = snapshot({ url: 'https://datos.gob.gt/', meta: { generator: 'ckan 2.10.4' } });
    const evidence = await recommendationsCollector.collect(siteContext([ckan]));
    expect(evidence.findings).toEqual([
      {
        kind: 'open_data',
        url: 'https://datos.gob.gt/',
        detail: 'el sitio es un portal ckan (meta generator "ckan 2.10.4")',
      },
    ]);
  });
});

const order = [
  'privacy_policy',
  'national_portal_link',
  'procedure_requirements',
  'procedure_tracking',
  'open_data',
  'public_information',
  'feedback_channel',
  'open_formats',
];

describe('requirementItems', () => {
  it('counts list lines after a requirements line, or the items after its colon', () => {
    expect(requirementItems('Requisitos\nDPI vigente\nFotografía reciente\n\nOtra sección', [])).toEqual({
      heading: 'Requisitos',
      items: 2,
    });
    expect(requirementItems('Requisitos: DPI vigente, boleto de ornato; fotografía', [])).toEqual({
      heading: 'Requisitos: DPI vigente, boleto de ornato; fotografía',
      items: 3,
    });
    expect(requirementItems('Requisitos\nHorario', ['Horario'])).toEqual({ heading: 'Requisitos', items: 0 });
    expect(requirementItems('Los requisitos se publican pronto', [])).toBeNull();
  });
});
