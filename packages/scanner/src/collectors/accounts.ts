import type { AccountsEvidence } from '@egov-monitor/rubric';
import type { PageSnapshot, SnapshotForm, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { phrases, vendors } from '../data/index.js';
import type { PageFacts } from './support/live.js';
import {
  absoluteHttpUrl,
  hasTime,
  looksComingSoon,
  looksNotFound,
  openAndRead,
  withBudget,
} from './support/live.js';
import { vendorsOnPage } from './support/vendors.js';
import { clip } from './support/text.js';

type Candidate = AccountsEvidence['candidates'][number];

/** Account links followed per site (register first). */
const MAX_FOLLOWED = 6;
/** Link texts longer than this are sentences (news), not account buttons. */
const MAX_LINK_TEXT = 40;

function fieldWords(form: SnapshotForm): string[] {
  return form.fields.map((f) => [f.name, f.id, f.placeholder, f.label, f.autocomplete].join(' '));
}

/** A form that signs in or creates an account: identity fields and a way to submit. */
export function accountForm(form: SnapshotForm): boolean {
  const fields = form.fields.filter(
    (f) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type) && f.tag !== 'button',
  );
  if (fields.some((f) => f.type === 'search')) return false;
  const identity = phrases('accountFormIdentity');
  const identityFields = fields.filter(
    (f) =>
      f.type === 'password' ||
      f.type === 'email' ||
      identity.test([f.name, f.id, f.placeholder, f.label, f.autocomplete].join(' ')),
  );
  const canSubmit =
    form.submitTexts.length > 0 ||
    form.fields.some((f) => f.type === 'submit' || f.type === 'image' || f.tag === 'button');
  const hasPassword = fields.some((f) => f.type === 'password');
  // Sign-in needs a password; a registration form may create it later (e-mail confirmation) but asks for several identity fields.
  return (
    canSubmit &&
    (hasPassword ? identityFields.length >= 2 : identityFields.length >= 3 && fieldWords(form).length >= 3)
  );
}

export interface AccountPageJudgement {
  soft404: boolean;
  comingSoon: boolean;
  hasPasswordField: boolean;
  hasAccountForm: boolean;
  provider?: string;
  detail: string;
}

/** What the page behind an account link offers. */
export function judgeAccountPage(facts: PageFacts): AccountPageJudgement {
  const notFound = looksNotFound(facts);
  const soon = looksComingSoon(facts);
  const hasPasswordField = facts.forms.some((f) => f.fields.some((x) => x.type === 'password'));
  const form = facts.forms.find(accountForm);
  const providers = vendorsOnPage(facts, vendors.identityProviders);
  const parts: string[] = [];
  if (notFound) parts.push(`says "${notFound}"`);
  if (soon) parts.push(`says "${soon}"`);
  if (form)
    parts.push(
      `account form ${form.selector} (${form.fields
        .filter((f) => f.type !== 'hidden')
        .map((f) => f.name || f.id || f.type)
        .join(', ')})`,
    );
  else if (hasPasswordField) parts.push('password field without a complete form');
  else parts.push('no account form');
  if (providers.length) parts.push(`sign-in with ${providers.map((p) => p.vendor.name).join(', ')}`);
  return {
    soft404: !!notFound,
    comingSoon: !!soon,
    hasPasswordField,
    hasAccountForm: !!form && !notFound && !soon,
    ...(providers[0] ? { provider: providers[0].vendor.name } : {}),
    detail: parts.join('; '),
  };
}

function linkKind(link: SnapshotLink): 'register' | 'login' | null {
  const text = (link.text || link.label).trim();
  if (!text || text.length > MAX_LINK_TEXT) return null;
  if (phrases('accountRegister').test(text)) return 'register';
  if (phrases('accountLogin').test(text)) return 'login';
  return null;
}

/**
 * user_accounts: "Crear cuenta", "Registrarse", "Iniciar sesión", "Mi cuenta", "Agencia virtual"… links and
 * sign-in forms; each link is followed in a live page (bounded) to see whether it really leads to an account
 * form, or to a 404, a soft 404 or a "Próximamente". Identity providers (Google, Microsoft, government IdPs)
 * are recorded too.
 */
