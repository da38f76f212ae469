import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsCollector } from './accounts.js';
import { link, snapshot } from './test-support/builders.js';
import type { TestServer } from './test-support/harness.js';
import { liveSite, startServer, useLiveFixture } from './test-support/harness.js';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="es"><head><title>${title}</title></head><body>${body}</body></html>`;

const live = useLiveFixture({
  '/registro': {
    body: page(
      'Crear cuenta — RENAP en línea',
      `<h1>Crear cuenta</h1><form id="registro" method="post" action="/registro">
          <label for="cui">CUI</label><input id="cui" name="cui">
          <label for="correo">Correo electrónico</label><input id="correo" name="correo" type="email">
          <label for="pw">Contraseña</label><input id="pw" name="password" type="password">
          <label for="pw2">Confirmar contraseña</label><input id="pw2" name="password2" type="password">
          <button type="submit">Crear cuenta</button></form>`,
    ),
  },
  '/mi-cuenta': {
    body: page('Página no encontrada', '<h1>Error 404</h1><p>La página que busca no existe.</p>'),
  },
  '/portal-usuario': { body: page('Portal del usuario', '<h1>Portal del usuario</h1><p>Próximamente</p>') },
  '/ingresar': { status: 404, body: page('Not found', '<h1>Not found</h1>') },
  // "Acceso" leads to a request for public information: a name, a DPI and an e-mail, but no account.
  '/solicitud-de-informacion': {
    body: page(
      'Solicitud de información pública',
      `<h1>Solicitud de información pública</h1><form id="sip" method="post" action="/solicitud-de-informacion">
          <label for="n">Nombre completo</label><input id="n" name="nombre">
          <label for="d">DPI</label><input id="d" name="dpi">
          <label for="c">Correo electrónico</label><input id="c" name="correo" type="email">
          <label for="m">Información solicitada</label><textarea id="m" name="solicitud"></textarea>
          <button type="submit">Enviar solicitud</button></form>`,
    ),
  },
  // The site starts an OpenID Connect sign-in with a provider (another host), which asks for the citizen's DPI.
  '/auth/identidad-digital': () => ({
    status: 302,
    headers: {
      location: `${idp.origin.replace('127.0.0.1', 'localhost')}/authorize?client_id=renap-en-linea&response_type=code&scope=openid%20profile&redirect_uri=${encodeURIComponent(`${live.server.origin}/auth/callback`)}`,
    },
    body: '',
  }),
});

let idp: TestServer;
beforeAll(async () => {
  idp = await startServer({
    '/authorize': {
      body: page(
        'Identidad Digital — Iniciar sesión',
        `<h1>Iniciar sesión</h1><form method="post" action="/login"><label for="u">DPI o correo</label><input id="u" name="usuario"><button type="submit">Continuar</button></form>`,
      ),
    },
    '/voluntariado': {
      body: page(
        'Registro de voluntarios',
        `<h1>Regístrese</h1><form method="post" action="/voluntariado"><label for="n">Correo electrónico</label><input id="n" name="correo" type="email"><label for="p">Contraseña</label><input id="p" name="clave" type="password"><button>Registrarme</button></form>`,
      ),
    },
  });
});
afterAll(async () => {
  await idp.close();
});

describe('accounts collector in Chromium', () => {
  it('follows each account link and tells a real registration form from a soft 404, a placeholder and a 404', async () => {
    const home = `${live.server.origin}/`;
    const pages = [
      snapshot(home, {
        links: [
          link(`${home}registro`, 'Crear una cuenta'),
          link(`${home}mi-cuenta`, 'Mi cuenta', { inNav: true }),
          link(`${home}portal-usuario`, 'Portal del usuario'),
          link(`${home}ingresar`, 'Ingresar'),
        ],
      }),
    ];
    const { candidates } = await accountsCollector.collect(liveSite(live.context, { homeUrl: home, pages }));
    const byPath = Object.fromEntries(candidates.map((c) => [c.url.replace(home, ''), c]));
    expect(byPath['registro']).toMatchObject({
      kind: 'register',
      status: 200,
      hasPasswordField: true,
      hasAccountForm: true,
      soft404: false,
      comingSoon: false,
    });
    expect(byPath['mi-cuenta']).toMatchObject({
      kind: 'login',
      status: 200,
      soft404: true,
      hasAccountForm: false,
    });
    expect(byPath['portal-usuario']).toMatchObject({
      kind: 'login',
      status: 200,
      comingSoon: true,
      hasAccountForm: false,
    });
    expect(byPath['ingresar']).toMatchObject({ kind: 'login', status: 404, hasAccountForm: false });
    expect(byPath['registro']?.detail).toMatch(
      /account form #registro \(text cui "CUI", email correo "Correo electrónico", password password/,
    );
    expect(byPath['registro']).toMatchObject({
      ownService: true,
      fields: expect.arrayContaining([{ type: 'password', name: 'password', label: 'Contraseña' }]),
    });
  });

  it('traps: "Acceso a la Información Pública", a request form without a password, a sign-up on another domain; a real provider sign-in', async () => {
    const home = `${live.server.origin}/`;
    const elsewhere = `${idp.origin.replace('127.0.0.1', 'localhost')}/voluntariado`;
    const pages = [
      snapshot(home, {
        links: [
          link(`${home}acceso-a-la-informacion`, 'Acceso a la Información Pública', { inNav: true }),
          link(`${home}solicitud-de-informacion`, 'Acceso'),
          link(
            'https://docs.google.com/forms/d/e/1FAIpQLSf-voluntarios/viewform',
            'Regístrese como voluntario',
          ),
          link(elsewhere, 'Crear cuenta'),
          link(`${home}auth/identidad-digital`, 'Iniciar sesión con Identidad Digital'),
        ],
      }),
    ];
    const { candidates } = await accountsCollector.collect(liveSite(live.context, { homeUrl: home, pages }));
    const byUrl = Object.fromEntries(candidates.map((c) => [c.url, c]));
    // A section link that only contains a login word is not even a lead.
    expect(byUrl[`${home}acceso-a-la-informacion`]).toBeUndefined();
    expect(live.server.requests).not.toContain('GET /acceso-a-la-informacion');
    expect(byUrl[`${home}solicitud-de-informacion`]).toMatchObject({
      kind: 'login',
      status: 200,
      hasPasswordField: false,
      hasAccountForm: false,
      fields: [
        { type: 'text', name: 'nombre', label: 'Nombre completo' },
        { type: 'text', name: 'dpi', label: 'DPI' },
        { type: 'email', name: 'correo', label: 'Correo electrónico' },
        { type: 'textarea', name: 'solicitud', label: 'Información solicitada' },
      ],
    });
    expect(byUrl['https://docs.google.com/forms/d/e/1FAIpQLSf-voluntarios/viewform']).toMatchObject({
      thirdPartyForm: 'Google Forms',
      ownService: false,
      hasAccountForm: false,
    });
    expect(byUrl[elsewhere]).toMatchObject({ hasAccountForm: true, ownService: false });
    const flow = byUrl[`${home}auth/identidad-digital`];
    expect(flow).toMatchObject({
      kind: 'identity-provider',
      status: 200,
      ownService: true,
      flow: { protocol: 'oidc', loginForm: true },
      fields: [{ type: 'text', name: 'usuario', label: 'DPI o correo' }],
    });
    expect(flow?.formUrl).toMatch(/^http:\/\/localhost:\d+\/authorize\?client_id=renap-en-linea/);
    expect(flow?.detail).toContain('OIDC sign-in request started by the site');
  });
});
