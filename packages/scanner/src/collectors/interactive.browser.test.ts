import { describe, expect, it } from 'vitest';
import { interactiveCollector } from './interactive.js';
import { liveSite, renderedSnapshot, useLiveFixture } from './test-support/harness.js';

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
  // A self-hosted chat no vendor list knows: a launcher, and a panel with a message log, a box and a send button.
  '/propio/': {
    body: page(
      'Ministerio de Salud',
      `<main><h1>Inicio</h1><p>Citas y vacunación.</p></main>
      <button type="button" id="abrir" style="position:fixed;right:16px;bottom:16px" onclick="document.getElementById('conversacion').hidden = false">¿Necesita ayuda?</button>
      <section id="conversacion" hidden style="position:fixed;right:16px;bottom:72px;width:320px" aria-label="Atención al usuario">
        <h2>Atención al usuario</h2>
        <div role="log" aria-live="polite"><p>Hola, ¿en qué le podemos ayudar?</p></div>
        <form onsubmit="event.preventDefault(); fetch('/propio/mensajes', { method: 'POST', body: this.m.value })">
          <textarea name="m" aria-label="Mensaje"></textarea><button type="submit">Enviar</button>
        </form>
      </section>`,
    ),
  },
  // A contact form in a modal opened by "Escríbenos": name, e-mail and message — a contact form, not a chat.
  '/modal/': {
    body: page(
      'Ministerio de Salud',
      `<main><h1>Inicio</h1><button type="button" onclick="document.getElementById('d').showModal()">Escríbenos</button></main>
      <dialog id="d"><form method="dialog"><h2>Contáctenos</h2><label>Nombre <input name="nombre"></label><label>Correo <input type="email" name="correo"></label><label>Mensaje <textarea name="mensaje"></textarea></label><button>Enviar</button></form></dialog>`,
    ),
  },
  // A forum whose second thread holds the reply form, and an archive whose threads can only be read.
  '/f1/': {
    body: page('Municipalidad', '<main><h1>Inicio</h1><p><a href="/f1/foro/">Foro ciudadano</a></p></main>'),
  },
  '/f1/foro/': {
    body: page(
      'Foro ciudadano',
      '<main><h1>Foro ciudadano</h1><ul><li><a href="/f1/foro/cortes-de-agua">Cortes de agua en la zona 5</a></li><li><a href="/f1/foro/recoleccion-de-basura">Horario de recolección de basura</a></li></ul></main>',
    ),
  },
  '/f1/foro/cortes-de-agua': {
    body: page(
      'Cortes de agua',
      '<main><h1>Cortes de agua en la zona 5</h1><p>Tema cerrado por el moderador.</p></main>',
    ),
  },
  '/f1/foro/recoleccion-de-basura': {
    body: page(
      'Recolección de basura',
      '<main><h1>Horario de recolección de basura</h1><article><p>¿Pasan los sábados?</p></article><form method="post" action="/f1/foro/responder"><label for="r">Su respuesta</label><textarea id="r" name="respuesta"></textarea><button type="submit">Publicar respuesta</button></form></main>',
    ),
  },
  '/f2/': { body: page('Municipalidad', '<main><h1>Inicio</h1><p><a href="/f2/foro/">Foro</a></p></main>') },
  '/f2/foro/': {
    body: page(
      'Foro (archivo)',
      '<main><h1>Foro</h1><p>Archivo de discusiones 2019–2021.</p><ul><li><a href="/f2/foro/tema/alumbrado">Alumbrado público</a></li><li><a href="/f2/foro/tema/mercado">Remodelación del mercado</a></li></ul></main>',
    ),
  },
  '/f2/foro/tema/alumbrado': {
    body: page(
      'Alumbrado público',
      '<main><h1>Alumbrado público</h1><p>Discusión archivada: solo lectura.</p></main>',
    ),
  },
  '/f2/foro/tema/mercado': {
    body: page(
      'Remodelación del mercado',
      '<main><h1>Remodelación del mercado</h1><p>Discusión archivada: solo lectura.</p></main>',
    ),
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

  it('a self-hosted chat counts by its interface: the launcher opens a panel with a message log, a box and a send control', async () => {
    const before = live.server.requests.length;
    const channels = await channelsAt('/propio/');
    expect(channels).toEqual([
      expect.objectContaining({ kind: 'chat', how: 'element', live: true, tiedToService: true }),
    ]);
    expect(channels[0]?.vendor).toBeUndefined();
    expect(channels[0]?.detail).toMatch(
      /^chat by its interface: the launcher "¿Necesita ayuda\?" opened section#conversacion .*with a message box \(textarea aria-label="Mensaje"\) and a send control \(button "Enviar"\): a message log/,
    );
    // Nothing was sent.
    expect(live.server.requests.slice(before).filter((r) => !r.startsWith('GET '))).toEqual([]);
  });

  it('trap: a contact form in a modal (name, e-mail, message) is not a chat', async () => {
    expect(await channelsAt('/modal/')).toEqual([]);
  });

  it('a forum counts once a thread holds the reply form', async () => {
    const channels = await channelsAt('/f1/');
    expect(channels).toEqual([
      expect.objectContaining({ kind: 'forum', how: 'link', live: true, tiedToService: true }),
    ]);
    expect(channels[0]?.detail).toMatch(
      /Recolección de basura \(.*\/f1\/foro\/recoleccion-de-basura\) has a reply form \(textarea "Su respuesta", button "Publicar respuesta"\)/,
    );
    expect(live.server.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('trap: a forum whose threads can only be read is not an interactive channel', async () => {
    const channels = await channelsAt('/f2/');
    expect(channels).toEqual([expect.objectContaining({ kind: 'forum', live: false })]);
    expect(channels[0]?.detail).toMatch(
      /no way to post \(opened: Alumbrado público: no reply form; Remodelación del mercado: no reply form\): read-only/,
    );
  });
});
