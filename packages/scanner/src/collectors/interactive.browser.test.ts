import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { interactiveCollector } from './interactive.js';
import type { PageSnapshot } from '../page-snapshot.js';
import { takeSnapshot } from '../snapshot/take-snapshot.js';
import { launchTestBrowser, liveSite, startServer } from './support/test-support/harness.js';
import type { TestServer } from './support/test-support/harness.js';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="es"><head><title>${title}</title></head><body>${body}</body></html>`;

let browser: Browser;
let context: BrowserContext;
let server: TestServer;

beforeAll(async () => {
  browser = await launchTestBrowser();
  context = await browser.newContext();
  server = await startServer({
    // A chatbot that only exists as a rendered custom element (no script URL in the snapshot).
    '/bot/': {
      body: page(
        'Ministerio de Salud',
        '<main><h1>Inicio</h1></main><df-messenger agent-id="x" chat-title="Asistente virtual"></df-messenger>',
      ),
    },
    // A launcher that is only a placeholder.
    '/soon/': {
      body: page(
        'Ministerio de Salud',
        '<main><h1>Inicio</h1></main><div id="chat-widget">Chat en línea: próximamente</div>',
      ),
    },
    '/word/': {
      body: page('Ministerio de Salud', '<main><h1>Chat</h1><p>Chat en línea de lunes a viernes.</p></main>'),
    },
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The crawl's snapshot of the rendered page (where rendered widgets are found), then the collector over it. */
async function channelsAt(path: string) {
  const home = `${server.origin}${path}`;
  const tab = await context.newPage();
  let rendered: PageSnapshot;
  try {
    rendered = await takeSnapshot(tab, await tab.goto(home), 0);
  } finally {
    await tab.close();
  }
  return (await interactiveCollector.collect(liveSite(context, { homeUrl: home, pages: [rendered] }))).channels;
}

describe('interactive collector in Chromium', () => {
  it('finds a chatbot rendered as an element', async () => {
    expect(await channelsAt('/bot/')).toEqual([
      expect.objectContaining({
        kind: 'chatbot',
        vendor: 'Dialogflow Messenger',
        how: 'element',
        live: true,
        tiedToService: true,
      }),
    ]);
  });

  it('trap: a chat launcher that says "próximamente" is not live', async () => {
    expect(await channelsAt('/soon/')).toEqual([
      expect.objectContaining({ kind: 'chat', how: 'element', live: false }),
    ]);
  });

  it('trap: the word "chat" with no widget records nothing', async () => {
    expect(await channelsAt('/word/')).toEqual([]);
  });
});
