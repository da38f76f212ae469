import { describe, expect, it } from 'vitest';
import { accountForm, accountsCollector, judgeAccountPage } from './accounts.js';
import { fakeSite, field, form, link, snapshot } from './support/test-builders.js';

const home = 'https://portal.sat.gob.gt/';
const loginForm = form({
  selector: '#login',
  action: `${home}agencia/login`,
  method: 'post',
  fields: [
    field('usuario', { label: 'NIT o usuario' }),
    field('clave', { type: 'password', label: 'Contraseña' }),
  ],
  submitTexts: ['Ingresar'],
});

function facts(extra: Partial<ReturnType<typeof snapshot>>) {
  return snapshot(`${home}agencia`, extra);
}

describe('account pages', () => {
  it('a sign-in form with identity and password fields is an account form; a search or newsletter form is not', () => {
    expect(accountForm(loginForm)).toBe(true);
    expect(accountForm(form({ fields: [field('q', { type: 'search' })], submitTexts: ['Buscar'] }))).toBe(
      false,
    );
    expect(
      accountForm(form({ fields: [field('email', { type: 'email' })], submitTexts: ['Suscribirse'] })),
    ).toBe(false);
    expect(
      accountForm(
        form({
          fields: [
            field('nombres'),
            field('apellidos'),
            field('dpi', { label: 'CUI / DPI' }),
            field('correo', { type: 'email' }),
          ],
          submitTexts: ['Crear cuenta'],
        }),
      ),
    ).toBe(true);
  });

  it('judges a real sign-in page with a government identity provider', () => {
    const judged = judgeAccountPage(
      facts({
        title: 'Agencia Virtual',
        forms: [loginForm],
        links: [link('https://accounts.claveunica.gob.cl/openid/authorize?client_id=x', 'ClaveÚnica')],
      }),
    );
    expect(judged).toMatchObject({
      soft404: false,
      comingSoon: false,
      hasPasswordField: true,
      hasAccountForm: true,
      provider: 'ClaveÚnica (Chile)',
    });
    expect(judged.detail).toMatch(/account form #login \(usuario, clave\)/);
  });

  it('trap: a "Mi cuenta" page that is a soft 404, and a "Próximamente" registration', () => {
    expect(
      judgeAccountPage(
        facts({ title: 'Página no encontrada', text: 'Lo sentimos, la página que busca no existe.' }),
      ),
    ).toMatchObject({ soft404: true, hasAccountForm: false });
    expect(
      judgeAccountPage(
        facts({ title: 'Registro', headings: [{ level: 1, text: 'Próximamente' }], forms: [loginForm] }),
      ),
    ).toMatchObject({
      comingSoon: true,
      hasAccountForm: false,
    });
  });
});

describe('accounts collector (no live browser)', () => {
  it('records account links it could not open as such, sign-in forms on analysed pages and identity-provider scripts', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          links: [
            link(`${home}registro`, 'Regístrate'),
            link(`${home}mi-cuenta`, 'Mi cuenta'),
            link(
              `${home}noticias/1`,
              'La SAT invita a los contribuyentes a iniciar sesión en la Agencia Virtual para presentar su declaración',
            ),
          ],
          scripts: ['https://accounts.google.com/gsi/client'],
        }),
        snapshot(`${home}agencia`, { forms: [loginForm] }),
      ],
    });
    const { candidates } = await accountsCollector.collect(site);
    expect(
      candidates.map((c) => [
        c.kind,
        c.url.slice(home.length),
        c.status,
        c.hasAccountForm,
        c.provider ?? null,
      ]),
    ).toEqual([
      ['identity-provider', '', 200, false, 'Google'],
      ['login', 'agencia', 200, true, null],
      ['login', 'mi-cuenta', 0, false, null],
      ['register', 'registro', 0, false, null],
    ]);
    expect(candidates.find((c) => c.url.endsWith('registro'))?.detail).toMatch(
      /could not be opened: no browser in unit tests/,
    );
  });

  it('follows exact account buttons before texts that only contain a login word (bounded to 6)', async () => {
    const noise = Array.from({ length: 7 }, (_, i) =>
      link(`${home}acceso-${i}`, `Acceso a la información ${i}`, { inNav: true }),
    );
    const site = fakeSite({
      pages: [snapshot(home, { links: [...noise, link(`${home}ingresar`, 'Iniciar sesión')] })],
    });
    const { candidates } = await accountsCollector.collect(site);
    expect(candidates).toHaveLength(6);
    expect(candidates.map((c) => c.url)).toContain(`${home}ingresar`);
  });
});
