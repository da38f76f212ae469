import { describe, expect, it } from 'vitest';
import { datesCollector } from './dates.js';
import { datesInText } from './recognize/dates-in-text.js';
import { fakeSite, link, snapshot } from './test-support/builders.js';

const home = 'https://www.minfin.gob.gt/';
const scannedAt = '2026-11-20T15:00:00.000Z';
const reference = new Date(scannedAt);

describe('dates in text (chrono-node es + en, strict)', () => {
  it.each([
    ['Publicado el 14 de noviembre de 2026', '2026-11-14'],
    ['lunes, 14 de noviembre de 2026', '2026-11-14'],
    ['Fecha: 14/11/2026', '2026-11-14'],
    ['Fecha: 14-11-2026', '2026-11-14'],
    ['05/06/2024', '2024-06-05'],
    ['nov. 14, 2026', '2026-11-14'],
    ['dic. 3, 2025', '2025-12-03'],
    ['noviembre 14 de 2026', '2026-11-14'],
    ['November 14, 2026', '2026-11-14'],
    ['Posted on Sept. 3, 2025', '2025-09-03'],
    ['2026-11-14', '2026-11-14'],
  ])('%s → %s', (text, date) => {
    expect(datesInText(text, reference).map((d) => d.date)).toEqual([date]);
  });

  it.each([
    ['© 2026'],
    ['Decreto 57-2008'],
    ['Tel. 2422-2222'],
    ['Horario de 8:00 a 16:00'],
    ['14 de noviembre'],
    ['31/02/2026'],
    ['hoy'],
  ])('reads no complete date in %s', (text) => {
    expect(datesInText(text, reference)).toEqual([]);
  });
});

