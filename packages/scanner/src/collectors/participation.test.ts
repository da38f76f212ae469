import { describe, expect, it } from 'vitest';
import type { FormRead, PageRead } from './participation.js';
import {
  answerable,
  contactLike,
  findLeads,
  judgePage,
  participationCollector,
  readPurpose,
  withoutInstitution,
} from './participation.js';
import { fakeSite, field, form, link, snapshot } from './test-support/builders.js';

const home = 'https://www.segeplan.gob.gt/';
const target = { url: home, name: 'Secretaría de Participación Ciudadana', acronym: 'SEPAC' };

function formRead(extra: Partial<FormRead>): FormRead {
  return {
    selector: 'form',
    action: '',
    method: 'post',
    role: '',
    fields: [],
    legends: [],
    submitTexts: ['Enviar'],
    heading: '',
    around: '',
    ...extra,
  };
}
const input = (name: string, label: string, type = 'text', tag = 'input') => ({
  tag,
  type,
  name,
  label,
  placeholder: '',
});
const contactForm = formRead({
  selector: '#contacto',
  fields: [
    input('nombre', 'Nombre completo'),
    input('correo', 'Correo electrónico', 'email'),
    input('asunto', 'Asunto'),
    input('mensaje', 'Mensaje', 'textarea', 'textarea'),
  ],
});
function page(extra: Partial<PageRead> & { text?: string }): PageRead {
  const { text = '', ...rest } = extra;
  const base = snapshot(rest.url ?? home, { title: rest.title ?? '', text });
  return {
    url: home,
    status: 200,
    title: '',
    h1: '',
    facts: base,
    forms: [],
    frames: [],
    context: true,
    ...rest,
  };
}

describe('participation purposes', () => {
  it.each([
    ['Consulta pública del anteproyecto de Reglamento de Compras', 'consultation'],
    ['Envíe sus observaciones al proyecto de acuerdo', 'public-comment'],
    ['Presupuesto participativo 2027: vote por los proyectos de su barrio', 'participatory-budget'],
    ['Encuesta de satisfacción', 'survey'],
    ['Sondeo de opinión', 'poll'],
    ['Firme la petición ciudadana', 'petition'],
    ['Have your say on the draft transport plan', 'consultation'],
    ['Participación ciudadana', null],
    ['Gobierno Abierto', null],
    ['Envíenos su consulta', null],
    ['Consultar expediente', null],
  ])('%s → %s', (text, kind) => {
    expect(readPurpose(text)?.kind ?? null).toBe(kind);
  });

  it("removes the institution's own name and office names, not the words after them", () => {
    expect(withoutInstitution('Inicio | Secretaría de Participación Ciudadana', target)).not.toMatch(
      /Participacion/,
    );
    expect(withoutInstitution('La Dirección General de Consulta y Diálogo Social informa', target)).toBe(
      'La   informa',
    );
    expect(
      readPurpose(
        withoutInstitution(
          'La Unidad de Participación Ciudadana invita a la consulta pública del anteproyecto',
          target,
        ),
      )?.kind,
    ).toBe('consultation');
  });
});

