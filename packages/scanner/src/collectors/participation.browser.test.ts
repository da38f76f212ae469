import { describe, expect, it } from 'vitest';
import { participationCollector } from './participation.js';
import { liveSite, renderedSnapshot, useLiveFixture } from './test-support/harness.js';

const layout = (title: string, body: string) =>
  `<!doctype html><html lang="es"><head><title>${title} | Secretaría de Participación Ciudadana</title></head><body>
  <header><p>Secretaría de Participación Ciudadana</p><nav><a href="/">Inicio</a> <a href="/participa">Participa</a> <a href="/">Gobierno Abierto</a></nav></header>
  <main>${body}</main></body></html>`;

const live = useLiveFixture({
  '/': {
    body: layout(
      'Inicio',
      `<h1>Secretaría de Participación Ciudadana</h1><p>Bienvenido.</p>
      <section><h2>Contáctenos</h2><form id="contacto" method="post" action="/contacto">
        <label for="n">Nombre</label><input id="n" name="nombre">
        <label for="c">Correo electrónico</label><input id="c" name="correo" type="email">
        <label for="a">Asunto</label><input id="a" name="asunto">
        <label for="m">Mensaje</label><textarea id="m" name="mensaje"></textarea>
        <button type="submit">Enviar</button></form></section>`,
    ),
  },
  '/participa': {
    body: layout(
      'Participa',
      `<h1>Participa</h1><ul>
        <li><a href="/consultas/reglamento-de-mercados">Consulta pública: anteproyecto de Reglamento de Mercados</a></li>
        <li><a href="/encuesta">Encuesta ciudadana</a></li></ul>`,
    ),
  },
  '/consultas/reglamento-de-mercados': {
    body: layout(
      'Reglamento de Mercados',
      `<h1>Reglamento de Mercados Municipales</h1><p>Lea el texto del anteproyecto.</p>
      <section><h2>Envíe sus observaciones al anteproyecto</h2><p>Plazo abierto por 30 días.</p>
      <form id="observaciones" method="post" action="/consultas/reglamento-de-mercados">
        <label for="n">Nombre</label><input id="n" name="nombre">
        <label for="c">Correo</label><input id="c" name="correo" type="email">
        <label for="o">Sus observaciones</label><textarea id="o" name="observaciones"></textarea>
        <button type="submit">Enviar</button></form></section>`,
    ),
  },
  '/encuesta': { body: layout('Encuesta ciudadana', '<h1>Encuesta ciudadana</h1><p>Próximamente.</p>') },
});

describe('participation collector in Chromium', () => {
  it('reads each lead live: a consultation form under its heading counts; the home contact form behind "Gobierno Abierto" and the institution’s name do not', async () => {
    const home = `${live.server.origin}/`;
    const pages = [
      await renderedSnapshot(live.context, home),
      await renderedSnapshot(live.context, `${home}participa`),
    ];
    const { candidates } = await participationCollector.collect(
      liveSite(live.context, { homeUrl: home, pages }),
    );
    const consultation = candidates.find((c) => c.url.endsWith('/consultas/reglamento-de-mercados'));
    expect(consultation).toMatchObject({
      kind: 'public-comment',
      hasForm: true,
      comingSoon: false,
      purpose: { words: ['observaciones al anteproyecto', 'anteproyecto'], where: 'form-heading' },
      fields: ['text nombre "Nombre"', 'email correo "Correo"', 'textarea observaciones "Sus observaciones"'],
    });
    const contact = candidates.find((c) => c.url === home);
    expect(contact).toMatchObject({ kind: 'contact-form', hasForm: true });
    expect(contact?.purpose).toBeUndefined();
    expect(contact?.detail).toContain('a generic contact form');
    // A survey link is read too: it only says "Próximamente".
    expect(candidates.find((c) => c.url.endsWith('/encuesta'))).toMatchObject({
      kind: 'survey',
      hasForm: false,
      comingSoon: true,
    });
    // The "Participa" menu page lists links but has nothing to answer: it is followed through, not judged.
    expect(candidates.some((c) => c.url.endsWith('/participa'))).toBe(false);
  });
});
