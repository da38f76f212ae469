import type { PaymentsEvidence } from '@egov-monitor/rubric';
import type { SnapshotForm, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { liveSteps, patterns, phrases, vendors } from '../data/index.js';
import type { PageFacts } from './live/live.js';
import {
  absoluteHttpUrl,
  hasTime,
  looksComingSoon,
  looksNotFound,
  openAndRead,
  withBudget,
} from './live/live.js';
import { vendorsOnPage } from './recognize/vendors.js';
import { describeForm, judgeLookupForm, lookupKindOf, takeLookupStep } from './flows/lookup-form.js';
import { markIfUnfinished } from './live/unfinished.js';
import { clip, pathWords } from '@egov-monitor/rubric';

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
  extra: { linkText?: string; prefix: string; reachedBy?: Candidate['reachedBy']; notSent?: string[] },
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
    ...(extra.reachedBy ? { reachedBy: extra.reachedBy } : {}),
    ...(extra.notSent?.length ? { notSent: extra.notSent } : {}),
    detail: clip(notes.filter(Boolean).join('; '), 600),
  };
}

function isPaymentLink(link: SnapshotLink): boolean {
  const text = (link.text || link.label).trim();
  return !!text && text.length <= MAX_LINK_TEXT && phrases('paymentLink').test(text);
}

/** A page about paying (its title, main headings or address say so): where a lookup may lead to the payment. */
function aboutPaying(page: Pick<PageFacts, 'url' | 'title' | 'headings'>): boolean {
  const paying = phrases('paymentPage', 'paymentLink');
  return (
    paying.test(page.title) ||
    page.headings.some((h) => h.level <= 2 && paying.test(h.text)) ||
    paying.test(pathWords(page.url).join(' '))
  );
}

/** A page reached without a payment flow of its own, whose forms may lead one step further to it. */
interface LookupCandidate {
  url: string;
  facts: Pick<PageFacts, 'url' | 'forms'>;
  linkText?: string;
}

/**
 * e_payments: pages and forms with card fields or a payment gateway (scripts, iframes, form targets), the pages
 * behind "Pagar en línea" links (followed live, bounded), and one harmless step further: on a page about paying
 * without a payment flow, a lookup form (a GET asking for a plate, a case number, a DPI) is filled and sent, and the
 * next step is read — a card form that only appears at step 2 is a payment. Forms that would act (a POST, a card
 * or password field, a "Pagar" button) are judged and never sent. Each candidate carries its protocol, the TLS
 * verdict of its host and the absolute URL its form posts to: a card form posting to http:// is a finding.
 */
export async function collectPayments(site: SiteContext): Promise<PaymentsEvidence> {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const links = new Map<string, { from: string; link: SnapshotLink }>();
  const lookups: LookupCandidate[] = [];

  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    const facts = paymentFacts(page);
    if (facts.cardFields.length > 0 || facts.gateways.length > 0) {
      seen.add(page.url);
      candidates.push(await candidate(site, page.url, facts, { prefix: 'analysed page' }));
    } else if (aboutPaying(page) && page.forms.length > 0) {
      lookups.push({ url: page.url, facts: page });
    }
    for (const link of page.links) {
      const href = absoluteHttpUrl(link.href);
      if (href && isPaymentLink(link) && !links.has(href) && href.split('#')[0] !== page.url.split('#')[0])
        links.set(href, { from: page.url, link: { ...link, href } });
    }
  }

  // Analysed pages are judged from their snapshot above; only pages the crawl did not read are opened.
  const analysed = new Set(site.pages.map((p) => p.url.split('#')[0]));
  for (const { from, link } of [...links.values()]
    .filter(({ link }) => !analysed.has(link.href.split('#')[0]))
    .slice(0, MAX_FOLLOWED)) {
    if (seen.has(link.href)) continue;
    if (!hasTime(site, 5_000)) {
      site.log('payments: deadline reached, remaining payment links not followed');
      break;
    }
    const linkText = clip(link.text || link.label, 80);
    const opened = await openAndRead(site, link.href);
    markIfUnfinished(site, opened.error, `the payment link ${link.href}`);
    const url = opened.facts?.url ?? link.href;
    if (seen.has(url)) continue;
    seen.add(url);
    const facts = opened.facts ? paymentFacts(opened.facts) : { cardFields: [], gateways: [], evidence: [] };
    const notFound = opened.facts ? looksNotFound(opened.facts) : null;
    const soon = opened.facts ? looksComingSoon(opened.facts) : null;
    const noFlow = !facts.cardFields.length && !facts.gateways.length;
    if (noFlow && opened.facts && !notFound && !soon && opened.facts.forms.length > 0)
      lookups.push({ url, facts: opened.facts, linkText });
    const prefix = `"${linkText}" on ${from} → HTTP ${opened.status}${opened.error ? ` (${clip(opened.error, 80)})` : ''}${notFound ? `, says "${notFound}"` : ''}${soon ? `, says "${soon}"` : ''}${
      noFlow ? ', no card fields or payment gateway' : ''
    }`;
    candidates.push(await candidate(site, url, facts, { linkText, prefix }));
  }

  candidates.push(...(await lookupSteps(site, lookups, seen, candidates)));
  return {
    candidates: candidates.sort((a, b) => a.url.localeCompare(b.url) || a.detail.localeCompare(b.detail)),
  };
}