describe('participation forms', () => {
  it('a contact form is answerable but generic; a question with choices is not a contact form', () => {
    expect(answerable(contactForm)).toBe(true);
    expect(contactLike(contactForm)).toBe(true);
    const question = formRead({
      fields: [input('prioridad', 'Sí', 'radio'), input('comentario', 'Comentarios', 'textarea', 'textarea')],
    });
    expect(contactLike(question)).toBe(false);
    expect(answerable(formRead({ fields: [input('q', 'Buscar', 'search')] }))).toBe(false);
  });

  it('trap: a contact form on a "Gobierno Abierto" / "Participación Ciudadana" page has no purpose', () => {
    const [candidate] = judgePage(
      page({
        title: 'Gobierno Abierto | SEPAC',
        h1: 'Participación Ciudadana',
        forms: [
          { ...contactForm, heading: 'Gobierno Abierto', around: 'Escríbanos su consulta o sugerencia.' },
        ],
      }),
      target,
      '"Gobierno Abierto" on /',
    );
    expect(candidate).toMatchObject({
      kind: 'contact-form',
      hasForm: true,
      fields: [
        'text nombre "Nombre completo"',
        'email correo "Correo electrónico"',
        'text asunto "Asunto"',
        'textarea mensaje "Mensaje"',
      ],
    });
    expect(candidate?.purpose).toBeUndefined();
    expect(candidate?.detail).toContain(
      'a generic contact form (who writes, subject, message): a channel, not participation',
    );
  });

  it('a contact-style form counts when its own words or its heading say what it is for; the page title alone is not enough for it', () => {
    const comment = {
      ...contactForm,
      fields: [
        ...contactForm.fields.slice(0, 2),
        input('obs', 'Observaciones al anteproyecto', 'textarea', 'textarea'),
      ],
    };
    expect(judgePage(page({ forms: [comment] }), target, 'p')[0]).toMatchObject({
      kind: 'public-comment',
      purpose: { where: 'form', words: ['observaciones al anteproyecto', 'anteproyecto'] },
    });
    expect(
      judgePage(
        page({ forms: [{ ...contactForm, heading: 'Consulta pública: Reglamento de Tránsito' }] }),
        target,
        'p',
      )[0],
    ).toMatchObject({
      kind: 'consultation',
      purpose: { where: 'form-heading' },
    });
    expect(
      judgePage(page({ h1: 'Encuestas', forms: [contactForm] }), target, 'p')[0]?.purpose,
    ).toBeUndefined();
  });

  it('a question form takes its purpose from the page title; "Próximamente" and closed consultations offer nothing', () => {
    const question = formRead({
      fields: [input('prioridad', 'Sí', 'radio')],
      legends: ['¿Está de acuerdo?'],
      submitTexts: ['Enviar mi opinión'],
    });
    const open = judgePage(
      page({ title: 'Consulta pública de la Política de Vivienda | INVISO', forms: [question] }),
      target,
      'p',
    )[0];
    expect(open).toMatchObject({ kind: 'consultation', hasForm: true, purpose: { where: 'page-heading' } });
    const soon = judgePage(
      page({ h1: 'Encuesta ciudadana', text: 'Encuesta ciudadana\nPróximamente', forms: [question] }),
      target,
      'p',
    )[0];
    expect(soon).toMatchObject({ hasForm: false, comingSoon: true });
    const closed = judgePage(
      page({ h1: 'Consulta pública', text: 'La consulta ha finalizado. Gracias.', forms: [question] }),
      target,
      'p',
    )[0];
    expect(closed).toMatchObject({ hasForm: false, closed: true });
  });

  it('an embedded Google Form counts by the heading above it, and the crawl-only fallback says what it could not read', () => {
    const embedded = judgePage(
      page({
        frames: [
          {
            src: 'https://docs.google.com/forms/d/e/1FAIpQLSd/viewform?embedded=true',
            heading: 'Encuesta sobre el servicio de agua',
            around: '',
          },
        ],
      }),
      target,
      'p',
    )[0];
    expect(embedded).toMatchObject({
      kind: 'survey',
      vendor: 'Google Forms',
      hasForm: true,
      purpose: { where: 'form-heading' },
    });
    const fallback = judgePage(
      page({ context: false, forms: [formRead({ fields: [input('x', 'Opción', 'radio')] })] }),
      target,
      'p',
    )[0];
    expect(fallback?.unread).toBe("the form's heading and surroundings could not be read");
  });
});

describe('participation leads', () => {
  it("trap: the institution's name is no lead; a link named by a purpose comes before 'Participa'", () => {
    const site = {
      target,
      isSameSite: (url: string) => url.startsWith(home),
      isOwn: (url: string) => url.startsWith(home),
      pages: [
        snapshot(home, {
          title: 'Inicio | Secretaría de Participación Ciudadana',
          headings: [{ level: 1, text: 'Secretaría de Participación Ciudadana' }],
          forms: [
            form({
              fields: [field('mensaje', { tag: 'textarea', type: 'textarea' })],
              submitTexts: ['Enviar'],
            }),
          ],
          links: [
            link(`${home}participa`, 'Participa'),
            link(`${home}consultas/anteproyecto`, 'Consulta pública: anteproyecto de ley'),
            link('https://forms.gle/AbC123', 'Responda la encuesta'),
            link('https://forms.gle/Voluntarios', 'Regístrese como voluntario'),
          ],
        }),
      ],
    };
    const { pages, external } = findLeads(site);
    expect(pages.map((l) => [l.url, l.specific])).toEqual([
      [`${home}consultas/anteproyecto`, true],
      [`${home}participa`, false],
    ]);
    expect(external.map((e) => e.url)).toEqual(['https://forms.gle/AbC123']);
  });
});

describe('participation collector (no live browser)', () => {
  it('reads an external form’s own title; a page that cannot be opened is recorded as such', async () => {
    const site = fakeSite({
      responses: {
        'https://forms.gle/AbC123': {
          contentType: 'text/html',
          body: '<html><title>Encuesta ciudadana sobre movilidad</title><form>…</form></html>',
        },
        'https://docs.google.com/forms/d/e/X/viewform': {
          contentType: 'text/html',
          body: '<html><title>Consulta pública</title><body>Este formulario ya no acepta respuestas</body></html>',
        },
      },
      pages: [
        snapshot(home, {
          links: [
            link('https://forms.gle/AbC123', 'Responda la encuesta'),
            link('https://docs.google.com/forms/d/e/X/viewform', 'Consulta pública sobre el reglamento'),
            link(`${home}participa/presupuesto`, 'Presupuesto participativo'),
          ],
        }),
      ],
    });
    const evidence = await participationCollector.collect(site);
    expect(
      evidence.candidates.map((c) => [
        c.url,
        c.kind,
        c.hasForm,
        c.purpose?.where ?? null,
        c.closed ?? false,
        !!c.unread,
      ]),
    ).toEqual([
      ['https://docs.google.com/forms/d/e/X/viewform', 'consultation', false, 'external-form', true, false],
      ['https://forms.gle/AbC123', 'survey', true, 'external-form', false, false],
      // The unit test's browser refuses to open pages: a failure, not unfinished work (no timeout), so not unread.
      [`${home}participa/presupuesto`, 'participatory-budget', false, null, false, false],
    ]);
  });
});
