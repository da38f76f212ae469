import { describe, expect, it } from 'vitest';
import { makeDocument } from '@egov-monitor/fixtures';
import { announcedType, downloadsCollector } from './downloads.js';
import { fakeSite, link, snapshot } from './test-support/builders.js';

const home = 'https://www.renap.gob.gt/';
const pdf = makeDocument({
  type: 'pdf',
  title: 'Solicitud de certificación de nacimiento',
  lines: [
    'Nombre del inscrito: ____________',
    'Fecha de nacimiento: ___/___/____',
    'DPI del solicitante: ________',
    'Firma: ________',
  ],
});
const memoria = makeDocument({
  type: 'pdf',
  title: 'Memoria de Labores 2025',
  lines: ['Presentación', 'Ejecución presupuestaria: 96.4 %'],
});
const docx = makeDocument({
  type: 'docx',
  title: 'Formulario de inscripción',
  lines: ['Nombres: ______', 'Apellidos: ______', 'Correo: ______'],
});
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);

describe('announced document type', () => {
  it.each([
    [link('https://x.gob.gt/docs/Formulario-DPI.PDF', 'Formulario'), 'pdf'],
    [link('https://x.gob.gt/download.php?file=solicitud.docx', 'Solicitud'), 'docx'],
    [link('https://x.gob.gt/descargar/15', 'Descargar (PDF, 120 KB)'), 'pdf'],
    [link('https://x.gob.gt/descargar/16', 'Formato Word', { label: 'Descargar formato Word' }), 'doc'],
    [link('https://x.gob.gt/archivo/17', 'Solicitud de licencia', { download: true }), ''],
    [link('https://x.gob.gt/tramites/pdf-informativo', 'Requisitos del trámite'), null],
    [link('https://x.gob.gt/imagen.jpg', 'Foto'), null],
  ])('%o → %s', (l, type) => {
    expect(announcedType(l)).toBe(type);
  });
});

describe('downloads collector', () => {
  it('confirms a real form next to a memoria de labores, keeping text and context for the rubric', async () => {
    const site = fakeSite({
      pages: [
        snapshot(`${home}formularios`, {
          title: 'Formularios y descargas',
          headings: [{ level: 1, text: 'Formularios' }],
          links: [
            link(
              `${home}docs/solicitud-certificacion-nacimiento.pdf`,
              'Solicitud de certificación de nacimiento',
              { context: 'Registro Civil — Solicitud de certificación de nacimiento (PDF)' },
            ),
            link(`${home}docs/memoria-de-labores-2025.pdf`, 'Memoria de Labores 2025', {
              context: 'Memoria de Labores 2025',
            }),
            link(`${home}docs/formulario-inscripcion.docx`, 'Formulario de inscripción (Word)'),
            link(`${home}docs/formato-antiguo.doc`, 'Formato de solicitud'),
          ],
        }),
      ],
      responses: {
        [`${home}docs/solicitud-certificacion-nacimiento.pdf`]: { contentType: 'application/pdf', body: pdf },
        [`${home}docs/memoria-de-labores-2025.pdf`]: { contentType: 'application/pdf', body: memoria },
        [`${home}docs/formulario-inscripcion.docx`]: { contentType: 'application/octet-stream', body: docx },
        [`${home}docs/formato-antiguo.doc`]: { contentType: 'application/msword', body: ole },
      },
    });
    const { candidates } = await downloadsCollector.collect(site);
    expect(candidates.map((c) => [c.href.slice(home.length), c.fileType, c.check.ok])).toEqual([
      ['docs/formato-antiguo.doc', 'doc', true],
      ['docs/formulario-inscripcion.docx', 'docx', true],
      ['docs/memoria-de-labores-2025.pdf', 'pdf', true],
      ['docs/solicitud-certificacion-nacimiento.pdf', 'pdf', true],
    ]);
    const report = candidates.find((c) => c.href.includes('memoria'));
    expect(report).toMatchObject({ linkText: 'Memoria de Labores 2025', pageUrl: `${home}formularios` });
    // Every document that downloaded was read: the form's blanks, the report's lack of them, the old .doc unread.
    expect(report?.document).toMatchObject({
      read: true,
      format: 'pdf',
      pages: 1,
      title: 'Memoria de Labores 2025',
      blanks: [],
    });
    expect(
      candidates.find((c) => c.href.includes('nacimiento'))?.document?.blanks.map((b) => b.label),
    ).toEqual(['Nombre del inscrito', 'Fecha de nacimiento', 'DPI del solicitante', 'Firma']);
    expect(candidates.find((c) => c.href.includes('inscripcion'))?.document).toMatchObject({
      read: true,
      format: 'docx',
    });
    expect(candidates[0]?.document).toMatchObject({
      read: false,
      problem: expect.stringContaining('not read'),
    });
    expect(candidates.find((c) => c.href.includes('nacimiento'))?.context).toMatch(/Registro Civil/);
    expect(candidates[0]?.check).toEqual({
      status: 200,
      contentType: 'application/msword',
      bytes: ole.length,
      ok: true,
    });
  });

  it('trap: a "formulario" that 404s, one that returns an HTML error page with 200, and an empty file are not downloads', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          title: 'Inicio',
          links: [
            link(`${home}formularios/solicitud-dpi.pdf`, 'Formulario de solicitud de DPI'),
            link(`${home}formularios/reposicion.pdf`, 'Formulario de reposición'),
            link(`${home}formularios/vacio.pdf`, 'Formulario vacío'),
            link(`${home}informes/estadisticas.pdf`, 'Estadísticas vitales 2025'),
          ],
        }),
      ],
      responses: {
        [`${home}formularios/reposicion.pdf`]: {
          contentType: 'text/html; charset=utf-8',
          body: '<!DOCTYPE html><html><head><title>Error</title></head><body>Página no encontrada</body></html>',
        },
        [`${home}formularios/vacio.pdf`]: { contentType: 'application/pdf', body: '' },
      },
    });
    const { candidates } = await downloadsCollector.collect(site);
    expect(candidates.map((c) => [c.href.slice(home.length), c.check.ok, c.check.problem])).toEqual([
      [
        'formularios/reposicion.pdf',
        false,
        'HTML page instead of a document (error page, soft 404 or login wall)',
      ],
      ['formularios/solicitud-dpi.pdf', false, 'HTTP 404'],
      ['formularios/vacio.pdf', false, 'empty body'],
    ]);
    // A report linked from a page that is not about forms is not a candidate at all.
    expect(site.fetched.some((f) => f.includes('estadisticas'))).toBe(false);
  });

  it('a document larger than the byte cap is not read (never judged "not a form")', async () => {
    const site = fakeSite({
      pages: [snapshot(home, { links: [link(`${home}formularios/grande.pdf`, 'Formulario grande')] })],
      responses: { [`${home}formularios/grande.pdf`]: { contentType: 'application/pdf', body: pdf } },
    });
    const { confirmDownload } = await import('./downloads.js');
    const small = await confirmDownload(site, `${home}formularios/grande.pdf`, 'pdf', 200);
    expect(small.check.ok).toBe(true);
    expect(small.document).toMatchObject({
      read: false,
      problem: 'larger than the 200-byte cap: not downloaded whole',
    });
  });

  it('confirms at most 15 documents per site', async () => {
    const links = Array.from({ length: 20 }, (_, i) =>
      link(`${home}formularios/f${i}.pdf`, `Formulario ${i}`),
    );
    const site = fakeSite({ pages: [snapshot(home, { links })] });
    expect((await downloadsCollector.collect(site)).candidates).toHaveLength(15);
    expect(site.fetched).toHaveLength(15);
  });
});
