/**
 * One harmless step further, as a citizen goes (issue #17): a lookup form — a GET that asks for a plate, a case
 * number, a DPI or NIT, a tracking code — is filled with plausible values and sent, so the collectors can look at
 * the next step (a payment whose card form only appears once the debt is found).
 *
 * Never anything that creates, pays or sends: a form that posts, asks for a password, card data, a file, an e-mail
 * or a message, or whose button says pagar/enviar/registrar/confirmar/pay/send…, is judged where it stands and never
 * sent. While the step runs, any request that could act (POST, PUT, PATCH, DELETE) is refused in the browser too,
 * whatever the page's scripts do (live/interaction.ts).
 */
import type { Frame, Page } from 'playwright-core';
import type { SnapshotForm, SnapshotFormField } from '../../page-snapshot.js';
import type { SiteContext } from '../collector.js';
import { liveSteps, lookupFieldKinds, patterns, placeholderOptions, unsafeSubmit } from '../../data/index.js';
import type { PageFacts } from '../live/live.js';
import { inPage, navigationTimeout, readPage, settle, withPage } from '../live/live.js';
import { refuseActingRequests, watchChanges, type Reaction } from '../live/interaction.js';
import { clip, normalizeText } from '@egov-monitor/rubric';

/** Field types a person types an identifier into. */
const TEXT_TYPES = new Set(['text', 'search', 'number', 'tel', '']);
/** Field types that do not ask the person anything (or are buttons). */
const PASSIVE_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);

/** "numeroPlaca", "txt_no_placa" → "numero placa", "txt no placa": names read as words. */
function nameWords(value: string): string {
  return normalizeText(value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.[\]]+/g, ' '));
}

/** The identifier a field asks for (plate, nit, dpi…), by its label, placeholder, name or id; the longest match wins. */
export function lookupKindOf(
  field: Pick<SnapshotFormField, 'label' | 'placeholder' | 'name' | 'id'>,
): string | null {
  const texts = [field.label, field.placeholder, nameWords(field.name), nameWords(field.id)].filter(Boolean);
  let best: { id: string; length: number } | null = null;
  for (const kind of lookupFieldKinds) {
    for (const text of texts) {
      const match = kind.phrases.find(text).sort((a, b) => b.length - a.length)[0];
      if (match && (!best || match.length > best.length)) best = { id: kind.id, length: match.length };
    }
  }
  return best?.id ?? null;
}

export type LookupJudgement =
  { harmless: true; asks: { field: string; kind: string }[] } | { harmless: false; why: string };

function fieldName(field: SnapshotFormField): string {
  return field.label || field.name || field.id || field.placeholder || field.type;
}

/** How a reviewer recognises the form: `form GET /pagos/consulta (Placa, Tipo de vehículo)`. */
export function describeForm(form: SnapshotForm): string {
  const asked = form.fields
    .filter((f) => f.tag !== 'button' && !PASSIVE_TYPES.has(f.type))
    .map(fieldName)
    .slice(0, 6);
  const target = form.formless
    ? 'controls without a form'
    : `form ${form.method.toUpperCase()} ${form.action || '(this page)'}`;
  return clip(`${target} (${asked.join(', ')})`, 200);
}

/**
 * Whether a form is a harmless lookup the scanner may fill and send: a GET (or script-driven controls, which run
 * with acting requests refused) that asks for at least one identifier the data knows, every required text field
 * fillable, and nothing that creates, pays or sends. Pure: judged on the crawl's snapshot of the form.
 */
export function judgeLookupForm(form: SnapshotForm): LookupJudgement {
  if (!form.formless && form.method !== 'get')
    return { harmless: false, why: `it sends with ${form.method.toUpperCase()}: it would act` };
  const card = patterns('cardField');
  const asks: { field: string; kind: string }[] = [];
  for (const field of form.fields) {
    if (field.tag === 'button' || PASSIVE_TYPES.has(field.type)) continue;
    const name = fieldName(field);
    if (field.type === 'password') return { harmless: false, why: `it asks for a password ("${name}")` };
    if (field.type === 'file') return { harmless: false, why: `it uploads a file ("${name}")` };
    if (field.tag === 'textarea') return { harmless: false, why: `it takes a message ("${name}")` };
    if (field.type === 'email' || /^(e-?mail|correo)/.test(nameWords(`${field.name} ${field.label}`)))
      return {
        harmless: false,
        why: `it asks for an e-mail address ("${name}"): a subscription or a registration`,
      };
    if (
      [field.autocomplete, field.name, field.id, field.placeholder, field.label]
        .filter(Boolean)
        .some((v) => card.some((p) => p.test(v)))
    )
      return { harmless: false, why: `it asks for card data ("${name}")` };
    if (field.tag === 'select' || ['checkbox', 'radio'].includes(field.type)) continue;
    const kind = lookupKindOf(field);
    if (kind) asks.push({ field: name, kind });
    else if (field.required && TEXT_TYPES.has(field.type))
      return {
        harmless: false,
        why: `it requires "${name}", which the scanner cannot fill with a plausible value`,
      };
  }
  const acting = form.submitTexts
    .map((text) => ({ text, phrase: unsafeSubmit.find(text)[0] }))
    .find((t) => t.phrase);
  if (acting) return { harmless: false, why: `its button says "${clip(acting.text, 40)}": it would act` };
  if (form.formless && form.submitTexts.length === 0)
    return { harmless: false, why: 'it has no button to send it' };
  if (!asks.some((a) => lookupFieldKinds.find((k) => k.id === a.kind)?.identifier))
    return {
      harmless: false,
      why: 'it asks for no identifier (a plate, a case number, a DPI…): not a lookup',
    };
  return { harmless: true, asks };
}

