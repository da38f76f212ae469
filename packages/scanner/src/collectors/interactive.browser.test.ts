import { describe, expect, it } from 'vitest';
import { interactiveCollector } from './interactive.js';
import { liveSite, renderedSnapshot, useLiveFixture } from './support/test-support/harness.js';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="es"><head><title>${title}</title></head><body>${body}</body></html>`;

const live = useLiveFixture({
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

/** The crawl's snapshot of the rendered page (where rendered widgets are found), then the collector over it. */
async function channelsAt(path: string) {
  const home = `${live.server.origin}${path}`;
  const rendered = await renderedSnapshot(live.context, home);
  return (await interactiveCollector.collect(liveSite(live.context, { homeUrl: home, pages: [rendered] })))
    .channels;
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
