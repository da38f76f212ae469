import { describe, expect, it } from 'vitest';
import type { AccountsEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { userAccounts } from './user-accounts.js';

const settings = defaultRubric.criteria.user_accounts;
type Candidate = AccountsEvidence['candidates'][number];
const candidate = (patch: Partial<Candidate>): Candidate => ({
  url: `${SITE}registro`,
  kind: 'register',
  linkText: 'Registrarse',
  status: 200,
  soft404: false,
  comingSoon: false,
  hasPasswordField: true,
  hasAccountForm: true,
  ownService: true,
  fields: [
    { type: 'email', name: 'correo', label: 'Correo electrónico' },
    { type: 'password', name: 'clave', label: 'Contraseña' },
  ],
  detail: 'account form #registro',
  ...patch,
});
const judge = (candidates: Candidate[], s = settings) =>
  userAccounts.evaluate(withGathered(evidenceMeeting([]), { accounts: ok({ candidates }) }), s);

const idpFlow = candidate({
  url: `${SITE}ingresar`,
  kind: 'identity-provider',
  linkText: 'Ingresar con Cl@ve',
  formUrl: 'https://pasarela.clave.gob.es/Proxy2/ServiceProvider?SAMLRequest=x',
  hasAccountForm: false,
  hasPasswordField: false,
  provider: 'Cl@ve (España)',
  fields: [{ type: 'text', name: 'dni', label: 'DNI / NIE' }],
  flow: {
    protocol: 'saml',
    url: 'https://pasarela.clave.gob.es/Proxy2/ServiceProvider?SAMLRequest=x',
    loginForm: true,
  },
});

describe('user_accounts', () => {
  it('passes with a form with a password of the institution; the evidence shows the page and the fields', () => {
    const result = judge([candidate({ formUrl: `${SITE}cuenta/registro` })]);
    expect(result.outcome).toBe('pass');
    expect(result.evidence).toEqual([
      {
        url: `${SITE}cuenta/registro`,
        detail: `register "Registrarse" → ${SITE}cuenta/registro: HTTP 200, account form with a password field; fields: email correo "Correo electrónico", password clave "Contraseña"; account form #registro`,
      },
    ]);
  });

  it.each([
    ['a 404', { status: 404 }],
    ['a soft 404', { soft404: true }],
    ['"Próximamente"', { comingSoon: true }],
    ['a page without a form', { hasAccountForm: false, hasPasswordField: false }],
  ] as const)('"Mi cuenta" that ends in %s does not count', (_, patch) => {
    expect(judge([candidate(patch)]).outcome).toBe('fail');
  });

  it('trap: "Acceso a la Información Pública" behind which a request form asks for name, DPI and e-mail is no account', () => {
    const request = candidate({
      url: `${SITE}acceso-a-la-informacion`,
      kind: 'login',
      linkText: 'Acceso',
      hasAccountForm: false,
      hasPasswordField: false,
      fields: [
        { type: 'text', name: 'nombre', label: 'Nombre completo' },
        { type: 'text', name: 'dpi', label: 'DPI' },
        { type: 'email', name: 'correo', label: 'Correo' },
      ],
    });
    const result = judge([request]);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]!.detail).toContain('fields: text nombre "Nombre completo"');
  });

  it('trap: a sign-up on Google Forms, or a sign-in page on someone else’s domain, is not the institution’s account', () => {
    expect(judge([candidate({ thirdPartyForm: 'Google Forms', ownService: false })]).outcome).toBe('fail');
    expect(judge([candidate({ ownService: false })]).outcome).toBe('fail');
    expect(judge([candidate({ ownService: undefined })]).outcome).toBe('fail');
  });

  it('account links that did not finish loading make "not met" inconclusive, never "met"', () => {
    const slow = candidate({
      hasAccountForm: false,
      hasPasswordField: false,
      status: 0,
      unread: 'did not finish loading: Timeout 15000ms exceeded',
    });
    expect(judge([slow]).outcome).toBe('inconclusive');
    expect(
      userAccounts.evaluate(
        withGathered(evidenceMeeting([]), { accounts: ok({ candidates: [], notFollowed: 2 }) }),
        settings,
      ).outcome,
    ).toBe('inconclusive');
    expect(judge([slow, candidate({})]).outcome).toBe('pass');
  });

  it('an identity provider counts only through a real sign-in flow the site starts, and can be switched off', () => {
    const result = judge([idpFlow]);
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]!.detail).toContain(
      'SAML sign-in flow ending on a sign-in form, provider Cl@ve (España)',
    );
    // A provider's logo or script alone: no flow.
    const logo = candidate({
      kind: 'identity-provider',
      hasAccountForm: false,
      hasPasswordField: false,
      provider: 'Google',
      fields: [],
    });
    delete logo.flow;
    expect(judge([logo]).outcome).toBe('fail');
    expect(judge([{ ...idpFlow, flow: { ...idpFlow.flow!, loginForm: false } }]).outcome).toBe('fail');
    expect(judge([{ ...idpFlow, ownService: false }]).outcome).toBe('fail');
    expect(judge([idpFlow], { acceptIdentityProviders: false }).outcome).toBe('fail');
  });
});
