import { describe, expect, it } from 'vitest';
import { accountForm, accountsCollector, judgeAccountPage, signInFlow } from './accounts.js';
import { fakeSite, field, form, link, snapshot } from './test-support/builders.js';

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
    // A request for public information asks for a name, a DPI and an e-mail: without a password, no account.
    const request = form({
      fields: [
        field('nombres'),
        field('apellidos'),
        field('dpi', { label: 'CUI / DPI' }),
        field('correo', { type: 'email' }),
      ],
      submitTexts: ['Enviar solicitud'],
    });
    expect(accountForm(request)).toBe(false);
    expect(
      accountForm({
        ...request,
        fields: [...request.fields, field('clave', { type: 'password', label: 'Contraseña' })],
        submitTexts: ['Crear cuenta'],
      }),
    ).toBe(true);
  });

  it('recognises a sign-in flow by its request: OAuth 2.0 / OIDC, SAML, CAS', () => {
    expect(
      signInFlow(
        'https://idp.gob.gt/authorize?client_id=sat&response_type=code&scope=openid%20profile&redirect_uri=https%3A%2F%2Fportal.sat.gob.gt%2Fcallback',
      ),
    ).toMatchObject({ protocol: 'oidc', returnsTo: 'https://portal.sat.gob.gt/callback' });
    expect(
      signInFlow('https://accounts.google.com/o/oauth2/auth?client_id=x&redirect_uri=https://a.gob.mx/cb'),
    ).toMatchObject({
      protocol: 'oauth2',
    });
    expect(
      signInFlow('https://pasarela.clave.gob.es/Proxy2/ServiceProvider?SAMLRequest=fZJd&RelayState=x'),
    ).toMatchObject({
      protocol: 'saml',
    });
    expect(signInFlow('https://sso.uba.ar/cas/login?service=https%3A%2F%2Fsiu.uba.ar%2F')).toMatchObject({
      protocol: 'cas',
    });
    // The provider's home page (a logo's link) starts nothing.
    expect(signInFlow('https://clave.gob.es/clave_Home/clave.html')).toBeNull();
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
    expect(judged.detail).toMatch(
      /account form #login \(text usuario "NIT o usuario", password clave "Contraseña"\)/,
    );
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
  it('records account links it could not open as such, sign-in forms on analysed pages and identity-provider scripts (leads only)', async () => {
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

  it('"Acceso a la Información Pública" is not a lead; "Acceso" alone is; a Google Forms sign-up is never opened', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          links: [
            link(`${home}acceso-a-la-informacion`, 'Acceso a la Información Pública', { inNav: true }),
            link(`${home}ingresar-denuncia`, 'Ingresar una denuncia'),
            link(`${home}login`, 'Acceso'),
            link('https://forms.gle/AbCdEf123', 'Regístrate'),
          ],
        }),
      ],
    });
    const { candidates } = await accountsCollector.collect(site);
    expect(candidates.map((c) => [c.kind, c.url, c.thirdPartyForm ?? null])).toEqual([
      ['login', `${home}login`, null],
      ['register', 'https://forms.gle/AbCdEf123', 'Google Forms'],
    ]);
  });

  it('follows register links, then exact account buttons, bounded by data (6)', async () => {
    const noise = Array.from({ length: 7 }, (_, i) =>
      link(`${home}mi-portal-${i}`, `Mi portal ${i}`, { inNav: true }),
    );
    const site = fakeSite({
      pages: [snapshot(home, { links: [...noise, link(`${home}ingresar`, 'Iniciar sesión')] })],
    });
    const { candidates } = await accountsCollector.collect(site);
    expect(candidates).toHaveLength(6);
    expect(candidates.map((c) => c.url)).toContain(`${home}ingresar`);
  });
});
