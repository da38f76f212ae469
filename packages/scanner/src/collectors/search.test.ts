import { describe, expect, it } from 'vitest';
import { chooseQueries, chooseQuery, judgeInPageResults, judgeResultPage } from './search.js';
import { link, snapshot } from './test-support/builders.js';

const home = 'https://www.mspas.gob.gt/';

function after(text: string, links = [link(`${home}x`, 'x')], title = 'Resultados') {
  return {
    url: `${home}buscar?q=vacunación`,
    title,
    text,
    headings: [],
    links,
    forms: [],
    scripts: [],
    inlineScripts: [],
    iframes: [],
  };
}
const before = { url: home, text: 'Inicio' };

describe('search query choice', () => {
  it('picks a frequent meaningful word of the site, as the site writes it', () => {
    const pages = [
      snapshot(home, {
        title: 'Ministerio de Salud Pública',
        headings: [{ level: 2, text: 'Jornada de vacunación' }],
        text: 'Jornada de vacunación en Guatemala. Para más información visite nuestros centros de salud.',
      }),
      snapshot(`${home}vacunacion`, {
        title: 'Vacunación',
        text: 'Esquema de vacunación para niños y adultos mayores.',
      }),
      snapshot(`${home}contacto`, {
        title: 'Contacto',
        text: 'Dirección de vacunación: 6a avenida. Información: 1517.',
      }),
    ];
    expect(chooseQuery(pages)).toBe('vacunación');
  });

  it('prefers content words over the template words every page repeats (menu, footer)', () => {
    const footer = '\nInstituciones del Estado · Transparencia · Dirección: 6a avenida';
    const pages = [
      snapshot(home, { title: 'Inicio', text: `Bienvenidos${footer}` }),
      snapshot(`${home}dengue`, {
        title: 'Prevención del dengue',
        headings: [{ level: 1, text: 'Prevención del dengue' }],
        text: `Prevención del dengue en temporada de lluvia${footer}`,
      }),
      snapshot(`${home}vacunas`, {
        title: 'Vacunación',
        headings: [{ level: 1, text: 'Jornada de vacunación' }],
        text: `Jornada de vacunación contra el dengue${footer}`,
      }),
      snapshot(`${home}contacto`, { title: 'Contacto', text: `Teléfono 1517${footer}` }),
    ];
    expect(chooseQueries(pages, 2)).toEqual(['dengue', 'jornada']);
  });

  it('never picks a stopword or navigation chrome', () => {
    const pages = [
      snapshot(home, {
        title: 'Inicio | Página principal',
        text: 'Inicio Noticias Contacto Buscar Facebook Twitter sobre entre desde',
      }),
    ];
    expect(chooseQuery(pages)).toBeNull();
  });
});

describe('search result page judgement', () => {
  it('results: links that contain the query', () => {
    const links = [
      link(`${home}noticias/jornada-vacunacion`, 'Jornada de vacunación'),
      link(`${home}vacunacion`, 'Vacunación'),
      link(`${home}`, 'Inicio', { inNav: true }),
    ];
    expect(
      judgeResultPage({
        query: 'vacunación',
        before,
        after: after('Jornada de vacunación\nVacunación', links),
        status: 200,
        changed: true,
      }),
    ).toMatchObject({ outcome: 'results', resultCount: 2 });
  });

  it('results: a stated count ("Se encontraron 23 resultados")', () => {
    expect(
      judgeResultPage({
        query: 'vacunación',
        before,
        after: after('Se encontraron 23 resultados para vacunación'),
        status: 200,
        changed: true,
      }),
    ).toMatchObject({
      outcome: 'results',
      resultCount: 23,
    });
  });

  it.each([
    ['No se encontraron resultados para su búsqueda.', 200, 'no-results'],
    ['0 results', 200, 'no-results'],
    ['Fatal error: Uncaught PDOException: SQLSTATE[HY000] in /var/www/buscar.php', 200, 'error'],
    ['Internal Server Error', 500, 'error'],
    ['Página no encontrada', 200, 'not-found'],
    ['Not Found', 404, 'not-found'],
    ['Resultados de búsqueda', 200, 'no-results'],
  ] as const)('trap: %s (HTTP %i) → %s', (text, status, outcome) => {
    expect(
      judgeResultPage({ query: 'vacunación', before, after: after(text, []), status, changed: true }).outcome,
    ).toBe(outcome);
  });

  it('trap: a page that did not change is same-page, even if it has links with the query', () => {
    const links = [link(`${home}vacunacion`, 'Vacunación')];
    expect(
      judgeResultPage({
        query: 'vacunación',
        before,
        after: after('Vacunación', links),
        status: null,
        changed: false,
      }).outcome,
    ).toBe('same-page');
  });
});

describe('results injected in the page (widgets, overlays)', () => {
  const region = (text: string, links: { href: string; text: string; context: string }[] = []) => ({
    text,
    links,
    where: 'div.resultados',
  });

  it('results: links whose title or snippet names the query, in the order listed', () => {
    const judged = judgeInPageResults({
      query: 'vacunación',
      region: region('Jornada de vacunación …', [
        {
          href: `${home}noticias/jornada`,
          text: 'Jornada nacional',
          context: 'Jornada nacional — la vacunación llega a 22 departamentos',
        },
        { href: `${home}vacunas`, text: 'Vacunación infantil', context: 'Vacunación infantil' },
        {
          href: `${home}buscar?q=vacunaci%C3%B3n&page=2`,
          text: 'Siguiente',
          context: 'vacunación — página 2',
        },
      ]),
    });
    expect(judged).toMatchObject({
      outcome: 'results',
      resultCount: 2,
      results: [
        { title: 'Jornada nacional', url: `${home}noticias/jornada` },
        { title: 'Vacunación infantil', url: `${home}vacunas` },
      ],
    });
    expect(judged.detail).toContain('(div.resultados)');
  });

  it.each([
    ['No se encontraron resultados para "vacunación"', 'no-results'],
    ['Se encontraron 0 resultados', 'no-results'],
    ['Cargando…', 'no-results'],
  ] as const)('trap: "%s" → %s', (text, outcome) => {
    expect(judgeInPageResults({ query: 'vacunación', region: region(text) }).outcome).toBe(outcome);
  });

  it('trap: new links that do not name the query are not results (a carousel moved)', () => {
    const judged = judgeInPageResults({
      query: 'vacunación',
      region: region('Ministro inaugura hospital', [
        {
          href: `${home}noticias/hospital`,
          text: 'Ministro inaugura hospital',
          context: 'Ministro inaugura hospital',
        },
      ]),
    });
    expect(judged.outcome).toBe('no-results');
  });
});
