import type { ParticipationEvidence, ParticipationKind, SiteTarget } from '@egov-monitor/rubric';
import type { Page } from 'playwright-core';
import type { PageSnapshot, SnapshotForm } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import type { PhraseListId } from '../data/index.js';
import { phrases, vendors, verificationBudgets } from '../data/index.js';
import type { PageFacts } from './live/live.js';
import {
  absoluteHttpUrl,
  hasTime,
  inPage,
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
import { clip, escapeRegExp, foldAccents } from '@egov-monitor/rubric';

type Candidate = ParticipationEvidence['candidates'][number];
type Purpose = NonNullable<Candidate['purpose']>;

const MAX_LINK_TEXT = 80;
/** Platforms that exist only to let citizens propose, debate and vote (their presence is the purpose). */
const PARTICIPATION_PLATFORMS = new Set(['decidim', 'consul', 'crowdsignal', 'wordpress-polls']);

/** Purposes, most specific first: a participatory budget is voted, a petition is a proposal, a poll is a survey. */
const PURPOSES: readonly [PhraseListId, ParticipationKind][] = [
  ['participationBudget', 'participatory-budget'],
  ['participationVoting', 'e-voting'],
  ['participationPetition', 'petition'],
  ['participationComment', 'public-comment'],
  ['participationConsultation', 'consultation'],
  ['participationDebate', 'forum'],
  ['participationPoll', 'poll'],
  ['participationSurvey', 'survey'],
];

// ---------------------------------------------------------------- words

let unitPattern: RegExp | null = null;
/**
 * The name of an office or body: a unit word ("Dirección", "Secretaría"…), capitalised words, "de", and capitalised
 * words again — "Dirección General de Participación Ciudadana", "Secretaría de Consulta y Diálogo". Such a name is
 * who the institution is, not a mechanism to take part in.
 */
function unitNames(): RegExp {
  if (!unitPattern) {
    const anyCase = (word: string) =>
      [...word].map((c) => (/\p{L}/u.test(c) ? `[${c.toUpperCase()}${c}]` : escapeRegExp(c))).join('');
    const units = phrases('institutionUnits').phrases.map(anyCase).join('|');
    const capital = '\\p{Lu}[\\p{L}]*';
    const joiner = '(?:y|e|de|del|la|las|el|los|para|en|and|of|the|for)';
    unitPattern = new RegExp(
      `(?<![\\p{L}])(?:${units})(?:\\s+${capital})*\\s+(?:de|del|para|of|for)(?:\\s+(?:la|el|los|las|the))?\\s+${capital}(?:\\s+(?:${joiner}\\s+)*${capital})*`,
      'gu',
    );
  }
  return unitPattern;
}

/** The text without the institution's own name (the URL list's name, institution, acronym) and office names. */
export function withoutInstitution(
  text: string,
  target: Pick<SiteTarget, 'name' | 'institution' | 'acronym'>,
): string {
  let out = foldAccents(text);
  for (const name of [target.name, target.institution]) {
    if (name && name.trim().length > 3)
      out = out.replace(new RegExp(escapeRegExp(foldAccents(name.trim())), 'giu'), ' ');
  }
  if (target.acronym && target.acronym.trim().length > 1)
    out = out.replace(
      new RegExp(`(?<![\\p{L}])${escapeRegExp(target.acronym.trim())}(?![\\p{L}])`, 'gu'),
      ' ',
    );
  return out.replace(unitNames(), ' ');
}

/** The purpose a text names — consultation on a draft, survey, poll, petition, forum, budget, vote — and its words. */
export function readPurpose(text: string): { kind: ParticipationKind; words: string[] } | null {
  let kind: ParticipationKind | null = null;
  const words: string[] = [];
  for (const [list, listKind] of PURPOSES) {
    const found = phrases(list).find(text);
    if (found.length === 0) continue;
    kind ??= listKind;
    for (const word of found) if (!words.includes(word)) words.push(word);
  }
  return kind ? { kind, words: words.slice(0, 6) } : null;
}

/** A lead: words that name participation in general ("Participa", "Gobierno Abierto") or one of its purposes. */
function leadWords(text: string): string[] {
  const general = phrases('participation').find(text);
  return [...(readPurpose(text)?.words ?? []), ...general.filter((w) => !readPurpose(w))];
}

// ---------------------------------------------------------------- pages and forms

/** A form with what surrounds it: the words that say what it is for. */
export interface FormRead {
  selector: string;
  action: string;
  method: string;
  role: string;
  fields: { tag: string; type: string; name: string; label: string; placeholder: string }[];
  legends: string[];
  submitTexts: string[];
  /** The nearest heading before the form (or its own first heading). */
  heading: string;
  /** The text of the form's section (container) outside the form, first 600 characters. */
  around: string;
}

/** An embedded form service (iframe) with the heading and text around it. */
export interface FrameRead {
  src: string;
  heading: string;
  around: string;
}

export interface PageRead {
  url: string;
  status: number;
  title: string;
  h1: string;
  facts: PageFacts;
  forms: FormRead[];
  frames: FrameRead[];
  /** True when the forms' headings and surroundings were read in the live page (false: the crawl's snapshot only). */
  context: boolean;
}

/** Reads every form and iframe with its heading and surrounding text, in the page. */
function readFormsInPage(): { forms: FormRead[]; frames: FrameRead[]; h1: string } {
  const clean = (value: string | null | undefined, max = 300) =>
    (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const headingBefore = (element: Element): string => {
    const own = element.querySelector('h1, h2, h3, h4, legend');
    if (own) return clean((own as HTMLElement).innerText, 200);
    const all = Array.from(document.querySelectorAll('h1, h2, h3, h4'));
    let found = '';
    for (const heading of all) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
        found = clean((heading as HTMLElement).innerText, 200);
    }
    return found;
  };
  const around = (element: Element): string => {
    const holder =
      element.parentElement?.closest('section, article, fieldset, .card, main, div') ?? element.parentElement;
    if (!holder) return '';
    const copy = holder.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('form, iframe, script, style, nav, footer').forEach((node) => node.remove());
    return clean(copy.textContent, 600);
  };
  // A selector that finds the form again and only it: the path from the nearest unique id (else <html>), each step
  // narrowed by nth-of-type among its siblings — the crawl snapshot's own algorithm, so a form read live and the same
  // form read from the snapshot carry the same selector. (A bare `form:nth-of-type(k)` matches every k-th form of
  // any parent, and an attribute value must be escaped the same way it is searched.)
  const cssPath = (element: Element): string => {
    const parts: string[] = [];
    let current: Element | null = element;
    while (current && current !== document.documentElement) {
      if (current.id && document.querySelectorAll(`#${CSS.escape(current.id)}`).length === 1) {
        parts.unshift(`#${CSS.escape(current.id)}`);
        return parts.join(' > ');
      }
      const parent: Element | null = current.parentElement;
      const tag = current.tagName.toLowerCase();
      if (!parent) {
        parts.unshift(tag);
        break;
      }
      const same = Array.from(parent.children).filter((child) => child.tagName === current!.tagName);
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(current) + 1})` : tag);
      current = parent;
    }
    return ['html', ...parts].join(' > ');
  };
  const labelOf = (element: Element): string => {
    const id = element.getAttribute('id');
    const byFor = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
    const wrapping = element.closest('label');
    return clean(
      byFor?.textContent ??
        wrapping?.textContent ??
        element.getAttribute('aria-label') ??
        element.getAttribute('title') ??
        '',
      160,
    );
  };
  const forms: FormRead[] = Array.from(document.forms).map((form) => ({
    selector: cssPath(form),
    action: form.getAttribute('action') === null ? '' : form.action,
    method: (form.getAttribute('method') ?? 'get').toLowerCase(),
    role: form.getAttribute('role') ?? '',
    fields: Array.from(form.querySelectorAll('input, textarea, select, button')).map((el) => ({
      tag: el.tagName.toLowerCase(),
      type: (
        el.getAttribute('type') ??
        (el.tagName === 'BUTTON' ? 'submit' : el.tagName === 'INPUT' ? 'text' : el.tagName.toLowerCase())
      ).toLowerCase(),
      name: el.getAttribute('name') ?? el.id ?? '',
      label: labelOf(el),
      placeholder: el.getAttribute('placeholder') ?? '',
    })),
    legends: Array.from(form.querySelectorAll('legend')).map((legend) =>
      clean((legend as HTMLElement).innerText, 200),
    ),
    submitTexts: Array.from(form.querySelectorAll('button, input[type=submit], input[type=image]'))
      .filter((b) => (b.getAttribute('type') ?? 'submit').toLowerCase() === 'submit' || b.tagName === 'INPUT')
      .map((b) =>
        clean((b as HTMLElement).innerText || b.getAttribute('value') || b.getAttribute('aria-label'), 80),
      ),
    heading: headingBefore(form),
    around: around(form),
  }));
  const frames: FrameRead[] = Array.from(document.querySelectorAll('iframe'))
    .filter((frame) => (frame as HTMLIFrameElement).src)
    .map((frame) => ({
      src: (frame as HTMLIFrameElement).src,
      heading: headingBefore(frame),
      around: around(frame),
    }));
  const h1 = document.querySelector('h1');
  return { forms, frames, h1: clean((h1 as HTMLElement | null)?.innerText, 200) };
}

/** The crawl's snapshot as a PageRead, when the page could not be read again live (no headings around forms). */
export function pageReadFromSnapshot(page: PageSnapshot): PageRead {
  return {
    url: page.url,
    status: page.status,
    title: page.title,
    h1: page.headings.find((h) => h.level === 1)?.text ?? '',
    facts: page,
    forms: page.forms
      .filter((f) => !f.formless)
      .map((f: SnapshotForm) => ({
        selector: f.selector,
        action: f.action,
        method: f.method,
        role: f.role,
        fields: f.fields.map((x) => ({
          tag: x.tag,
          type: x.type,
          name: x.name || x.id,
          label: x.label,
          placeholder: x.placeholder,
        })),
        legends: [],
        submitTexts: f.submitTexts,
        heading: '',
        around: '',
      })),
    frames: page.iframes.map((src) => ({ src, heading: '', around: '' })),
    context: false,
  };
}

async function readLive(site: SiteContext, url: string): Promise<{ read: PageRead | null; error?: string }> {
  try {
    return await withPage(site, async (page: Page) => {
      const response = await page.goto(url, {
        waitUntil: 'domcontentloaded',
        timeout: navigationTimeout(site),
      });
      await settle(page, site);
      const facts = await readPage(page);
      const extra = await inPage(page, readFormsInPage, undefined);
      return {
        read: {
          url: page.url(),
          status: response?.status() ?? 0,
          title: facts.title,
          h1: extra.h1,
          facts,
          forms: extra.forms,
          frames: extra.frames,
          context: true,
        },
      };
    });
  } catch (error) {
    return { read: null, error: (error as Error).message.split('\n')[0] ?? 'navigation failed' };
  }
}

// ---------------------------------------------------------------- judging

const CHOICE = (f: FormRead['fields'][number]) =>
  f.type === 'radio' || f.type === 'checkbox' || f.tag === 'select';
const VISIBLE = (f: FormRead['fields'][number]) =>
  !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type) && f.tag !== 'button';

/** A form a citizen answers: choices or free text, and a submit; never a search or a sign-in. */
export function answerable(form: Pick<FormRead, 'fields' | 'submitTexts' | 'role'>): boolean {
  if (form.role === 'search' || form.fields.some((f) => f.type === 'search' || f.type === 'password'))
    return false;
  const answers = form.fields.some((f) => CHOICE(f) || f.tag === 'textarea');
  const submit =
    form.submitTexts.length > 0 ||
    form.fields.some((f) => f.type === 'submit' || f.type === 'image' || f.tag === 'button');
  return answers && submit;
}

/**
 * A generic contact form: only who writes (name, e-mail, phone, DPI, address), a subject and a message — a channel
 * to the institution (interactive_channels, email_contact), not a way to take part in a decision.
 */
export function contactLike(form: Pick<FormRead, 'fields'>): boolean {
  const visible = form.fields.filter(VISIBLE);
  if (visible.some(CHOICE)) return false;
  const identity = phrases('accountFormIdentity');
  const contact = phrases('contactForm');
  return visible.every(
    (f) =>
      f.tag === 'textarea' ||
      ['email', 'tel'].includes(f.type) ||
      identity.test(`${f.name} ${f.label} ${f.placeholder}`) ||
      contact.test(`${f.name} ${f.label} ${f.placeholder}`) ||
      /captcha|nombre|name/i.test(f.name),
  );
}

function fieldList(form: FormRead): string[] {
  return form.fields
    .filter(VISIBLE)
    .slice(0, 10)
    .map((f) => `${f.type} ${f.name}${f.label ? ` "${clip(f.label, 60)}"` : ''}`.trim());
}

/** The first part of a title ("Consulta pública | INVISO" → "Consulta pública"). */
function titleHead(title: string): string {
  return title.split(/\s+[|–—-]\s+/)[0] ?? title;
}

/** What the page offers to take part in: one candidate per answerable form or embedded form service. */
export function judgePage(
  read: PageRead,
  target: Pick<SiteTarget, 'name' | 'institution' | 'acronym'>,
  prefix: string,
  /** What the lead named, for a form whose purpose could not be read. */
  leadKind: ParticipationKind = 'consultation',
): Candidate[] {
  const strip = (text: string) => withoutInstitution(text, target);
  const soon = looksComingSoon(read.facts);
  const notFound = looksNotFound(read.facts);
  const pagePurpose = readPurpose(strip(`${read.h1}\n${titleHead(read.title)}`));
  const top = `${read.title}\n${read.h1}\n${read.facts.text.slice(0, 1_500)}`;
  const candidates: Candidate[] = [];
  const base = (extra: Partial<Candidate>): Candidate => ({
    url: read.url,
    kind: leadKind,
    hasForm: false,
    comingSoon: !!soon,
    detail: '',
    ...extra,
  });

  for (const form of read.forms.filter(answerable)) {
    const own = strip(
      [
        ...form.fields.flatMap((f) => [f.label, f.placeholder, f.name.replace(/[_-]+/g, ' ')]),
        ...form.legends,
        ...form.submitTexts,
      ].join('\n'),
    );
    const context = strip(`${form.heading}\n${form.around}`);
    const generic = contactLike(form);
    const fromForm = readPurpose(own);
    const fromContext = readPurpose(context);
    // A contact form takes part in nothing unless its own words or its heading say what it is for; any other
    // answerable form (a question with choices) may take its purpose from the page's heading.
    const purpose: (Purpose & { kind: ParticipationKind }) | null = fromForm
      ? { ...fromForm, where: 'form' }
      : fromContext
        ? { ...fromContext, where: 'form-heading' }
        : pagePurpose && !generic
          ? { ...pagePurpose, where: 'page-heading' }
          : null;
    const closed = phrases('participationClosed').find(`${form.heading}\n${form.around}\n${top}`)[0];
    const notes = [
      prefix,
      `form ${form.selector}${form.heading ? ` under "${clip(form.heading, 80)}"` : ''} (${fieldList(form).join(', ')})`,
    ];
    if (purpose)
      notes.push(
        `purpose "${purpose.words.join('", "')}" read from the ${purpose.where === 'form' ? "form's fields and buttons" : purpose.where === 'form-heading' ? 'heading and text around the form' : "page's title"}`,
      );
    else if (generic)
      notes.push('a generic contact form (who writes, subject, message): a channel, not participation');
    else
      notes.push(
        read.context
          ? 'no participation purpose read'
          : "no participation purpose read (the form's surroundings were not read)",
      );
    if (closed) notes.push(`says "${closed}"`);
    if (soon) notes.push(`says "${soon}"`);
    if (notFound) notes.push(`says "${notFound}"`);
    candidates.push(
      base({
        kind: purpose?.kind ?? (generic ? 'contact-form' : leadKind),
        hasForm: !soon && !notFound && !closed,
        ...(purpose ? { purpose: { words: purpose.words, where: purpose.where } } : {}),
        fields: fieldList(form),
        ...(closed ? { closed: true } : {}),
        ...(!purpose && !generic && !read.context
          ? { unread: "the form's heading and surroundings could not be read" }
          : {}),
        detail: clip(notes.join('; '), 600),
      }),
    );
  }

  for (const frame of read.frames) {
    const vendor = vendors.forms.find(
      (v) => v.src.some((p) => p.test(frame.src)) || v.links.some((p) => p.test(frame.src)),
    );
    if (!vendor) continue;
    const platform = PARTICIPATION_PLATFORMS.has(vendor.id);
    const fromContext = readPurpose(strip(`${frame.heading}\n${frame.around}`));
    const purpose: Purpose | null = platform
      ? { words: [vendor.name], where: 'platform' }
      : fromContext
        ? { words: fromContext.words, where: 'form-heading' }
        : pagePurpose
          ? { words: pagePurpose.words, where: 'page-heading' }
          : null;
    const closed = phrases('participationClosed').find(`${frame.heading}\n${frame.around}\n${top}`)[0];
    candidates.push(
      base({
        kind: fromContext?.kind ?? pagePurpose?.kind ?? 'embedded-form',
        vendor: vendor.name,
        hasForm: !soon && !notFound && !closed,
        ...(purpose ? { purpose } : {}),
        ...(closed ? { closed: true } : {}),
        detail: clip(
          `${prefix}; ${vendor.name} iframe${frame.heading ? ` under "${clip(frame.heading, 80)}"` : ''}: ${clip(frame.src, 120)}${purpose ? `; purpose "${purpose.words.join('", "')}"` : '; no participation purpose read'}${closed ? `; says "${closed}"` : ''}${soon ? `; says "${soon}"` : ''}`,
          600,
        ),
      }),
    );
  }

  for (const hit of vendorsOnPage(read.facts, vendors.forms)) {
    if (!PARTICIPATION_PLATFORMS.has(hit.vendor.id) || hit.how === 'link' || hit.how === 'iframe') continue;
    candidates.push(
      base({
        kind: hit.vendor.id.includes('poll') || hit.vendor.id === 'crowdsignal' ? 'poll' : 'consultation',
        vendor: hit.vendor.name,
        hasForm: !soon && !notFound,
        purpose: { words: [hit.vendor.name], where: 'platform' },
        detail: clip(`${prefix}; ${hit.vendor.name} ${hit.how}: ${hit.evidence}`, 400),
      }),
    );
  }

  if (candidates.length === 0) {
    candidates.push(
      base({
        kind: pagePurpose?.kind ?? leadKind,
        detail: clip(
          `${prefix}; no form to answer${soon ? `; says "${soon}"` : ''}${notFound ? `; says "${notFound}"` : ''}`,
          400,
        ),
      }),
    );
  }
  return candidates;
}

// ---------------------------------------------------------------- leads

function hasPlatform(page: PageSnapshot): boolean {
  return vendorsOnPage(page, vendors.forms).some(
    (h) => PARTICIPATION_PLATFORMS.has(h.vendor.id) && h.how !== 'link',
  );
}

/** The page has something a citizen could answer: a form, an embedded form service, a participation platform. */
function offersSomething(page: PageSnapshot): boolean {
  return (
    page.forms.some((f) => answerable(f)) ||
    page.iframes.some((src) =>
      vendors.forms.some((v) => v.src.some((p) => p.test(src)) || v.links.some((p) => p.test(src))),
    ) ||
    hasPlatform(page)
  );
}

interface Lead {
  url: string;
  from: string;
  words: string[];
  /** Purpose words (not only "Participa", "Gobierno Abierto") in the lead. */
  specific: boolean;
  snapshot?: PageSnapshot;
  text: string;
}

/** Pages and links that may hold a participation mechanism, the most specific first. */
export function findLeads(
  site: Pick<SiteContext, 'pages' | 'target' | 'isSameSite'> & { isOwn: (url: string) => boolean },
): {
  pages: Lead[];
  external: { url: string; from: string; text: string; vendor: string }[];
} {
  const strip = (text: string) => withoutInstitution(text, site.target);
  const leads = new Map<string, Lead>();
  const external = new Map<string, { url: string; from: string; text: string; vendor: string }>();
  const add = (lead: Lead) => {
    const known = leads.get(lead.url);
    if (!known || (!known.specific && lead.specific))
      leads.set(lead.url, { ...lead, snapshot: lead.snapshot ?? known?.snapshot });
  };
  const analysed = new Map(site.pages.map((p) => [p.url, p]));
  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    const pageText = strip(
      [titleHead(page.title), ...page.headings.filter((h) => h.level <= 3).map((h) => h.text)].join('\n'),
    );
    const formText = strip(
      page.forms
        .filter((f) => answerable(f))
        .flatMap((f) => [...f.fields.map((x) => `${x.label} ${x.placeholder}`), ...f.submitTexts])
        .join('\n'),
    );
    const words = [...new Set([...leadWords(pageText), ...(readPurpose(formText)?.words ?? [])])];
    const platform = hasPlatform(page);
    if ((words.length > 0 && offersSomething(page)) || platform)
      add({
        url: page.url,
        from: page.url,
        words,
        specific: !!readPurpose(`${pageText}\n${formText}`) || platform,
        snapshot: page,
        text: clip(page.title, 80),
      });

    for (const link of page.links) {
      const href = absoluteHttpUrl(link.href);
      const text = (link.text || link.label).trim();
      if (!href || !text) continue;
      const vendor = vendors.forms.find((v) => v.links.some((p) => p.test(href)));
      const linkText = strip(`${text} ${link.context}`);
      if (vendor && !site.isOwn(href)) {
        if ((leadWords(linkText).length > 0 || PARTICIPATION_PLATFORMS.has(vendor.id)) && !external.has(href))
          external.set(href, { url: href, from: page.url, text: clip(text, 80), vendor: vendor.name });
        continue;
      }
      if (text.length > MAX_LINK_TEXT || !site.isSameSite(href)) continue;
      const target = href.split('#')[0]!;
      const linkWords = leadWords(strip(text));
      if (linkWords.length === 0) continue;
      // An analysed page without a form, an embedded form or a platform offers nothing to answer: no need to read it.
      const known = analysed.get(target);
      if (known && !offersSomething(known)) continue;
      add({
        url: target,
        from: page.url,
        words: linkWords,
        specific: !!readPurpose(strip(text)),
        snapshot: analysed.get(target),
        text: clip(text, 80),
      });
    }
  }
  const order = (a: Lead, b: Lead) => Number(b.specific) - Number(a.specific) || a.url.localeCompare(b.url);
  return {
    pages: [...leads.values()].sort(order),
    external: [...external.values()].sort((a, b) => a.url.localeCompare(b.url)),
  };
}

/** The <title> and og:title of an external form page (a form service shows the form's own name there). */
function externalTitle(html: string): string {
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html)?.[1] ?? '';
  const og = /<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']{1,300})["']/i.exec(html)?.[1] ?? '';
  return `${og}\n${title}`.replace(/&[a-z#0-9]+;/gi, ' ').trim();
}

/**
 * e_participation: a mechanism identified by its purpose (issue #17) — consultation on a draft, survey or poll,
 * petition, forum, participatory budget, public comment, vote — read from the form's own fields, legends and
 * buttons, the heading and text around it, or the page's title; or from an external form's own title. Pages and
 * links named "Participa", "Gobierno Abierto" or "Participación ciudadana" are only leads, read live (bounded by
 * data) to judge their forms; the institution's own name and office names never count; a generic contact form is
 * a channel, not participation; "Próximamente" and closed consultations offer nothing to answer.
 */
export async function collectParticipation(site: SiteContext): Promise<ParticipationEvidence> {
  const isOwn = ownUrl(site);
  // Named, not spread: `site` may be a prototype-linked view (withBudget), whose spread loses the inherited fields.
  const { pages: leads, external } = findLeads({
    pages: site.pages,
    target: site.target,
    isSameSite: (url) => site.isSameSite(url),
    isOwn,
  });
  const candidates = new Map<string, Candidate>();
  const add = (candidate: Candidate) => {
    const key = `${candidate.url}|${candidate.vendor ?? ''}|${candidate.detail.slice(0, 200)}`;
    if (!candidates.has(key)) candidates.set(key, candidate);
  };
  const budget = verificationBudgets.participation;
  let notRead = 0;
  const toRead = leads.slice(0, budget.maxPagesRead);
  for (const [index, lead] of toRead.entries()) {
    if (!hasTime(site, 5_000)) {
      notRead = toRead.length - index;
      site.log(`participation: safety time limit reached, ${notRead} pages not read`);
      break;
    }
    const prefix =
      lead.from === lead.url
        ? `page "${lead.text}" (${lead.words.join(', ') || 'platform'})`
        : `"${lead.text}" on ${lead.from}`;
    const leadKind = readPurpose(lead.words.join('\n'))?.kind ?? 'consultation';
    const live = await readLive(site, lead.url);
    if (live.read && live.read.status < 400) {
      for (const candidate of judgePage(
        live.read,
        site.target,
        `${prefix} → HTTP ${live.read.status}`,
        leadKind,
      ))
        add(candidate);
    } else if (lead.snapshot) {
      for (const candidate of judgePage(
        pageReadFromSnapshot(lead.snapshot),
        site.target,
        `${prefix} (read from the crawl: ${live.error ?? `HTTP ${live.read?.status}`})`,
        leadKind,
      ))
        add(candidate);
    } else {
      const failed = !live.read;
      add({
        url: lead.url,
        kind: readPurpose(lead.words.join(' '))?.kind ?? 'consultation',
        hasForm: false,
        comingSoon: false,
        ...(failed && isUnfinished(live.error)
          ? { unread: `did not finish loading: ${clip(live.error ?? '', 120)}` }
          : {}),
        detail: clip(
          `${prefix} → ${failed ? `could not be opened (${live.error ?? 'no response'})` : `HTTP ${live.read!.status}`}`,
          300,
        ),
      });
    }
  }

  // External form services: one GET each reads the form's own title and whether it still takes answers.
  for (const item of external.slice(0, budget.maxExternalForms)) {
    if (!hasTime(site, 3_000)) {
      notRead += 1;
      continue;
    }
    const response = await site.fetch(item.url, { method: 'GET', maxBytes: 64 * 1024 });
    const body = response.head.toString('utf8');
    const title = externalTitle(body);
    const purpose = readPurpose(withoutInstitution(title, site.target));
    const closed = phrases('participationClosed').find(body.replace(/<[^>]+>/g, ' '))[0];
    const answered = !response.error && response.status > 0 && response.status < 400;
    add({
      url: item.url,
      kind: purpose?.kind ?? 'embedded-form',
      vendor: item.vendor,
      hasForm: answered && !closed,
      comingSoon: false,
      ...(purpose ? { purpose: { words: purpose.words, where: 'external-form' } } : {}),
      ...(closed ? { closed: true } : {}),
      ...(isUnfinished(response.error)
        ? { unread: `the form did not finish loading (${response.error})` }
        : {}),
      detail: clip(
        `"${item.text}" on ${item.from} → ${item.vendor}, HTTP ${response.status}${response.error ? ` (${response.error})` : ''}${title ? `; its title "${clip(title.replace(/\s+/g, ' '), 100)}"` : ''}${purpose ? '' : '; no participation purpose in its title'}${closed ? `; says "${closed}"` : ''}`,
        400,
      ),
    });
  }

  return {
    candidates: [...candidates.values()].sort(
      (a, b) =>
        a.url.localeCompare(b.url) ||
        (a.vendor ?? '').localeCompare(b.vendor ?? '') ||
        a.detail.localeCompare(b.detail),
    ),
    ...(notRead > 0 ? { notRead } : {}),
  };
}

export const participationCollector: Collector<'participation'> = {
  kind: 'participation',
  collect: (site) => collectParticipation(withBudget(site)),
};