/** What one lookup step did: the form filled, the values typed, and the page it led to. */
export interface LookupStep {
  /** The page the form is on (step 1). */
  from: string;
  form: string;
  /** "Placa = P123ABC", "Tipo de vehículo = Automóvil". */
  values: string[];
  reaction: Reaction['kind'] | 'not-sent';
  /** The page after the step (step 2): the new address, or the same one when the answer appeared in place. */
  url: string;
  facts: PageFacts | null;
  /** Requests the page tried to make that could act, refused. */
  refused: string[];
  /** Why the step could not be taken or finished. */
  problem?: string;
}

interface LiveControl {
  index: number;
  tag: string;
  type: string;
  name: string;
  id: string;
  label: string;
  placeholder: string;
  required: boolean;
  maxLength: number;
  checked: boolean;
  visible: boolean;
  options: { value: string; text: string; disabled: boolean }[];
  submitText: string;
}

/** Marks the form's controls (data-egov-control) so locators find them again, and describes them. */
function markControls(args: { selector: string; formless: boolean }): LiveControl[] | null {
  const holder = document.querySelector(args.selector);
  if (!holder) return null;
  const clean = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
  const elements =
    holder instanceof HTMLFormElement
      ? Array.from(holder.elements)
      : Array.from(holder.querySelectorAll('input, select, textarea, button'));
  return elements
    .filter((el) => /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName))
    .map((el, index) => {
      el.setAttribute('data-egov-control', String(index));
      const control = el as HTMLInputElement;
      const labelled =
        control.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
      const box = (el as HTMLElement).getBoundingClientRect();
      return {
        index,
        tag: el.tagName.toLowerCase(),
        type: (
          el.getAttribute('type') ??
          (el.tagName === 'BUTTON' ? 'submit' : el.tagName === 'INPUT' ? 'text' : el.tagName.toLowerCase())
        ).toLowerCase(),
        name: el.getAttribute('name') ?? '',
        id: el.id,
        label: clean(labelled),
        placeholder: el.getAttribute('placeholder') ?? '',
        required: control.required ?? false,
        maxLength: typeof control.maxLength === 'number' ? control.maxLength : -1,
        checked: control.checked ?? false,
        visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden',
        options:
          el instanceof HTMLSelectElement
            ? Array.from(el.options).map((o) => ({
                value: o.value,
                text: clean(o.text),
                disabled: o.disabled,
              }))
            : [],
        submitText:
          el.tagName === 'BUTTON' ? clean((el as HTMLElement).innerText) : clean(el.getAttribute('value')),
      };
    });
}

/** The first option that is a real choice (not "Seleccione…", not empty, not disabled). */
export function firstRealOption(options: LiveControl['options']): LiveControl['options'][number] | null {
  return (
    options.find(
      (o) =>
        o.value.trim() !== '' &&
        !o.disabled &&
        !placeholderOptions.test(o.text) &&
        !/^[-–—\s]*$/.test(o.text),
    ) ?? null
  );
}

/**
 * Fills a harmless lookup form on `pageUrl` with plausible values (the first the browser accepts for each field:
 * its pattern, maxlength, type), sends it with its own button (or Enter), and reads the next step. The caller has
 * judged the form harmless (judgeLookupForm); acting requests are refused all the same while the step runs.
 */
