import { describe, expect, it } from 'vitest';
import { accountsCollector } from './accounts.js';
import { link, snapshot } from './support/test-builders.js';
import { liveSite, useLiveFixture } from './support/test-support/harness.js';

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
    expect(byPath['registro']?.detail).toMatch(/account form #registro \(cui, correo, password, password2/);
  });
});
