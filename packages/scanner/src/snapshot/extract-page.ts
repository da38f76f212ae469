/**
 * Runs inside the page (serialised by Playwright): everything the collectors read, in one pass after JavaScript
 * ran. It must stay self-contained: no imports, no closures over module scope.
 */
import type {
  PageSnapshot,
  SnapshotDate,
  SnapshotForm,
  SnapshotLink,
  SnapshotWidget,
} from '../page-snapshot.js';

export interface ExtractLimits {
  textChars: number;
  inlineScriptChars: number;
  links: number;
  headings: number;
  forms: number;
  /** The vendors whose widgets are looked for in the DOM, each with its CSS selectors (data/vendors.json). */
  widgetSelectors: { id: string; selectors: string[] }[];
}

/** The part of a PageSnapshot read from the DOM in one pass (the rest comes from the response and the network). */
export type ExtractedPage = Pick<
  PageSnapshot,
  | 'title'
  | 'lang'
  | 'metaDescription'
  | 'viewport'
  | 'meta'
  | 'headings'
  | 'text'
  | 'links'
  | 'forms'
  | 'scripts'
  | 'inlineScripts'
  | 'iframes'
  | 'dates'
  | 'widgets'
>;

export function extractPage(limits: ExtractLimits): ExtractedPage {
  const clean = (value: string | null | undefined, max = 300) =>
    (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const textOf = (element: Element | null, max = 300) =>
    element ? clean((element as HTMLElement).innerText ?? element.textContent, max) : '';

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

  const headingBefore = (element: Element): string => {
    // Walk up and back to the closest heading that precedes the element: the title of its section.
    let node: Element | null = element;
    for (let hops = 0; node && hops < 12; hops += 1) {
      let sibling = node.previousElementSibling;
      for (let steps = 0; sibling && steps < 20; steps += 1) {
        if (/^H[1-6]$/.test(sibling.tagName) || sibling.getAttribute('role') === 'heading')
          return textOf(sibling);
        const inner = sibling.querySelector('h1,h2,h3,h4,h5,h6,[role="heading"]');
        if (inner) return textOf(inner);
        sibling = sibling.previousElementSibling;
      }
      node = node.parentElement;
    }
    return '';
  };

  const contextOf = (element: Element, ownText: string): string => {
    const container = element.closest('li, tr, dd, dt, p, figure, article, td');
    const text = textOf(container);
    if (text && text.length > ownText.length + 3) return text;
    const heading = headingBefore(element);
    return clean([heading, text].filter(Boolean).join(' — '), 300);
  };

  const meta: Record<string, string> = {};
  for (const tag of Array.from(document.querySelectorAll('meta'))) {
    const key = (
      tag.getAttribute('name') ??
      tag.getAttribute('property') ??
      tag.getAttribute('itemprop') ??
      tag.getAttribute('http-equiv') ??
      ''
    )
      .toLowerCase()
      .trim();
    const content = tag.getAttribute('content');
    if (key && content !== null && !(key in meta)) meta[key] = clean(content, 2_000);
  }

  const links: SnapshotLink[] = [];
  for (const anchor of Array.from(document.querySelectorAll('a[href], area[href]'))) {
    if (links.length >= limits.links) break;
    const a = anchor as HTMLAnchorElement;
    const href = a.href;
    if (!href) continue;
    const text = textOf(a, 500);
    const image = a.querySelector('img[alt]');
    const label = clean(
      a.getAttribute('aria-label') ?? a.getAttribute('title') ?? image?.getAttribute('alt') ?? '',
      300,
    );
    links.push({
      href,
      text,
      label,
      rel: clean(a.getAttribute('rel'), 100),
      inNav: Boolean(
        a.closest(
          'nav, [role="navigation"], header, [role="banner"], [role="menubar"], [role="menu"], [class*="menu" i], [id*="menu" i], [class*="navbar" i]',
        ),
      ),
      inFooter: Boolean(a.closest('footer, [role="contentinfo"], [id*="footer" i], [class*="footer" i]')),
      context: contextOf(a, text),
      download: a.hasAttribute('download'),
    });
  }

  const labelOf = (field: Element): string => {
    const control = field as HTMLInputElement;
    const fromLabels = control.labels && control.labels.length > 0 ? textOf(control.labels[0] ?? null) : '';
    if (fromLabels) return fromLabels;
    const labelledBy = field.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => textOf(document.getElementById(id)))
        .join(' ')
        .trim();
      if (text) return clean(text);
    }
    return clean(
      field.getAttribute('aria-label') ??
        field.getAttribute('title') ??
        field.getAttribute('placeholder') ??
        '',
    );
  };

  const fieldsOf = (elements: Element[]) =>
    elements
      .filter((element) => /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(element.tagName))
      .slice(0, 200)
      .map((element) => {
        const control = element as HTMLInputElement;
        const tag = element.tagName.toLowerCase() as 'input' | 'textarea' | 'select' | 'button';
        return {
          tag,
          type: (
            element.getAttribute('type') ?? (tag === 'input' ? 'text' : tag === 'button' ? 'submit' : tag)
          ).toLowerCase(),
          name: element.getAttribute('name') ?? '',
          id: element.id,
          placeholder: element.getAttribute('placeholder') ?? '',
          autocomplete: element.getAttribute('autocomplete') ?? '',
          label: tag === 'button' ? textOf(element) || labelOf(element) : labelOf(element),
          required: Boolean(control.required),
        };
      });

  const submitTextsOf = (elements: Element[]) =>
    elements
      .filter(
        (element) =>
          (element.tagName === 'BUTTON' &&
            (element.getAttribute('type') ?? 'submit').toLowerCase() === 'submit') ||
          (element.tagName === 'INPUT' && /^(submit|image)$/i.test(element.getAttribute('type') ?? '')),
      )
      .map((element) =>
        clean(
          element.tagName === 'BUTTON'
            ? (element as HTMLElement).innerText
            : (element.getAttribute('value') ?? element.getAttribute('alt') ?? ''),
          100,
        ),
      )
      .filter(Boolean);

  const forms: SnapshotForm[] = [];
  for (const form of Array.from(document.forms).slice(0, limits.forms)) {
    const elements = Array.from(form.elements);
    const rawAction = form.getAttribute('action');
    forms.push({
      action: rawAction === null || rawAction.trim() === '' ? '' : form.action,
      method: (form.getAttribute('method') ?? 'get').toLowerCase(),
      role: form.getAttribute('role') ?? '',
      id: form.id,
      name: form.getAttribute('name') ?? '',
      selector: cssPath(form),
      fields: fieldsOf(elements),
      submitTexts: submitTextsOf(elements),
    });
  }
  // Search boxes and widgets built by JavaScript often have no <form>: group such visible controls by container.
  const orphans = Array.from(
    document.querySelectorAll('input:not([type="hidden"]), textarea, select'),
  ).filter(
    (element) => !(element as HTMLInputElement).form && (element as HTMLElement).offsetParent !== null,
  );
  const groups = new Map<Element, Element[]>();
  for (const element of orphans) {
    const container =
      element.closest('[role="search"], [role="form"], section, header, nav, div') ??
      element.parentElement ??
      document.body;
    const list = groups.get(container) ?? [];
    list.push(element);
    groups.set(container, list);
  }
  for (const [container, elements] of groups) {
    if (forms.length >= limits.forms) break;
    const controls = [
      ...elements,
      ...Array.from(container.querySelectorAll('button, [role="button"]')).filter(
        (b) => b.tagName === 'BUTTON' && !(b as HTMLButtonElement).form,
      ),
    ];
    forms.push({
      action: '',
      method: 'get',
      role: container.getAttribute('role') ?? '',
      id: container.id,
      name: '',
      selector: cssPath(container),
      fields: fieldsOf(controls),
      submitTexts: controls
        .filter((b) => b.tagName === 'BUTTON')
        .map((b) => textOf(b, 100))
        .filter(Boolean),
      formless: true,
    });
  }

  const headings: { level: number; text: string }[] = [];
  for (const heading of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))) {
    if (headings.length >= limits.headings) break;
    const level = /^H[1-6]$/.test(heading.tagName)
      ? Number(heading.tagName[1])
      : Number(heading.getAttribute('aria-level') ?? 2);
    const text = textOf(heading, 300);
    if (text) headings.push({ level, text });
  }

  const scripts: string[] = [];
  const inlineScripts: string[] = [];
  const dates: SnapshotDate[] = [];
  const jsonLdDates = (value: unknown, context: string, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 8) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) jsonLdDates(item, context, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const name =
      typeof record.headline === 'string'
        ? record.headline
        : typeof record.name === 'string'
          ? record.name
          : context;
    for (const key of ['datePublished', 'dateModified', 'dateCreated', 'uploadDate']) {
      const date = record[key];
      if (typeof date === 'string' && date.trim())
        dates.push({ source: 'json-ld', value: clean(date, 100), context: clean(`${key}: ${name}`, 300) });
    }
    for (const child of Object.values(record))
      if (child && typeof child === 'object') jsonLdDates(child, name, depth + 1);
  };
  for (const script of Array.from(document.scripts)) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (type === 'application/ld+json') {
      try {
        jsonLdDates(JSON.parse(script.textContent ?? ''), document.title, 0);
      } catch {
        // Broken JSON-LD is common; it simply gives no dates.
      }
      continue;
    }
    if (script.src) scripts.push(script.src);
    else if (!type || /javascript|ecmascript|module/.test(type)) {
      const body = (script.textContent ?? '').trim();
      if (body) inlineScripts.push(body.slice(0, limits.inlineScriptChars));
    }
  }

  for (const time of Array.from(document.querySelectorAll('time')).slice(0, 500)) {
    const value = clean(time.getAttribute('datetime') ?? time.textContent, 100);
    if (!value) continue;
    const item = time.closest(
      'article, li, tr, [class*="news" i], [class*="noticia" i], [class*="post" i], [class*="entry" i]',
    );
    const heading = item?.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"], a');
    dates.push({
      source: 'time-element',
      value,
      context: textOf(heading ?? item ?? time.parentElement, 300),
    });
  }
  const dateMeta =
    /(^|[:.])(published_time|modified_time|updated_time|date|created|modified|issued|last-modified|pubdate|publish_date|datepublished|datemodified)$/;
  for (const [key, value] of Object.entries(meta))
    if (dateMeta.test(key))
      dates.push({
        source: 'meta',
        value: clean(value, 100),
        context: clean(`${key}: ${document.title}`, 300),
      });

  const iframes = Array.from(document.querySelectorAll('iframe'))
    .map((frame) => frame.src)
    .filter((src) => src && src !== 'about:blank');

  const body = document.body as HTMLElement | null;
  const text = body ? (body.innerText ?? body.textContent ?? '').slice(0, limits.textChars) : '';

  // Widgets by their vendor's selectors (the first that matches per vendor); otherwise an element or frame named
  // like a chat launcher. A selector the browser rejects is skipped.
  const widgets: SnapshotWidget[] = [];
  for (const vendor of limits.widgetSelectors) {
    for (const selector of vendor.selectors) {
      let element: Element | null = null;
      try {
        element = document.querySelector(selector);
      } catch {
        continue;
      }
      if (element) {
        widgets.push({ id: vendor.id, selector, text: textOf(element, 200) });
        break;
      }
    }
  }
  if (widgets.length === 0) {
    const generic = document.querySelector(
      'iframe[title*="chat" i], iframe[id*="chat" i], [id*="webchat" i], [id*="chat-widget" i], [class*="chat-widget" i], [id*="chatbot" i], [class*="chatbot" i], [id*="livechat" i], [class*="livechat" i]',
    );
    if (generic)
      widgets.push({
        id: '',
        selector: generic.tagName.toLowerCase() + (generic.id ? `#${generic.id}` : ''),
        text: textOf(generic, 200),
      });
  }

  return {
    title: clean(document.title, 1_000),
    lang: clean(
      document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang'),
      50,
    ),
    metaDescription: meta.description ?? '',
    viewport: meta.viewport ?? '',
    meta,
    headings,
    text,
    links,
    forms,
    scripts,
    inlineScripts,
    iframes,
    dates,
    widgets,
  };
}
