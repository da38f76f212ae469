import type { ContactEvidence } from '@egov-monitor/rubric';
import type { PageSnapshot, SnapshotForm, SnapshotFormField } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { obfuscation, patterns, phrases } from '../data/index.js';
import { hasTime, withBudget } from './live/live.js';
import { clip } from '@egov-monitor/rubric';

const MAX_FORMS_CHECKED = 10;
const MAX_ADDRESSES = 100;

/** File names that look like addresses ("logo@2x.png"). */
const NOT_A_TLD = /^(?:png|jpe?g|gif|svg|webp|bmp|ico|css|js|pdf)$/i;
const PLAIN =
  /(?<![\p{L}\d._%+-])([a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?![\p{L}\d])/giu;

function plausible(address: string): boolean {
  const tld = address.split('.').pop() ?? '';
  return (
    /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(address) &&
    !NOT_A_TLD.test(tld) &&
    address.length <= 120
  );
}

/** Addresses shown in text, plain ("info@sat.gob.gt") and obfuscated ("info [arroba] sat [punto] gob [punto] gt"). */
export function addressesInText(text: string): { address: string; obfuscated: boolean; raw: string }[] {
  const found = new Map<string, { address: string; obfuscated: boolean; raw: string }>();
  for (const match of text.matchAll(PLAIN)) {
    const address = match[1]!.toLowerCase().replace(/\.$/, '');
    if (plausible(address) && !found.has(address))
      found.set(address, { address, obfuscated: false, raw: match[0] });
  }
  for (const source of patterns('obfuscatedEmail').map((p) => p.source)) {
    const pattern = new RegExp(source, 'giu');
    for (const match of text.matchAll(pattern)) {
      const raw = match[0];
      const atPart = raw.slice(match[1]!.length, raw.length - match[2]!.length);
      let domain = match[2]!;
      for (const dot of obfuscation.dot) domain = domain.replace(dot, '.');
      domain = domain.replace(/\s+/g, '').toLowerCase();
      // A bare English " at " is ordinary prose ("apply online at www.sat.gob.gt") unless the dots are spelled out too.
      if (/^\s+at\s+$/i.test(atPart) && !/\b(?:dot|punto)\b|[[({]/i.test(match[2]!)) continue;
      const address = `${match[1]!.toLowerCase()}@${domain}`;
      if (!plausible(address) || found.has(address)) continue;
      found.set(address, { address, obfuscated: true, raw: clip(raw, 80) });
    }
  }
  return [...found.values()];
}

function fieldText(field: SnapshotFormField): string {
  return [field.name, field.id, field.placeholder, field.label, field.autocomplete].join(' ');
}

const EMAIL_FIELD = /\b(?:e-?mail|correo|mail)\b/i;
const PHONE_FIELD = /\b(?:tel(?:efono)?|phone|celular|movil|m[oó]vil|whatsapp)\b/i;

function describeField(field: SnapshotFormField): string {
  const kind = field.tag === 'input' ? `input[${field.type || 'text'}]` : field.tag;
  return `${kind} ${field.name || field.id || field.label || field.placeholder}`.trim();
}

/** Form-handling plugins and services that submit by script (the form's action may be "#"). */
const SCRIPT_HANDLERS: [RegExp, string][] = [
  [/contact-form-7|wpcf7/i, 'Contact Form 7'],
  [/wpforms/i, 'WPForms'],
  [/gravityforms|gform_/i, 'Gravity Forms'],
  [/ninja-forms|nf-form/i, 'Ninja Forms'],
  [/elementor-pro.*forms|elementor-form/i, 'Elementor forms'],
  [/formspree\.io/i, 'Formspree'],
  [/emailjs/i, 'EmailJS'],
  [/js\.hsforms\.net|hbspt\.forms/i, 'HubSpot forms'],
  [/webforms|drupal\.behaviors\.webform/i, 'Drupal Webform'],
  [/jotform/i, 'Jotform'],
];

/** The form is sent by JavaScript to a real endpoint (a plugin, or a script that posts with fetch/XHR/jQuery). */
function scriptHandler(page: PageSnapshot, form: SnapshotForm): string | null {
  for (const [pattern, name] of SCRIPT_HANDLERS) {
    if (
      page.scripts.some((s) => pattern.test(s)) ||
      page.inlineScripts.some((s) => pattern.test(s)) ||
      pattern.test(form.id) ||
      pattern.test(form.selector)
    )
      return name;
  }
  const refs = [form.id, form.name].filter(Boolean);
  for (const script of page.inlineScripts) {
    const posts = /\bfetch\s*\(|XMLHttpRequest|\$\.(?:ajax|post)|axios\.post|\.ajax\s*\(/.test(script);
    const handlesSubmit = /submit|preventDefault/.test(script);
    const refersToForm = refs.length === 0 || refs.some((r) => script.includes(r));
    if (posts && handlesSubmit && refersToForm) return 'a page script that posts it (fetch/XHR)';
  }
  return null;
}

async function checkTarget(
  site: SiteContext,
  page: PageSnapshot,
  form: SnapshotForm,
): Promise<{ works: boolean; detail: string }> {
  const action = form.action.trim();
  const pageUrl = page.url.split('#')[0]!;
  if (action.toLowerCase().startsWith('mailto:'))
    return { works: true, detail: `action ${clip(action, 80)}: the visitor's mail client sends it` };
  const deadHash = action === '#' || action.endsWith('#') || action.toLowerCase().startsWith('javascript:');
  if (deadHash) {
    const handler = scriptHandler(page, form);
    return handler
      ? { works: true, detail: `action "${clip(action, 60)}" but sent by ${handler}` }
      : {
          works: false,
          detail: `action "${clip(action, 60)}" and no script that sends it: the form goes nowhere`,
        };
  }
  const target = action === '' ? pageUrl : action.split('#')[0]!;
  if (target === pageUrl && page.status < 400)
    return { works: true, detail: `submits to its own page (HTTP ${page.status})` };
  if (!/^https?:/i.test(target))
    return { works: false, detail: `action "${clip(action, 80)}" is not a web address` };
  // HEAD first (cheap, sends nothing); some servers refuse HEAD, so a failed HEAD is retried with GET.
  let response = await site.fetch(target, { method: 'HEAD' });
  const dead = (status: number) => status === 0 || status === 404 || status === 410 || status >= 500;
  if (dead(response.status)) response = await site.fetch(target, { method: 'GET', maxBytes: 4 * 1024 });
  if (dead(response.status))
    return {
      works: false,
      detail: `action ${clip(target, 100)} answers ${response.error ? response.error : `HTTP ${response.status}`}`,
    };
  return {
    works: true,
    detail: `action ${clip(target, 100)} answers HTTP ${response.status} to ${response.status === 405 ? 'HEAD/GET (POST only)' : 'HEAD/GET'}`,
  };
}

/**
 * email_contact: mailto links, addresses shown in text (also obfuscated), and contact forms whose target
 * answers — checked with HEAD/GET, never by sending a message.
 */
export async function collectContact(site: SiteContext): Promise<ContactEvidence> {
  const mailto = new Map<string, { url: string; address: string }>();
  const visible = new Map<string, { url: string; address: string; obfuscated: boolean }>();
  const forms: { page: PageSnapshot; form: SnapshotForm }[] = [];
  const contactWords = phrases('contactForm');

  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    for (const link of page.links) {
      if (!link.href.toLowerCase().startsWith('mailto:')) continue;
      const address = decodeURIComponent(link.href.slice(7).split('?')[0] ?? '')
        .trim()
        .toLowerCase();
      for (const one of address.split(/[,;]/).map((a) => a.trim())) {
        if (plausible(one) && !mailto.has(one)) mailto.set(one, { url: page.url, address: one });
      }
    }
    for (const { address, obfuscated } of addressesInText(page.text)) {
      const key = `${address}|${obfuscated}`;
      if (!visible.has(key) && visible.size < MAX_ADDRESSES)
        visible.set(key, { url: page.url, address, obfuscated });
    }
    for (const form of page.forms) {
      const fields = form.fields.filter(
        (f) => f.tag !== 'button' && !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type),
      );
      if (fields.some((f) => f.type === 'password' || f.type === 'search')) continue;
      const hasMessage = fields.some((f) => f.tag === 'textarea');
      const named = contactWords.test(
        [form.id, form.name, form.action, ...form.submitTexts, ...fields.map(fieldText)].join(' '),
      );
      if (hasMessage || named) forms.push({ page, form });
    }
  }

  const contactForms: ContactEvidence['contactForms'] = [];
  for (const { page, form } of forms.slice(0, MAX_FORMS_CHECKED)) {
    const fields = form.fields.filter(
      (f) => f.tag !== 'button' && !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type),
    );
    const hasMessage = fields.some((f) => f.tag === 'textarea');
    const canAnswer = fields.some(
      (f) =>
        f.type === 'email' ||
        f.type === 'tel' ||
        EMAIL_FIELD.test(fieldText(f)) ||
        PHONE_FIELD.test(fieldText(f)),
    );
    const target = hasTime(site, 2_000)
      ? await checkTarget(site, page, form)
      : { works: false, detail: 'not checked: deadline reached' };
    contactForms.push({
      url: page.url,
      action: form.action,
      method: form.method || 'get',
      fields: fields.map(describeField),
      looksLikeContactForm: hasMessage && canAnswer,
      targetWorks: target.works,
      detail: `${form.selector}: ${target.detail}`,
    });
  }

  const byUrlThenAddress = <T extends { url: string; address: string }>(a: T, b: T) =>
    a.address.localeCompare(b.address) || a.url.localeCompare(b.url);
  return {
    mailto: [...mailto.values()].sort(byUrlThenAddress),
    visibleAddresses: [...visible.values()].sort(byUrlThenAddress),
    contactForms: contactForms.sort((a, b) => a.url.localeCompare(b.url) || a.action.localeCompare(b.action)),
  };
}

export const contactCollector: Collector<'contact'> = {
  kind: 'contact',
  collect: (site) => collectContact(withBudget(site)),
};
