import type { PaymentsEvidence } from '@egov-monitor/rubric';
import type { SnapshotForm, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { patterns, phrases, vendors } from '../data/index.js';
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

type Candidate = PaymentsEvidence['candidates'][number];

/** "Pagar en línea" links followed per site. */
const MAX_FOLLOWED = 5;
const MAX_LINK_TEXT = 60;

/** Card fields of a form: autocomplete cc-* (WHATWG autofill) or names like card_number, cvv, vencimiento. */
export function cardFieldsOf(form: SnapshotForm): string[] {
  const card = patterns('cardField');
  const found: string[] = [];
  for (const field of form.fields) {
    if (field.tag === 'button' || ['submit', 'button', 'reset', 'image', 'hidden'].includes(field.type))
      continue;
    const names = [field.autocomplete, field.name, field.id, field.placeholder, field.label].filter(Boolean);
    if (names.some((n) => card.some((p) => p.test(n)))) {
      found.push(
        `${field.name || field.id || field.label}${field.autocomplete ? ` (autocomplete=${field.autocomplete})` : ''}`,
      );
    }
  }
  return found;
}

/** The payment facts of one page: card fields, gateways, the form that would carry the payment. */
export function paymentFacts(
  page: PageFacts & { resources?: string[] },
): Pick<Candidate, 'cardFields' | 'gateways' | 'formAction'> & { evidence: string[] } {
  const gatewayHits = vendorsOnPage(page, vendors.payment);
  const gateways = [...new Set(gatewayHits.map((h) => h.vendor.name))].sort();
  let paymentForm: SnapshotForm | undefined;
  let cardFields: string[] = [];
  for (const form of page.forms) {
    const fields = cardFieldsOf(form);
    if (fields.length > cardFields.length) {
      cardFields = fields;
      paymentForm = form;
    }
  }
  // A hosted-payment form (e.g. CyberSource Secure Acceptance) has no card fields: it posts to the gateway.
  paymentForm ??= page.forms.find((f) => vendors.payment.some((v) => v.links.some((p) => p.test(f.action))));
  const formAction = paymentForm ? paymentForm.action || page.url : undefined;
  return {
    cardFields,
    gateways,
    ...(formAction ? { formAction } : {}),
    evidence: gatewayHits.map((h) => `${h.vendor.name} ${h.how}: ${clip(h.evidence, 100)}`),
  };
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol.replace(':', '');
  } catch {
    return '';
  }
}

async function candidate(
  site: SiteContext,
  url: string,
  facts: ReturnType<typeof paymentFacts>,
  extra: { linkText?: string; prefix: string },
): Promise<Candidate> {
  const protocol = protocolOf(url);
  const tls = protocol === 'https' ? await site.checkCertificate(url) : null;
  const notes = [extra.prefix];
  if (facts.cardFields.length) notes.push(`card fields: ${facts.cardFields.join(', ')}`);
  if (facts.evidence.length) notes.push(facts.evidence.join('; '));
  if (facts.formAction) {
    const actionProtocol = protocolOf(facts.formAction);
    notes.push(
      `form posts to ${clip(facts.formAction, 120)}${actionProtocol === 'http' ? ' — over plain HTTP: card data would travel unencrypted' : ''}`,
    );
  }
  if (protocol === 'http') notes.push('page served over plain HTTP');
  if (tls && !tls.valid) notes.push(`certificate not valid: ${tls.problem ?? tls.error ?? 'unknown'}`);
  return {
    url,
    protocol,
    tlsValid: tls ? tls.valid : null,
    cardFields: facts.cardFields,
    gateways: facts.gateways,
    ...(facts.formAction ? { formAction: facts.formAction } : {}),
    ...(extra.linkText !== undefined ? { linkText: extra.linkText } : {}),
    detail: clip(notes.filter(Boolean).join('; '), 600),
  };
}

function isPaymentLink(link: SnapshotLink): boolean {
  const text = (link.text || link.label).trim();
  return !!text && text.length <= MAX_LINK_TEXT && phrases('paymentLink').test(text);
}

/**
 * e_payments: pages and forms with card fields or a payment gateway (scripts, iframes, form targets), and the
 * pages behind "Pagar en línea" links (followed live, bounded). Each candidate carries its protocol, the TLS
 * verdict of its host and the absolute URL its form posts to: a card form posting to http:// is a finding.
 */
export async function collectPayments(site: SiteContext): Promise<PaymentsEvidence> {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const links = new Map<string, { from: string; link: SnapshotLink }>();

  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    const facts = paymentFacts(page);
    if (facts.cardFields.length > 0 || facts.gateways.length > 0) {
      seen.add(page.url);
      candidates.push(await candidate(site, page.url, facts, { prefix: 'analysed page' }));
    }
    for (const link of page.links) {
      const href = absoluteHttpUrl(link.href);
      if (href && isPaymentLink(link) && !links.has(href) && href.split('#')[0] !== page.url.split('#')[0])
        links.set(href, { from: page.url, link: { ...link, href } });
    }
  }

  for (const { from, link } of [...links.values()].slice(0, MAX_FOLLOWED)) {
    if (seen.has(link.href)) continue;
    if (!hasTime(site, 5_000)) {
      site.log('payments: deadline reached, remaining payment links not followed');
      break;
    }
    const linkText = clip(link.text || link.label, 80);
    const opened = await openAndRead(site, link.href);
    const url = opened.facts?.url ?? link.href;
    if (seen.has(url)) continue;
    seen.add(url);
    const facts = opened.facts ? paymentFacts(opened.facts) : { cardFields: [], gateways: [], evidence: [] };
    const notFound = opened.facts ? looksNotFound(opened.facts) : null;
    const soon = opened.facts ? looksComingSoon(opened.facts) : null;
    const prefix = `"${linkText}" on ${from} → HTTP ${opened.status}${opened.error ? ` (${clip(opened.error, 80)})` : ''}${notFound ? `, says "${notFound}"` : ''}${soon ? `, says "${soon}"` : ''}${
      !facts.cardFields.length && !facts.gateways.length ? ', no card fields or payment gateway' : ''
    }`;
    candidates.push(await candidate(site, url, facts, { linkText, prefix }));
  }

  return { candidates: candidates.sort((a, b) => a.url.localeCompare(b.url)) };
}

export const paymentsCollector: Collector<'payments'> = {
  kind: 'payments',
  collect: (site) => collectPayments(withBudget(site)),
};
