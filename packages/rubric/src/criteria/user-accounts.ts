import type { AccountsEvidence } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { flag, settingsSchema } from './settings-schema.js';
import { byUrlThenDetail, fail, inconclusive, pass } from './support.js';

export interface UserAccountsSettings {
  /** A sign-in through an identity provider (e.g. a national digital identity) counts as an account. */
  acceptIdentityProviders: boolean;
}

type Candidate = AccountsEvidence['candidates'][number];

function describe(c: Candidate): string {
  const fields = c.fields?.length
    ? `; fields: ${c.fields.map((f) => `${f.type} ${f.name}${f.label ? ` "${f.label}"` : ''}`).join(', ')}`
    : '';
  const flags = [
    `HTTP ${c.status}`,
    c.soft404 && 'soft 404',
    c.comingSoon && '"coming soon"',
    c.hasAccountForm && 'account form with a password field',
    !c.hasAccountForm && c.hasPasswordField && 'password field',
    c.flow &&
      `${c.flow.protocol.toUpperCase()} sign-in flow${c.flow.loginForm ? ' ending on a sign-in form' : ''}`,
    c.provider && `provider ${c.provider}`,
    c.thirdPartyForm && `third-party form ${c.thirdPartyForm}`,
    c.ownService === false && 'not the institution’s own service',
    c.unread && `not verified: ${c.unread}`,
  ].filter(Boolean);
  const page = c.formUrl && c.formUrl !== c.url ? ` → ${c.formUrl}` : '';
  return `${c.kind} "${c.linkText.trim()}"${page}: ${flags.join(', ')}${fields}; ${c.detail}`;
}

/** A usable page: it answered, exists, is not a placeholder and belongs to the institution's own service. */
function usable(c: Candidate): boolean {
  return c.status === 200 && !c.soft404 && !c.comingSoon && c.ownService === true && !c.thirdPartyForm;
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<UserAccountsSettings> = {
  schema: settingsSchema({ acceptIdentityProviders: flag }),
  defaults: {
    acceptIdentityProviders: true,
  },
};

export const userAccounts = defineCriterion({
  meta: {
    id: 'user_accounts',
    level: 3,
    title: { es: 'Permite crear una cuenta de usuario', en: 'Lets users create an account' },
    implements: {
      es: 'Posibilidad de crear usuarios para consultar algunos servicios.',
      en: 'Users can create an account to consult services.',
    },
    requiredEvidence: ['accounts'],
  },
  settings: SETTINGS,
  /**
   * Verify before crediting (issue #17): met only by a sign-in or registration form with a password field of the
   * institution's own service, or by a real identity-provider sign-in the site starts (an OAuth/OIDC, SAML or CAS
   * request seen in the navigation, ending on a sign-in form). A link word ("Acceso", "Ingresar"), a provider's
   * logo or script, a form without a password and a sign-up on a form service never count.
   */
  judge({ accounts }, settings) {
    const works = accounts.candidates
      .filter(
        (c) =>
          usable(c) &&
          ((c.hasAccountForm && c.hasPasswordField) ||
            (settings.acceptIdentityProviders && !!c.flow && c.flow.loginForm)),
      )
      .map((c) => ({ url: c.formUrl ?? c.url, detail: describe(c) }))
      .sort(byUrlThenDetail);

    if (works.length > 0) {
      return pass(
        {
          es: 'Los usuarios pueden crear una cuenta o iniciar sesión en un servicio de la institución (formulario con contraseña o inicio de sesión con un proveedor de identidad).',
          en: "Users can create an account or sign in to the institution's own service (a form with a password, or a sign-in through an identity provider).",
        },
        works.slice(0, 10),
      );
    }
    const seen = accounts.candidates.map((c) => ({ url: c.url, detail: describe(c) })).sort(byUrlThenDetail);
    const unread = accounts.candidates.filter((c) => c.unread).length + (accounts.notFollowed ?? 0);
    if (unread > 0) {
      return inconclusive(
        {
          es: `No se encontró una cuenta de la institución, pero ${unread} enlaces de cuenta no se pudieron verificar (no terminaron de cargar o quedaron sin seguir al agotarse el tiempo de seguridad).`,
          en: `No account of the institution was found, but ${unread} account links could not be verified (they did not finish loading, or were left unfollowed when the safety time limit fired).`,
        },
        seen.slice(0, 10),
      );
    }
    return fail(
      {
        es: seen.length
          ? `Se siguieron ${seen.length} enlaces de cuenta, pero ninguno lleva a un formulario con contraseña de la propia institución (un 404, un «Próximamente», un formulario sin contraseña, un logotipo de proveedor o un formulario de terceros no cuentan).`
          : 'No se encontró dónde crear una cuenta o iniciar sesión.',
        en: seen.length
          ? `${seen.length} account leads were followed, but none leads to a form with a password of the institution's own service (a 404, a "coming soon" page, a form without a password, a provider's logo or a third-party form does not count).`
          : 'No place to create an account or sign in was found.',
      },
      seen.slice(0, 10),
    );
  },
});
