import { describe, expect, it } from 'vitest';
import { searchCollector } from './search.js';
import { snapshot } from './test-support/builders.js';
import { liveSite, renderedSnapshot, useLiveFixture } from './test-support/harness.js';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="es"><head><title>${title}</title></head><body>${body}</body></html>`;
const searchForm = (action: string, extra = '') =>
  `<header><nav><a href="/">Inicio</a></nav><form role="search" action="${action}" ${extra}><label for="b">Buscar</label><input id="b" name="q" type="search" placeholder="Buscar en el sitio"><button type="submit">Buscar</button></form></header>`;
const content =
  '<main><h2>Licencias de conducir</h2><p>Renovación de licencias de conducir en todas las sedes.</p></main>';

const live = useLiveFixture({
  '/ok/': { body: page('Departamento de Tránsito', searchForm('/ok/buscar') + content) },
  '/ok/buscar': (url) => ({
    body: page(
      'Resultados',
      `${searchForm('/ok/buscar')}<main><h1>Resultados para ${url.searchParams.get('q')}</h1><ul><li><a href="/ok/tramites/licencias">Licencias de conducir tipo A, B y C</a></li><li><a href="/ok/noticias/12">Nuevas licencias de conducir</a></li></ul></main>`,
    ),
  }),
  '/broken/': { body: page('Departamento de Tránsito', searchForm('/broken/buscar') + content) },
  '/broken/buscar': {
    status: 500,
    body: page('Error', '<h1>Internal Server Error</h1><pre>Traceback (most recent call last)</pre>'),
  },
  '/dead/': {
    body: page('Departamento de Tránsito', searchForm('/dead/buscar', 'onsubmit="return false"') + content),
  },
  '/hidden/': {
    body: page(
      'Departamento de Tránsito',
      `<header><button type="button" aria-label="Abrir búsqueda" onclick="document.getElementById('caja').style.display='block'">🔍</button><div id="caja" style="display:none"><form action="/ok/buscar"><input name="s" placeholder="¿Qué está buscando?"></form></div></header>${content}`,
    ),
  },
  '/none/': { body: page('Departamento de Tránsito', content) },
  // A hosted-search-style widget: no form, it listens to the keys typed and injects an overlay of results.
  '/widget/': {
    body: page(
      'Departamento de Tránsito',
      `<header><div class="gcse-search"><input class="gsc-input" name="search" aria-label="Buscar en el sitio" autocomplete="off"></div></header>${content}
      <script>
        const box = document.querySelector('.gsc-input');
        let typed = '';
        box.addEventListener('keydown', (event) => {
          if (event.key.length === 1) typed += event.key;
          if (event.key === 'Backspace') typed = typed.slice(0, -1);
          if (event.key !== 'Enter') return;
          fetch('/widget/api?q=' + encodeURIComponent(typed)).then((r) => r.json()).then((hits) => {
            const overlay = document.createElement('div');
            overlay.className = 'gsc-results-wrapper-overlay';
            overlay.innerHTML = '<div class="gsc-results">' + hits.map((h) => '<div class="gsc-webResult"><a class="gs-title" href="' + h.url + '">' + h.title + '</a><div class="gs-snippet">' + h.snippet + '</div></div>').join('') + '</div>';
            document.body.appendChild(overlay);
          });
        });
      </script>`,
    ),
  },
  '/widget/api': (url) => ({
    contentType: 'application/json',
    // Only the keys really typed reach the widget: a value set by script would search for "".
    body: JSON.stringify(
      url.searchParams.get('q') === 'conducir'
        ? [
            {
              url: '/tramites/renovar',
              title: 'Renovación de licencia',
              snippet: 'Requisitos para conducir con licencia vigente',
            },
            {
              url: '/tramites/primera',
              title: 'Primera licencia de conducir',
              snippet: 'Examen teórico y práctico',
            },
          ]
        : [],
    ),
  }),
  // The results load in an iframe the page points at the search service.
  '/frame/': {
    body: page(
      'Departamento de Tránsito',
      `<header><form role="search" id="f"><input name="q" type="search" aria-label="Buscar"><button>Buscar</button></form></header>${content}<iframe id="resultados" title="Resultados" src="about:blank"></iframe>
      <script>document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); document.getElementById('resultados').src = '/ok/buscar?q=' + encodeURIComponent(e.target.q.value); });</script>`,
    ),
  },
  // The magnifier's handler is broken: the box stays hidden, whatever a visitor clicks.
  '/locked/': {
    body: page(
      'Departamento de Tránsito',
      `<header><button type="button" class="search-toggle" aria-label="Buscar" onclick="abrirBuscador()">🔍</button><div id="caja" hidden><form action="/ok/buscar"><input name="q" type="search" placeholder="Buscar"></form></div></header>${content}`,
    ),
  },
  // Finds only the second word: one query without results is not conclusive.
  '/retry/': { body: page('Departamento de Tránsito', searchForm('/retry/buscar') + content) },
  '/retry/buscar': (url) =>
    url.searchParams.get('q') === 'licencias'
      ? {
          body: page(
            'Resultados',
            `<main><p>Se encontraron 3 resultados</p><a href="/retry/licencias">Licencias</a></main>`,
          ),
        }
      : { body: page('Resultados', '<main><p>No se encontraron resultados para su búsqueda.</p></main>') },
});

/**
 * The site as the crawl leaves it: the home page's search box from a real snapshot of the rendered page, and a
 * fixed text (so the queries are known).
 */
async function siteAt(path: string) {
  const home = `${live.server.origin}${path}`;
  const rendered = await renderedSnapshot(live.context, home);
  const pages = [
    snapshot(home, {
      title: 'Departamento de Tránsito',
      headings: [{ level: 2, text: 'Licencias de conducir' }],
      text: 'Licencias de conducir\nRenovación de licencias de conducir en todas las sedes.',
      searchBox: rendered.searchBox,
    }),
  ];
  return liveSite(live.context, { homeUrl: home, pages });
}

describe('search collector in Chromium', () => {
  it('types a word of the site into its search box and counts the results', async () => {
    const evidence = await searchCollector.collect(await siteAt('/ok/'));
    expect(evidence).toMatchObject({
      found: true,
      selector: '#b',
      query: 'conducir',
      outcome: 'results',
      resultsIn: 'page',
      submittedWith: 'enter',
      resultCount: 2,
      firstResults: [
        { title: 'Licencias de conducir tipo A, B y C', url: `${live.server.origin}/ok/tramites/licencias` },
        { title: 'Nuevas licencias de conducir', url: `${live.server.origin}/ok/noticias/12` },
      ],
    });
    expect(evidence.resultUrl).toBe(`${live.server.origin}/ok/buscar?q=conducir`);
  });

  it('trap: a search whose result page is a server error', async () => {
    const evidence = await searchCollector.collect(await siteAt('/broken/'));
    expect(evidence).toMatchObject({
      found: true,
      outcome: 'error',
      resultUrl: `${live.server.origin}/broken/buscar?q=conducir`,
    });
    expect(evidence.detail).toMatch(/HTTP 500/);
  });

  it('trap: a search box that does nothing is same-page', async () => {
    expect(await searchCollector.collect(await siteAt('/dead/'))).toMatchObject({
      found: true,
      outcome: 'same-page',
    });
  });

  it('opens a collapsed search box with its toggle before typing', async () => {
    const evidence = await searchCollector.collect(await siteAt('/hidden/'));
    expect(evidence).toMatchObject({
      found: true,
      outcome: 'results',
      resultsIn: 'page',
      selector: 'input[name="s"]',
    });
    expect(evidence.detail).toContain('(opened with "Abrir búsqueda")');
  });

  it('tries a second word before calling a search empty', async () => {
    const evidence = await searchCollector.collect(await siteAt('/retry/'));
    expect(evidence).toMatchObject({ found: true, query: 'licencias', outcome: 'results', resultCount: 3 });
    expect(evidence.detail).toMatch(/before: "conducir": .*no se encontraron resultados/);
  });

  it('a third-party-style widget: types real keys and reads the results it injects in an overlay', async () => {
    const evidence = await searchCollector.collect(await siteAt('/widget/'));
    expect(evidence).toMatchObject({
      found: true,
      query: 'conducir',
      outcome: 'results',
      resultsIn: 'in-page',
      resultCount: 2,
      submittedWith: 'enter',
      widget: 'Google Programmable Search (CSE)',
      firstResults: [
        { title: 'Renovación de licencia', url: `${live.server.origin}/tramites/renovar` },
        { title: 'Primera licencia de conducir', url: `${live.server.origin}/tramites/primera` },
      ],
    });
    expect(evidence.detail).toMatch(/results appeared in the page \(div\.gsc-results-wrapper-overlay\)/);
  });

  it('reads results that load in a frame', async () => {
    const evidence = await searchCollector.collect(await siteAt('/frame/'));
    expect(evidence).toMatchObject({
      found: true,
      outcome: 'results',
      resultsIn: 'frame',
      resultUrl: `${live.server.origin}/ok/buscar?q=conducir`,
      resultCount: 2,
    });
  });

  it('trap: a box behind a toggle that does not open is not operable (inconclusive), never "no search box"', async () => {
    const evidence = await searchCollector.collect(await siteAt('/locked/'));
    expect(evidence).toMatchObject({ found: true, outcome: 'not-operable' });
    expect(evidence.detail).toMatch(/is hidden and stays hidden after clicking "Buscar"/);
  });

  it('trap: a site without a search box, known from the crawl without loading the page again', async () => {
    const site = await siteAt('/none/');
    const loads = live.server.requests.filter((request) => request === 'GET /none/').length;
    expect(await searchCollector.collect(site)).toMatchObject({
      found: false,
      outcome: 'no-search-box',
      detail: expect.stringMatching(/^no search box on the 1 analysed page/),
    });
    expect(live.server.requests.filter((request) => request === 'GET /none/')).toHaveLength(loads);
  });

  it('the crawl finds a collapsed search box, and the one in a form, as the collector does', async () => {
    expect((await siteAt('/hidden/')).pages[0]?.searchBox).toEqual({
      selector: 'input[name="s"]',
      visible: false,
      button: null,
      description: 'input name="s" type="text" placeholder="¿Qué está buscando?"',
    });
    expect((await siteAt('/ok/')).pages[0]?.searchBox).toMatchObject({ selector: '#b', visible: true });
  });
});
