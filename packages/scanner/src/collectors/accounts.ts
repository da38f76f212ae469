import type { AccountsEvidence } from '@egov-monitor/rubric';
import type { Page, Request, Response } from 'playwright-core';
import type { PageSnapshot, SnapshotForm, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { phrases, vendors, verificationBudgets } from '../data/index.js';
import type { PageFacts } from './live/live.js';
import {
  absoluteHttpUrl,
  hasTime,
  looksComingSoon,
  looksNotFound,
  navigationTimeout,
  readPage,
  settle,
  withBudget,
  withPage,
} from './live/live.js';
import { ownUrl } from './recognize/own-domains.js';
import { isUnfinished } from './live/unfinished.js';
import { vendorsOnPage } from './recognize/vendors.js';
import { clip } from '@egov-monitor/rubric';

type Candidate = AccountsEvidence['candidates'][number];
type Flow = NonNullable<Candidate['flow']>;
type Kind = Candidate['kind'];

/** Link texts longer than this are sentences (news), not account buttons. */
const MAX_LINK_TEXT = 40;
const HIDDEN_TYPES = ['hidden', 'submit', 'button', 'reset', 'image'];

function visibleFields(form: SnapshotForm) {
  return form.fields.filter((f) => !HIDDEN_TYPES.includes(f.type) && f.tag !== 'button');
}

function canSubmit(form: SnapshotForm): boolean {
  return (
    form.submitTexts.length > 0 ||
    form.fields.some((f) => f.type === 'submit' || f.type === 'image' || f.tag === 'button')
  );
}

function identityFields(form: SnapshotForm) {
  const identity = phrases('accountFormIdentity');
  return visibleFields(form).filter(
    (f) =>
      f.type === 'email' ||
      (f.type !== 'password' &&
        identity.test([f.name, f.id, f.placeholder, f.label, f.autocomplete].join(' '))),
  );
}

/**
 * A form that signs in or creates an account: a password field, an identity field (user, e-mail, DPI…) and a
 * submit. A form without a password — a request for public information asking for a name, a DPI and an e-mail, a
 * newsletter, a sign-up on a form service — creates no account.
 */
export function accountForm(form: SnapshotForm): boolean {
  const fields = visibleFields(form);
  if (fields.some((f) => f.type === 'search')) return false;
  return fields.some((f) => f.type === 'password') && identityFields(form).length >= 1 && canSubmit(form);
}

/** The first step of an identity provider's sign-in: an identity field (or a password) and a submit. */
function loginForm(form: SnapshotForm): boolean {
  const fields = visibleFields(form);
  if (fields.some((f) => f.type === 'search')) return false;
  return (fields.some((f) => f.type === 'password') || identityFields(form).length >= 1) && canSubmit(form);
}

/** The fields of a form as the evidence shows them. */
function describeFields(form: SnapshotForm): NonNullable<Candidate['fields']> {
  return visibleFields(form)
    .slice(0, 12)
    .map((f) => ({ type: f.type, name: f.name || f.id, label: clip(f.label || f.placeholder, 60) }));
}

/**
 * A sign-in flow named by its own request: an OAuth 2.0 / OpenID Connect authorisation request (RFC 6749 §4.1.1:
 * client_id with response_type or redirect_uri; `openid` in the scope makes it OIDC), a SAML 2.0 AuthnRequest in
 * the HTTP-Redirect binding (SAMLRequest), or a CAS login (`/cas/login?service=`).
 */
export function signInFlow(
  url: string,
): { protocol: Flow['protocol']; url: string; returnsTo: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const params = parsed.searchParams;
  if (params.has('SAMLRequest')) return { protocol: 'saml', url, returnsTo: params.get('RelayState') };
  if (params.has('client_id') && (params.has('response_type') || params.has('redirect_uri'))) {
    const openid = (params.get('scope') ?? '').split(/[\s+]+/).includes('openid');
    return { protocol: openid ? 'oidc' : 'oauth2', url, returnsTo: params.get('redirect_uri') };
  }
  if (/\/cas\/login\/?$/i.test(parsed.pathname) && params.has('service'))
    return { protocol: 'cas', url, returnsTo: params.get('service') };
  return null;
}

export interface AccountPageJudgement {
  soft404: boolean;
  comingSoon: boolean;
  hasPasswordField: boolean;
  hasAccountForm: boolean;
  fields?: Candidate['fields'];
  provider?: string;
  thirdPartyForm?: string;
  loginForm: boolean;
  detail: string;
}

/** What the page behind an account link offers. */
export function judgeAccountPage(facts: PageFacts): AccountPageJudgement {
  const notFound = looksNotFound(facts);
  const soon = looksComingSoon(facts);
  const hasPasswordField = facts.forms.some((f) => f.fields.some((x) => x.type === 'password'));
  const form = facts.forms.find(accountForm);
  const login = facts.forms.find(loginForm);
  const providers = vendorsOnPage(facts, vendors.identityProviders);
  const formService =
    vendorsOnPage(facts, vendors.forms).find((h) => h.how !== 'link') ??
    (vendors.forms.find((v) => v.links.some((p) => p.test(facts.url)))
      ? { vendor: vendors.forms.find((v) => v.links.some((p) => p.test(facts.url)))! }
      : undefined);
  const parts: string[] = [];
  if (notFound) parts.push(`says "${notFound}"`);
  if (soon) parts.push(`says "${soon}"`);
  if (form)
    parts.push(
      `account form ${form.selector} (${describeFields(form)
        .map((f) => `${f.type} ${f.name}${f.label ? ` "${f.label}"` : ''}`)
        .join(', ')})`,
    );
  else if (hasPasswordField) parts.push('password field without a complete form');
  else if (login)
    parts.push(
      `a form without a password (${describeFields(login)
        .map((f) => f.name || f.type)
        .join(', ')}): no account`,
    );
  else parts.push('no account form');
  if (formService) parts.push(`a ${formService.vendor.name} form: a third-party service, not an account`);
  if (providers.length) parts.push(`sign-in with ${providers.map((p) => p.vendor.name).join(', ')}`);
  return {
    soft404: !!notFound,
    comingSoon: !!soon,
    hasPasswordField,
    hasAccountForm: !!form && !notFound && !soon,
    ...(form ? { fields: describeFields(form) } : login ? { fields: describeFields(login) } : {}),
    ...(providers[0] ? { provider: providers[0].vendor.name } : {}),
    ...(formService ? { thirdPartyForm: formService.vendor.name } : {}),
    loginForm: !!login && !notFound && !soon,
    detail: parts.join('; '),
  };
}

function linkKind(link: SnapshotLink): Kind | null {
  const text = (link.text || link.label).trim();
  if (vendors.identityProviders.some((v) => v.links.some((p) => p.test(link.href))))
    return 'identity-provider';
  if (!text || text.length > MAX_LINK_TEXT) return null;
  if (phrases('accountRegister').test(text)) return 'register';
  // "Acceso" or "Ingresar" alone is a sign-in button; inside "Acceso a la Información Pública" it names a section.
  if (phrases('accountLogin').test(text) || phrases('accountLoginBare').isExactly(text)) return 'login';
  return null;
}

interface Followed {
  url: string;
  status: number;
  /** Main-frame navigations, first to last (redirects and script navigations included). */
  chain: string[];
  facts: PageFacts | null;
  error?: string;
}

/** Opens an account link like a citizen clicking it, recording every main-frame navigation on the way. */
async function follow(site: SiteContext, url: string): Promise<Followed> {
  const chain: string[] = [];
  let status = 0;
  try {
    return await withPage(site, async (page: Page) => {
      const onRequest = (request: Request) => {
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) chain.push(request.url());
      };
      const onResponse = (response: Response) => {
        const request = response.request();
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) status = response.status();
      };
      page.on('request', onRequest);
      page.on('response', onResponse);
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) });
        await settle(page, site);
        return { url: page.url(), status, chain: [...chain], facts: await readPage(page) };
      } finally {
        page.off('request', onRequest);
        page.off('response', onResponse);
      }
    });
  } catch (error) {
    return {
      url,
      status,
      chain,
      facts: null,
      error: (error as Error).message.split('\n')[0] ?? 'navigation failed',
    };
  }
}

