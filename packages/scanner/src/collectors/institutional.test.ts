import { describe, expect, it } from 'vitest';
import { institutionalCollector } from './institutional.js';
import { fakeSite, link, snapshot } from './test-support/builders.js';

const home = 'https://www.mineduc.gob.gt/';

describe('institutional collector', () => {
  it('finds institutional pages from headings, titles, URLs and menu links (Spanish and English)', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          title: 'Ministerio de Educación',
          links: [
            link(`${home}institucion/organigrama`, 'Organigrama', { inNav: true }),
            link(`${home}marco-legal`, 'Marco Legal', { inNav: true }),
            link('https://www.facebook.com/mineduc', 'Misión'),
            link(
              `${home}noticias/1`,
              'El ministro presentó la misión y visión del nuevo plan educativo para todo el país en 2026',
            ),
          ],
        }),
        snapshot(`${home}institucion/mision-y-vision`, {
          title: 'Misión y Visión | MINEDUC',
          headings: [
            { level: 1, text: 'Misión y Visión' },
            { level: 2, text: 'Autoridades' },
          ],
        }),
        snapshot(`${home}en/about`, { title: 'About us', headings: [{ level: 1, text: 'Our history' }] }),
      ],
    });
    const evidence = await institutionalCollector.collect(site);
    const byUrl = Object.fromEntries(evidence.pages.map((p) => [p.url, p]));
    expect(byUrl[`${home}institucion/mision-y-vision`]?.topics).toEqual(['authorities', 'mission', 'vision']);
    expect(byUrl[`${home}institucion/mision-y-vision`]?.matched).toContain(
      'h1: "Misión y Visión" (mision y vision)',
    );
    expect(byUrl[`${home}institucion/organigrama`]?.topics).toEqual(['org_chart']);
    expect(byUrl[`${home}institucion/organigrama`]?.matched[0]).toMatch(
      /^enlace "Organigrama" en https:\/\/www\.mineduc\.gob\.gt\//,
    );
    expect(byUrl[`${home}marco-legal`]?.topics).toEqual(['legal_basis']);
    expect(byUrl[`${home}en/about`]?.topics).toEqual(['authorities', 'history']);
    // Off-site links and long news sentences do not name institutional pages.
    expect(Object.keys(byUrl)).not.toContain('https://www.facebook.com/mineduc');
    expect(Object.keys(byUrl)).not.toContain(`${home}noticias/1`);
  });

  it('trap: a site with only news has no institutional pages, and soft-404 pages do not count', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, { title: 'Inicio', headings: [{ level: 2, text: 'Últimas noticias' }] }),
        snapshot(`${home}organigrama`, { title: 'Organigrama', soft404: true }),
      ],
    });
    expect((await institutionalCollector.collect(site)).pages).toEqual([]);
  });
});