/**
 * One harmless step further on pages about paying that show no payment flow: each lookup form is judged; a
 * harmless one is filled and sent (bounded per site by data, in the pages' order) and its answer read for card
 * fields and gateways; one that would act is recorded as not sent, on the page's candidate.
 */
async function lookupSteps(
  site: SiteContext,
  pages: LookupCandidate[],
  seen: Set<string>,
  candidates: Candidate[],
): Promise<Candidate[]> {
  const found: Candidate[] = [];
  let steps = 0;
  for (const page of pages) {
    const notSent: string[] = [];
    const tried: string[] = [];
    for (const form of page.facts.forms) {
      const judged = judgeLookupForm(form);
      if (!judged.harmless) {
        // Only forms that look like the way to pay are worth a note (they ask for what a payment looks up, or say
        // they pay): a site search, a chat or a newsletter box is not.
        if (
          /pag|pay/i.test(form.submitTexts.join(' ')) ||
          cardFieldsOf(form).length > 0 ||
          form.fields.some((f) => lookupKindOf(f))
        )
          notSent.push(`${describeForm(form)}: not sent, ${judged.why}`);
        continue;
      }
      if (steps >= liveSteps.lookup.stepsPerSite) {
        site.log(
          `payments: lookup budget (${liveSteps.lookup.stepsPerSite} per site) spent; ${describeForm(form)} not tried`,
        );
        continue;
      }
      if (!hasTime(site, 10_000)) {
        site.log(`payments: safety time limit reached; ${describeForm(form)} not tried`);
        continue;
      }
      steps += 1;
      const step = await takeLookupStep(site, page.url, form);
      // A step 2 still loading at its safety bound, or cut by a time limit, proves nothing about the payment.
      if (step.reaction === 'timeout')
        site.markIncomplete?.({
          code: 'page-timeout',
          message: `the lookup on ${page.url}: ${step.problem ?? 'step 2 did not finish'}`,
        });
      else markIfUnfinished(site, step.problem, `the lookup on ${page.url}`);
      const facts = step.facts ? paymentFacts(step.facts) : { cardFields: [], gateways: [], evidence: [] };
      if (!step.facts || (!facts.cardFields.length && !facts.gateways.length)) {
        const refused = step.refused.length ? ` (refused, it would act: ${step.refused.join(', ')})` : '';
        tried.push(
          `${step.form}: looked up with ${step.values.join(', ') || 'no values'} — ${step.problem ?? `step 2 (${clip(step.url, 120)}) has no card fields or payment gateway`}${refused}`,
        );
        continue;
      }
      if (seen.has(step.url)) continue;
      seen.add(step.url);
      const refused = step.refused.length ? `; refused while looking up: ${step.refused.join(', ')}` : '';
      found.push(
        await candidate(site, step.url, facts, {
          ...(page.linkText !== undefined ? { linkText: page.linkText } : {}),
          reachedBy: { from: page.url, form: step.form, values: step.values },
          prefix: `step 2 of a lookup: on ${page.url} ${step.form} was filled (${step.values.join(', ')}) and sent${refused}`,
        }),
      );
    }
    if (notSent.length === 0 && tried.length === 0) continue;
    // The page's own candidate (a followed link) carries what was judged and tried; an analysed page gets one.
    const own = candidates.find((c) => c.url === page.url);
    if (own) {
      if (notSent.length) own.notSent = [...(own.notSent ?? []), ...notSent];
      own.detail = clip([own.detail, ...notSent, ...tried].join('; '), 900);
    } else {
      found.push(
        await candidate(
          site,
          page.url,
          { cardFields: [], gateways: [], evidence: [] },
          {
            prefix: ['analysed page about paying, no card fields or payment gateway', ...tried].join('; '),
            notSent,
          },
        ),
      );
    }
  }
  return found;
}

export const paymentsCollector: Collector<'payments'> = {
  kind: 'payments',
  // The live steps are bounded in number by data/live-steps.json; the time limit is the site scan's collector
  // safety net (COLLECTOR_TIMEOUT_MS), far above what they need on a healthy site.
  collect: (site) => collectPayments(withBudget(site)),
};
