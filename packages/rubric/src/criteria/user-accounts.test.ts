import { describe, expect, it } from 'vitest';
import type { AccountsEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { userAccounts } from './user-accounts.js';

const settings = defaultRubric.criteria.user_accounts;
type Candidate = AccountsEvidence['candidates'][number];
const candidate = (patch: Partial<Candidate>): Candidate => ({
  url: `${SITE}registro`, kind: 'register', linkText: 'Registrarse', status: 200, soft404: false, comingSoon: false,
  hasPasswordField: true, hasAccountForm: true, detail: 'form with email and password', ...patch,
});
const judge = (candidates: Candidate[], s = settings) =>
  userAccounts.evaluate(withGathered(evidenceMeeting([]), { accounts: ok({ candidates }) }), s);

describe('user_accounts', () => {
  it('passes with a working account form', () => {
    expect(judge([candidate({})]).outcome).toBe('pass');
  });

  it.each([
    ['a 404', { status: 404 }],
    ['a soft 404', { soft404: true }],
    ['"Próximamente"', { comingSoon: true }],
    ['a page without a form', { hasAccountForm: false }],
  ] as const)('"Mi cuenta" that ends in %s does not count', (_, patch) => {
    expect(judge([candidate(patch)]).outcome).toBe('fail');
  });

  it('an identity provider counts when named, and can be switched off', () => {
    const idp = candidate({ kind: 'identity-provider', hasAccountForm: false, provider: 'Guatemala Digital ID' });
    expect(judge([idp]).outcome).toBe('pass');
    expect(judge([{ ...idp, provider: undefined }]).outcome).toBe('fail');
    expect(judge([idp], { acceptIdentityProviders: false }).outcome).toBe('fail');
  });
});