describe('dates collector', () => {
  it('records dated news (Spanish and English), markup dates, permalinks and the sitemap, marking publication context', async () => {
    const site = fakeSite({
      scannedAt,
      responses: {
        'https://www.minfin.gob.gt/sitemap.xml': {
          contentType: 'application/xml',
          body: '<?xml version="1.0"?><urlset><url><loc>https://www.minfin.gob.gt/noticias/presupuesto</loc><lastmod>2026-11-02</lastmod></url><url><loc>https://www.minfin.gob.gt/</loc></url></urlset>',
        },
      },
      pages: [
        snapshot(home, {
          title: 'Ministerio de Finanzas Públicas',
          headers: { 'last-modified': 'Wed, 18 Nov 2026 08:00:00 GMT' },
          text: [
            'Inicio',
            'Noticias',
            'Minfin presenta el proyecto de presupuesto 2027',
            '14 de noviembre de 2026',
            'Informe de ejecución presupuestaria',
            'Publicado: 05/11/2026',
            'Horario de atención: lunes a viernes',
            '© 2026 Ministerio de Finanzas Públicas. Todos los derechos reservados. Actualizado 18/11/2026',
          ].join('\n'),
          dates: [
            { source: 'time-element', value: '2026-11-10T09:00:00-06:00', context: 'Taller de capacitación' },
          ],
          meta: { 'article:modified_time': '2026-11-12T10:00:00-06:00' },
          links: [link(`${home}noticias/2026/11/09/minfin-capacita`, 'Minfin capacita a municipalidades')],
        }),
        snapshot(`${home}en/news`, { title: 'News', text: 'Budget approved\nNovember 3, 2026' }),
      ],
    });
    const { items } = await datesCollector.collect(site);
    const pick = (source: string) =>
      items.filter((i) => i.source === source).map((i) => [i.date, i.publication]);
    expect(pick('visible-text')).toEqual([
      ['2026-11-14', true],
      ['2026-11-05', true],
      ['2026-11-03', true],
    ]);
    expect(items.find((i) => i.date === '2026-11-14')?.text).toBe('14 de noviembre de 2026');
    expect(pick('time-element')).toEqual([['2026-11-10', true]]);
    expect(pick('meta')).toEqual([['2026-11-12', true]]);
    expect(pick('http-header')).toEqual([['2026-11-18', false]]);
    expect(pick('url-path')).toEqual([['2026-11-09', true]]);
    expect(pick('sitemap-lastmod')).toEqual([['2026-11-02', true]]);
    // The copyright line's "Actualizado 18/11/2026" is not read as content.
    expect(items.some((i) => i.source === 'visible-text' && i.date === '2026-11-18')).toBe(false);
    expect(items.every((i) => !i.clientClock)).toBe(true);
    // Newest first.
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort().reverse());
  });

  it('trap: news dated only in 2014, a copyright year and a future event are recorded as what they are', async () => {
    const site = fakeSite({
      scannedAt,
      pages: [
        snapshot(home, {
          text: [
            'Noticias',
            'Inauguración de la sede departamental',
            'Publicado el 3 de marzo de 2014',
            'Comunicado de prensa — 21/01/2014',
            'Próximos eventos',
            'Foro de transparencia: 15 de enero de 2027',
            '© 2026 Todos los derechos reservados',
          ].join('\n'),
        }),
      ],
    });
    const { items } = await datesCollector.collect(site);
    expect(items.map((i) => i.date)).toEqual(['2027-01-15', '2014-03-03', '2014-01-21']);
    // The copyright year is no date at all; the future event keeps its (future) date for the rubric to drop.
    expect(items.some((i) => i.date.startsWith('2026'))).toBe(false);
  });

  it('a date of "today" triggers a clock re-render; without a browser it is logged, not invented', async () => {
    const site = fakeSite({
      scannedAt,
      pages: [
        snapshot(home, {
          text: 'Guatemala, 20 de noviembre de 2026',
          inlineScripts: ['document.getElementById("hoy").textContent = fecha(new Date());'],
        }),
      ],
    });
    const { items } = await datesCollector.collect(site);
    expect(items).toHaveLength(1);
    expect(items[0]?.clientClock).toBe(false);
    expect(site.logs.join('\n')).toMatch(/clock re-render of https:\/\/www\.minfin\.gob\.gt\/ failed/);
  });

  it('a page that runs no JavaScript cannot show the visitor\'s clock: its date of "today" is content, not re-rendered', async () => {
    const site = fakeSite({
      scannedAt,
      pages: [snapshot(home, { text: 'Guatemala, 20 de noviembre de 2026' })],
    });
    const { items } = await datesCollector.collect(site);
    expect(items.map((i) => [i.date, i.clientClock])).toEqual([['2026-11-20', false]]);
    expect(site.logs.join('\n')).not.toMatch(/clock re-render/);
  });

  it('trap: dates on dead pages never count — a dated link answering 404, a soft 404, a dead sitemap entry', async () => {
    const site = fakeSite({
      scannedAt,
      responses: {
        'https://www.minfin.gob.gt/sitemap.xml': {
          contentType: 'application/xml',
          body: '<?xml version="1.0"?><urlset><url><loc>https://www.minfin.gob.gt/noticias/retirada</loc><lastmod>2026-11-16</lastmod></url><url><loc>https://www.minfin.gob.gt/noticias/vigente</loc><lastmod>2026-11-15</lastmod></url></urlset>',
        },
      },
      pages: [
        snapshot(home, {
          title: 'Ministerio de Finanzas Públicas',
          text: 'Inicio',
          links: [
            link(`${home}noticias/2026/11/17/nota-borrada`, 'Nota que ya no existe'),
            link(`${home}noticias/2026/11/16/aviso`, 'Aviso que dice no encontrada'),
            link(`${home}noticias/2026/11/12/presupuesto`, 'Presupuesto 2027'),
          ],
        }),
      ],
      crawlPages: [
        { url: `${home}noticias/2026/11/17/nota-borrada`, status: 404 },
        { url: `${home}noticias/2026/11/16/aviso`, status: 200, soft404: true },
        { url: `${home}noticias/2026/11/12/presupuesto`, status: 200 },
        { url: `${home}noticias/retirada`, status: 410 },
      ],
    });
    const { items } = await datesCollector.collect(site);
    expect(items.filter((i) => i.source === 'url-path').map((i) => i.date)).toEqual(['2026-11-12']);
    expect(items.filter((i) => i.source === 'sitemap-lastmod').map((i) => i.url)).toEqual([
      `${home}noticias/vigente`,
    ]);
  });
});
