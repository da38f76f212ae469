import { describe, expect, it } from 'vitest';
import { detectLanguage, usabilityCollector } from './usability.js';
import { siteContext, snapshot } from './test-support/snapshot.js';

const SPANISH = `Inicio Noticias Contacto
El Ministerio de Gobernación es la institución encargada de formular las políticas públicas de seguridad.
Para realizar un trámite en línea, ingrese con su usuario y complete el formulario con sus datos personales.
Las oficinas atienden de lunes a viernes en horario de ocho a cuatro de la tarde en todo el país.`;
const ENGLISH = `Home News Contact
The Ministry of the Interior is responsible for formulating public security policies across the country.
To complete an application online, sign in with your account and fill in the form with your personal details.
Offices are open Monday to Friday from eight in the morning to four in the afternoon nationwide.`;

describe('detectLanguage', () => {
  it('recognises Spanish and English prose', () => {
    expect(detectLanguage(SPANISH)).toBe('es');
    expect(detectLanguage(ENGLISH)).toBe('en');
  });

  it('says null for text too short to judge, such as a bare menu', () => {
    expect(detectLanguage('Inicio Trámites Servicios Contacto Noticias')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('usability collector', () => {
  it('reports each page and a correct 404 for a missing path', async () => {
    const pages = [
      snapshot({
        url: 'https://ministerio.gob.gt/',
        viewport: 'width=device-width, initial-scale=1',
        lang: 'es-GT',
        title: ' Ministerio de Ejemplo ',
        metaDescription: 'Trámites y servicios',
        text: SPANISH,
        layout: { smallTextRatio: 0.12, smallTapTargets: 7, horizontalOverflow: false },
        transferBytes: 1_843_200,
      }),
      snapshot({ url: 'https://ministerio.gob.gt/en', text: ENGLISH }),
    ];
    const site = siteContext(pages);
    const evidence = await usabilityCollector.collect(site);
    expect(evidence.pages).toEqual([
      {
        url: 'https://ministerio.gob.gt/',
        viewport: 'width=device-width, initial-scale=1',
        lang: 'es-GT',
        contentLang: 'es',
        title: 'Ministerio de Ejemplo',
        description: 'Trámites y servicios',
        smallTextRatio: 0.12,
        smallTapTargets: 7,
        pageBytes: 1_843_200,
      },
      {
        url: 'https://ministerio.gob.gt/en',
        viewport: null,
        lang: null,
        contentLang: 'en',
        title: '',
        description: null,
        smallTextRatio: 0,
        smallTapTargets: 0,
        pageBytes: 0,
      },
    ]);
    expect(evidence.notFoundProbe.url).toMatch(
      /^https:\/\/ministerio\.gob\.gt\/egov-monitor-[0-9a-f]{12}-no-existe$/,
    );
    expect(evidence.notFoundProbe.status).toBe(404);
    expect(evidence.notFoundProbe.soft404).toBe(false);
  });

  it('flags a soft 404: the missing path answers 200 with a page', async () => {
    const home = snapshot({ url: 'https://blando.gob.gt/' });
    const probeUrl = (await usabilityCollector.collect(siteContext([home]))).notFoundProbe.url;
    const site = siteContext([home], {
      fetch: {
        [probeUrl]: {
          status: 200,
          contentType: 'text/html; charset=utf-8',
          head: Buffer.from('<!doctype html><title>Inicio</title>'),
        },
      },
    });
    expect((await usabilityCollector.collect(site)).notFoundProbe).toEqual({
      url: probeUrl,
      status: 200,
      soft404: true,
    });
  });

  it("reuses the crawl's own not-found probe instead of requesting another", async () => {
    const fromCrawl = { url: 'https://blando.gob.gt/x-no-existe', status: 200, soft404: true };
    const site = siteContext([snapshot({ url: 'https://blando.gob.gt/' })], {
      extra: { notFoundProbe: fromCrawl },
    });
    let fetched = 0;
    const fetch = site.fetch.bind(site);
    site.fetch = (url, options) => {
      fetched += 1;
      return fetch(url, options);
    };
    expect((await usabilityCollector.collect(site)).notFoundProbe).toEqual(fromCrawl);
    expect(fetched).toBe(0);
  });

  it('uses a probe path that is stable for one scan and changes between scans', async () => {
    const home = snapshot({ url: 'https://blando.gob.gt/' });
    const a = await usabilityCollector.collect(siteContext([home]));
    const b = await usabilityCollector.collect(siteContext([home]));
    const c = await usabilityCollector.collect(
      siteContext([home], { extra: { scannedAt: '2026-12-01T00:00:00.000Z' } }),
    );
    expect(a.notFoundProbe.url).toBe(b.notFoundProbe.url);
    expect(c.notFoundProbe.url).not.toBe(a.notFoundProbe.url);
  });
});
