import { describe, expect, it } from 'vitest';
import { datesCollector } from './dates.js';
import { readPage } from './live/live.js';
import { snapshot } from './test-support/builders.js';
import { liveSite, useLiveFixture } from './test-support/harness.js';

const homeHtml = `<!doctype html><html lang="es"><head><title>Secretaría de Comunicación Social</title></head><body>
<header><p>Guatemala, <span id="hoy"></span></p></header>
<main><h2>Noticias</h2><article><h3>Presidente inaugura hospital</h3><p>Publicado el 2 de octubre de 2026</p></article></main>
<script>
  document.getElementById('hoy').textContent = new Date().toLocaleDateString('es-GT', { day: 'numeric', month: 'long', year: 'numeric' });
</script></body></html>`;

const live = useLiveFixture({ '/': { body: homeHtml } });

describe('dates collector in Chromium', () => {
  it('marks the date JavaScript writes from the visitor clock, and only that one', async () => {
    const home = `${live.server.origin}/`;
    // The crawl's view: the page rendered with the real clock.
    const page = await live.context.newPage();
    await page.goto(home);
    const facts = await readPage(page);
    await page.close();
    // Another page with the same template line, not re-rendered: the clock date there is marked too.
    const other = snapshot(`${live.server.origin}/institucion`, {
      title: 'Institución',
      text: facts.text.split('\n')[0] ?? '',
    });
    const site = liveSite(live.context, {
      homeUrl: home,
      pages: [
        snapshot(home, {
          title: facts.title,
          text: facts.text,
          scripts: facts.scripts,
          inlineScripts: facts.inlineScripts,
        }),
        other,
      ],
    });

    const { items } = await datesCollector.collect(site);
    const today = new Date(site.scannedAt).toISOString().slice(0, 10);
    const written = items.filter((i) => i.source === 'visible-text' && i.url === home);
    expect(items.filter((i) => i.url === other.url).map((i) => i.clientClock)).toEqual([true]);
    expect(written).toHaveLength(2);
    const clockDate = written.find((i) => i.clientClock);
    expect(clockDate).toBeDefined();
    // The JS date is the browser's local "today" (± a day for time zones).
    expect(Math.abs(Date.parse(clockDate!.date) - Date.parse(today))).toBeLessThanOrEqual(86_400_000);
    expect(written.find((i) => i.date === '2026-10-02')).toMatchObject({
      clientClock: false,
      publication: true,
    });
  });
});
