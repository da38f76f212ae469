import type { Criterion } from './criterion.js';
import { byUrlThenDetail, fail, gather, pass } from './support.js';

export interface UserAccountsSettings {
  /** A sign-in through a named identity provider (e.g. a national digital identity) counts as an account. */
  acceptIdentityProviders: boolean;
}

export const userAccounts: Criterion<UserAccountsSettings> = {
  meta: {
    id: 'user_accounts',
    level: 3,
    title: { es: 'Cuentas de usuario', en: 'User accounts' },
    implements: {
      es: 'Posibilidad de crear usuarios para consultar algunos servicios.',
      en: 'Users can create an account to consult services.',
    },
    requiredEvidence: ['accounts'],
  },
  evaluate(evidence, settings) {
    const got = gather(evidence, ['accounts']);
    if (!got.ok) return got.result;
    const { accounts } = got.data;

    const describe = (c: (typeof accounts.candidates)[number]) =>
      `${c.kind} link "${c.linkText.trim()}": HTTP ${c.status}${c.soft404 ? ', soft 404' : ''}${c.comingSoon ? ', "coming soon"' : ''}${c.hasAccountForm ? ', account form' : ''}${c.hasPasswordField ? ', password field' : ''}${c.provider ? `, provider ${c.provider}` : ''}; ${c.detail}`;
    const works = accounts.candidates
      .filter(
        (c) =>
          c.status === 200 &&
          !c.soft404 &&
          !c.comingSoon &&
          (c.hasAccountForm || (settings.acceptIdentityProviders && c.kind === 'identity-provider' && !!c.provider)),
      )
      .map((c) => ({ url: c.url, detail: describe(c) }))
      .sort(byUrlThenDetail);

    if (works.length > 0) {
      return pass(
        {
          es: 'Los usuarios pueden crear una cuenta o iniciar sesión para consultar servicios.',
          en: 'Users can create an account or sign in to consult services.',
        },
        works.slice(0, 10),
      );
    }
    const seen = accounts.candidates.map((c) => ({ url: c.url, detail: describe(c) })).sort(byUrlThenDetail);
    return fail(
      {
        es: seen.length
          ? `Hay ${seen.length} enlaces de cuenta, pero ninguno lleva a un formulario que funcione (un 404, un «Próximamente» o una página sin formulario no cuentan).`
          : 'No se encontró dónde crear una cuenta o iniciar sesión.',
        en: seen.length
          ? `${seen.length} account links were found, but none leads to a working form (a 404, a "coming soon" page or a page without a form does not count).`
          : 'No place to create an account or sign in was found.',
      },
      seen.slice(0, 10),
    );
  },
};