export async function collectAccounts(site: SiteContext): Promise<AccountsEvidence> {
  const candidates: Candidate[] = [];
  const links = new Map<string, { page: PageSnapshot; link: SnapshotLink; kind: 'register' | 'login' }>();

  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    for (const link of page.links) {
      const kind = linkKind(link);
      const href = kind ? absoluteHttpUrl(link.href) : null;
      if (!kind || !href || href.split('#')[0] === page.url.split('#')[0]) continue;
      const known = links.get(href);
      if (!known || (known.kind === 'login' && kind === 'register'))
        links.set(href, { page, link: { ...link, href }, kind });
    }
    // A sign-in form right on an analysed page.
    for (const form of page.forms.filter(accountForm)) {
      candidates.push({
        url: page.url,
        kind:
          form.fields.some((f) => f.type === 'password') &&
          form.fields.filter((f) => f.type === 'password').length < 2
            ? 'login'
            : 'register',
        linkText: clip(form.submitTexts[0] ?? '', 80),
        status: page.status,
        soft404: page.soft404,
        comingSoon: !!looksComingSoon(page),
        hasPasswordField: form.fields.some((f) => f.type === 'password'),
        hasAccountForm: true,
        detail: clip(
          `form on the page: ${form.selector} → ${form.action || page.url} (${form.fields
            .filter((f) => f.type !== 'hidden')
            .map((f) => f.name || f.id || f.type)
            .join(', ')})`,
          300,
        ),
      });
    }
    for (const hit of vendorsOnPage(page, vendors.identityProviders)) {
      candidates.push({
        url: page.url,
        kind: 'identity-provider',
        linkText: '',
        status: page.status,
        soft404: false,
        comingSoon: false,
        hasPasswordField: false,
        hasAccountForm: false,
        provider: hit.vendor.name,
        detail: clip(`${hit.vendor.name} (${hit.vendor.kind}) ${hit.how}: ${hit.evidence}`, 300),
      });
    }
  }

  // Register links first; then buttons that are exactly "Iniciar sesión"/"Mi cuenta" before texts that only contain
  // a login word ("Acceso a la información pública"), and header/menu links before others.
  const rank = ({ link, kind }: { link: SnapshotLink; kind: 'register' | 'login' }) =>
    (kind === 'register' ? 0 : 4) +
    (phrases(kind === 'register' ? 'accountRegister' : 'accountLogin').isExactly(link.text || link.label)
      ? 0
      : 2) +
    (link.inNav ? 0 : 1);
  const toFollow = [...links.values()]
    .sort((a, b) => rank(a) - rank(b) || a.link.href.localeCompare(b.link.href))
    .slice(0, MAX_FOLLOWED);
  for (const { page, link, kind } of toFollow) {
    const linkText = clip(link.text || link.label, 80);
    if (!hasTime(site, 5_000)) {
      site.log('accounts: deadline reached, remaining account links not followed');
      break;
    }
    const opened = await openAndRead(site, link.href);
    if (!opened.facts) {
      candidates.push({
        url: link.href,
        kind,
        linkText,
        status: opened.status,
        soft404: false,
        comingSoon: false,
        hasPasswordField: false,
        hasAccountForm: false,
        detail: clip(
          `"${linkText}" on ${page.url} could not be opened: ${opened.error ?? 'no response'}`,
          300,
        ),
      });
      continue;
    }
    const judged = judgeAccountPage(opened.facts);
    const bad = opened.status >= 400 || opened.status === 0;
    candidates.push({
      url: link.href,
      kind,
      linkText,
      status: opened.status,
      soft404: judged.soft404 && !bad,
      comingSoon: judged.comingSoon,
      hasPasswordField: judged.hasPasswordField,
      hasAccountForm: judged.hasAccountForm && !bad,
      ...(judged.provider ? { provider: judged.provider } : {}),
      detail: clip(
        `"${linkText}" on ${page.url} → HTTP ${opened.status} ${opened.url}: ${judged.detail}`,
        400,
      ),
    });
  }

  const unique = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.url}|${c.kind}|${c.provider ?? ''}|${c.linkText}`;
    if (!unique.has(key)) unique.set(key, c);
  }
  return {
    candidates: [...unique.values()].sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.url.localeCompare(b.url) ||
        (a.provider ?? '').localeCompare(b.provider ?? ''),
    ),
  };
}

export const accountsCollector: Collector<'accounts'> = {
  kind: 'accounts',
  collect: (site) => collectAccounts(withBudget(site)),
};