/**
 * user_accounts: "Crear cuenta", "Registrarse", "Iniciar sesión", "Mi cuenta", "Agencia virtual", a button that is
 * only "Ingresar", and links to identity providers are leads; each is followed in a live page (bounded by data) as
 * a citizen would, and credited only when it leads to a sign-in or registration form with a password field of the
 * institution's own service — or to a real identity-provider sign-in (an OAuth/OIDC, SAML or CAS request seen in
 * the navigation, ending on a sign-in form). Soft 404s, "Próximamente", forms without a password and third-party
 * form services (Google Forms, Typeform…) are recorded as what they are.
 */
export async function collectAccounts(site: SiteContext): Promise<AccountsEvidence> {
  const candidates: Candidate[] = [];
  const isOwn = ownUrl(site);
  const links = new Map<string, { page: PageSnapshot; link: SnapshotLink; kind: Kind }>();

  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    for (const link of page.links) {
      const href = absoluteHttpUrl(link.href);
      const kind = href ? linkKind({ ...link, href }) : null;
      if (!kind || !href || href.split('#')[0] === page.url.split('#')[0]) continue;
      const known = links.get(href);
      if (!known || (known.kind === 'login' && kind === 'register'))
        links.set(href, { page, link: { ...link, href }, kind });
    }
    // A sign-in form right on an analysed page of the site.
    for (const form of page.forms.filter(accountForm)) {
      const passwords = form.fields.filter((f) => f.type === 'password').length;
      const fields = describeFields(form);
      candidates.push({
        url: page.url,
        // Two password fields (password and confirmation) or a "Crear cuenta" button create an account.
        kind:
          passwords >= 2 || form.submitTexts.some((t) => phrases('accountRegister').test(t))
            ? 'register'
            : 'login',
        linkText: clip(form.submitTexts[0] ?? '', 80),
        status: page.status,
        soft404: page.soft404,
        comingSoon: !!looksComingSoon(page),
        hasPasswordField: true,
        hasAccountForm: true,
        fields,
        ownService: isOwn(page.url) && (!form.action || isOwn(form.action)),
        detail: clip(
          `form on the page: ${form.selector} → ${form.action || page.url} (${fields.map((f) => `${f.type} ${f.name}`).join(', ')})`,
          300,
        ),
      });
    }
    // A provider's script or button on a page is only a lead: nothing shows the site signs anyone in with it.
    for (const hit of vendorsOnPage(page, vendors.identityProviders)) {
      if (hit.how === 'link') continue;
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
        detail: clip(
          `${hit.vendor.name} (${hit.vendor.kind}) ${hit.how}: ${hit.evidence}; no sign-in flow followed`,
          300,
        ),
      });
    }
  }

  // Register links first; then buttons that are exactly "Iniciar sesión"/"Mi cuenta", then identity providers, and
  // header/menu links before others.
  const exact = ({ link, kind }: { link: SnapshotLink; kind: Kind }) =>
    kind === 'register'
      ? phrases('accountRegister').isExactly(link.text || link.label)
      : phrases('accountLogin').isExactly(link.text || link.label) ||
        phrases('accountLoginBare').isExactly(link.text || link.label);
  const rank = (lead: { link: SnapshotLink; kind: Kind }) =>
    (lead.kind === 'register' ? 0 : lead.kind === 'login' ? 4 : 6) +
    (exact(lead) ? 0 : 2) +
    (lead.link.inNav ? 0 : 1);
  const toFollow = [...links.values()]
    .sort((a, b) => rank(a) - rank(b) || a.link.href.localeCompare(b.link.href))
    .slice(0, verificationBudgets.accounts.maxFollowed);
  let notFollowed = 0;
  for (const [index, { page, link, kind }] of toFollow.entries()) {
    const linkText = clip(link.text || link.label, 80);
    if (!hasTime(site, 5_000)) {
      notFollowed = toFollow.length - index;
      site.log(`accounts: safety time limit reached, ${notFollowed} account links not followed`);
      break;
    }
    // A link straight to a form service is a sign-up there, never an account with the institution.
    const formService = vendors.forms.find((v) => v.links.some((p) => p.test(link.href)));
    if (formService) {
      candidates.push({
        url: link.href,
        kind,
        linkText,
        status: 0,
        soft404: false,
        comingSoon: false,
        hasPasswordField: false,
        hasAccountForm: false,
        ownService: false,
        thirdPartyForm: formService.name,
        detail: clip(
          `"${linkText}" on ${page.url} → a ${formService.name} form: a third-party sign-up, not an account (not opened)`,
          300,
        ),
      });
      continue;
    }
    const opened = await follow(site, link.href);
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
        ...(isUnfinished(opened.error)
          ? { unread: `did not finish loading: ${clip(opened.error ?? '', 120)}` }
          : {}),
        detail: clip(
          `"${linkText}" on ${page.url} could not be opened: ${opened.error ?? 'no response'}`,
          300,
        ),
      });
      continue;
    }
    const judged = judgeAccountPage(opened.facts);
    const bad = opened.status >= 400 || opened.status === 0;
    const flowStep = [link.href, ...opened.chain, opened.url].map(signInFlow).find(Boolean) ?? null;
    // The flow is the site's own when the site starts it (its own link redirects to the provider) or when the
    // provider is asked to return to the site.
    const flowOwn = !!flowStep && (isOwn(link.href) || (!!flowStep.returnsTo && isOwn(flowStep.returnsTo)));
    const formUrl = opened.url;
    const provider =
      judged.provider ??
      vendors.identityProviders.find((v) =>
        v.links.some((p) => [link.href, ...opened.chain].some((u) => p.test(u))),
      )?.name;
    const own = flowStep ? flowOwn : isOwn(formUrl);
    const hops = opened.chain.length > 1 ? ` via ${opened.chain.length - 1} redirect(s)` : '';
    candidates.push({
      url: link.href,
      kind: flowStep ? 'identity-provider' : kind,
      linkText,
      status: opened.status,
      soft404: judged.soft404 && !bad,
      comingSoon: judged.comingSoon,
      hasPasswordField: judged.hasPasswordField,
      hasAccountForm: judged.hasAccountForm && !bad,
      ...(judged.fields ? { fields: judged.fields } : {}),
      ...(formUrl !== link.href ? { formUrl } : {}),
      ownService: own && !judged.thirdPartyForm,
      ...(provider ? { provider } : {}),
      ...(judged.thirdPartyForm ? { thirdPartyForm: judged.thirdPartyForm } : {}),
      ...(flowStep
        ? {
            flow: {
              protocol: flowStep.protocol,
              url: clip(flowStep.url, 300),
              loginForm: judged.loginForm && !bad,
            },
          }
        : {}),
      detail: clip(
        `"${linkText}" on ${page.url} → HTTP ${opened.status} ${formUrl}${hops}${flowStep ? ` (${flowStep.protocol.toUpperCase()} sign-in request${flowOwn ? ' started by the site' : ' not started by the site'})` : ''}${own ? '' : " (not the institution's own domain)"}: ${judged.detail}`,
        500,
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
    ...(notFollowed > 0 ? { notFollowed } : {}),
  };
}

export const accountsCollector: Collector<'accounts'> = {
  kind: 'accounts',
  collect: (site) => collectAccounts(withBudget(site)),
};