export async function takeLookupStep(
  site: SiteContext,
  pageUrl: string,
  form: SnapshotForm,
): Promise<LookupStep> {
  const step: LookupStep = {
    from: pageUrl,
    form: describeForm(form),
    values: [],
    reaction: 'not-sent',
    url: pageUrl,
    facts: null,
    refused: [],
  };
  try {
    return await withPage(site, async (page) => {
      await page.goto(pageUrl, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) });
      await settle(page, site, 3_000);
      const guard = await refuseActingRequests(page);
      try {
        const controls = await inPage(page, markControls, {
          selector: form.selector,
          formless: form.formless ?? false,
        });
        if (!controls) return { ...step, problem: 'the form is not on the page when it is loaded again' };
        const filled = await fillControls(page, controls, navigationTimeout(site));
        step.values = filled.values;
        if (filled.problem) return { ...step, problem: filled.problem };
        const watch = await watchChanges(page);
        let reaction: Reaction;
        try {
          const button = controls.find(
            (c) =>
              (c.tag === 'button' && c.type === 'submit') ||
              (c.tag === 'input' && ['submit', 'image'].includes(c.type)),
          );
          const buttons = form.formless ? controls.filter((c) => c.tag === 'button') : button ? [button] : [];
          const safe = buttons.find((c) => c.visible && !unsafeSubmit.test(c.submitText));
          if (buttons.length > 0 && !safe)
            return { ...step, problem: 'no button that only looks up (it would act)' };
          if (safe)
            await page
              .locator(`[data-egov-control="${safe.index}"]`)
              .first()
              .click({ timeout: navigationTimeout(site) });
          else
            await page
              .locator(`[data-egov-control="${filled.last}"]`)
              .first()
              .press('Enter', { timeout: navigationTimeout(site) });
          reaction = await watch.reaction(liveSteps.lookup.reaction);
        } finally {
          watch.stop();
        }
        step.reaction = reaction.kind;
        step.refused = [...guard.refused];
        if (reaction.kind === 'none') return { ...step, problem: 'sending the form changed nothing' };
        if (reaction.kind === 'timeout')
          return {
            ...step,
            problem: `the next step did not finish loading within ${Math.round(liveSteps.lookup.reaction.boundMs / 1000)} s`,
          };
        const where: Page | Frame = reaction.kind === 'frame' ? reaction.frame : page;
        const facts = await readPage(where);
        return { ...step, url: facts.url, facts };
      } finally {
        await guard.undo();
      }
    });
  } catch (error) {
    return {
      ...step,
      problem: `the step failed: ${clip((error as Error).message.split('\n')[0] ?? '', 160)}`,
    };
  }
}

// Each control step is bounded by the page's safety net (`timeout`), never by a few seconds a busy machine may need.
async function fillControls(
  page: Page,
  controls: LiveControl[],
  timeout: number,
): Promise<{ values: string[]; last: number; problem?: string }> {
  const values: string[] = [];
  let last = -1;
  const radiosDone = new Set<string>();
  for (const control of controls) {
    const locator = page.locator(`[data-egov-control="${control.index}"]`).first();
    const name = control.label || control.placeholder || control.name || control.id;
    if (control.tag === 'button' || PASSIVE_TYPES.has(control.type) || !control.visible) continue;
    if (control.tag === 'select') {
      const option = firstRealOption(control.options);
      if (!option) {
        if (control.required) return { values, last, problem: `"${name}" offers no option to choose` };
        continue;
      }
      await locator.selectOption(option.value, { timeout });
      values.push(`${name} = ${option.text}`);
      continue;
    }
    if (control.type === 'checkbox') {
      if (control.required && !control.checked) {
        await locator.check({ timeout });
        values.push(`${name} = ✓`);
      }
      continue;
    }
    if (control.type === 'radio') {
      if (radiosDone.has(control.name)) continue;
      radiosDone.add(control.name);
      const group = controls.filter((c) => c.type === 'radio' && c.name === control.name);
      if (group.some((c) => c.checked)) continue;
      await locator.check({ timeout });
      values.push(`${name} = ${control.label || 'first option'}`);
      continue;
    }
    const kind = lookupKindOf(control);
    const candidates = kind ? (lookupFieldKinds.find((k) => k.id === kind)?.values ?? []) : [];
    if (candidates.length === 0) {
      if (control.required)
        return { values, last, problem: `"${name}" cannot be filled with a plausible value` };
      continue;
    }
    let accepted: string | null = null;
    for (const value of candidates) {
      if (control.maxLength > 0 && value.length > control.maxLength) continue;
      await locator.fill(value, { timeout });
      // The browser's own constraint validation (pattern, type, min/max) decides, as it does for a person.
      const valid = await locator.evaluate((el) => (el as HTMLInputElement).checkValidity());
      if (valid) {
        accepted = value;
        break;
      }
    }
    if (accepted === null)
      return { values, last, problem: `"${name}" accepts none of the plausible ${kind} values` };
    values.push(`${name} = ${accepted}`);
    last = control.index;
  }
  if (last < 0) return { values, last, problem: 'no identifier could be filled' };
  return { values, last };
}
