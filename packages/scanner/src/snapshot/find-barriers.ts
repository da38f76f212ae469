/**
 * Runs inside the page (serialised by Playwright, so self-contained): the accessibility barriers axe does not
 * report (issue #12), each recorded under the id of the rubric check that judges it (packages/rubric/src/checks/),
 * with a selector and a short excerpt of the element's HTML. Only markup facts are decided here; the word list of
 * generic link texts is the rubric's (checks/link-text.ts), so the links with short names are handed over as they are.
 * Elements hidden from everyone (display:none, visibility:hidden, aria-hidden) are not barriers and are skipped.
 */
import type { BarrierFinding, ShortLink } from '@egov-monitor/rubric';

export interface BarrierLimits {
  /** Elements of each kind examined per page: the work is bounded by the page's size, not by the clock. */
  elements: number;
  /** Characters of HTML kept per finding. */
  htmlChars: number;
  /** A link name of at most this many words is a short one. */
  shortLinkWords: number;
  shortLinks: number;
}

export interface BarrierScan {
  findings: BarrierFinding[];
  shortLinks: ShortLink[];
}

export function findBarriers(limits: BarrierLimits): BarrierScan {
  const findings: BarrierFinding[] = [];
  const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const all = (selector: string) => Array.from(document.querySelectorAll(selector)).slice(0, limits.elements);
  const shown = (element: Element) =>
    element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) &&
    !element.closest('[aria-hidden="true"]');

  const selectorOf = (element: Element): string => {
    const parts: string[] = [];
    for (
      let node: Element | null = element;
      node && node !== document.documentElement;
      node = node.parentElement
    ) {
      if (node.id && document.querySelectorAll(`#${CSS.escape(node.id)}`).length === 1) {
        parts.unshift(`#${CSS.escape(node.id)}`);
        return parts.join(' > ');
      }
      const tag = node.tagName.toLowerCase();
      const parent: Element | null = node.parentElement;
      const same = parent
        ? Array.from(parent.children).filter((child) => child.tagName === node!.tagName)
        : [];
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    }
    return parts.join(' > ');
  };
  const excerpt = (element: Element) => {
    const html = collapse(element.outerHTML);
    return html.length > limits.htmlChars ? `${html.slice(0, limits.htmlChars)}…` : html;
  };
  const report = (check: string, element: Element, detail?: string) =>
    findings.push({
      check,
      selector: selectorOf(element),
      html: excerpt(element),
      ...(detail ? { detail } : {}),
    });

  const textOfIds = (ids: string | null) =>
    collapse(
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent : '') ?? '')
        .join(' '),
    );
  /** The name a screen reader announces for a link or control, in the order of the accessible-name algorithm. */
  const nameOf = (element: HTMLElement): string => {
    const byIds = textOfIds(element.getAttribute('aria-labelledby'));
    if (byIds) return byIds;
    const label = collapse(element.getAttribute('aria-label'));
    if (label) return label;
    const alts = Array.from(element.querySelectorAll('img[alt]')).map((img) => img.getAttribute('alt') ?? '');
    return collapse(`${element.innerText} ${alts.join(' ')}`);
  };

  // ---- forms
  const TEXTUAL = /^(text|search|email|tel|url|password|number|date|datetime-local|month|week|time)$/;
  for (const field of all('input[placeholder], textarea[placeholder]') as (
    HTMLInputElement | HTMLTextAreaElement
  )[]) {
    if (field instanceof HTMLInputElement && !TEXTUAL.test(field.type)) continue;
    if (!collapse(field.placeholder) || !shown(field)) continue;
    const labelled =
      Array.from(field.labels ?? []).some((label) => collapse(label.textContent)) ||
      textOfIds(field.getAttribute('aria-labelledby')) ||
      collapse(field.getAttribute('aria-label')) ||
      collapse(field.getAttribute('title'));
    if (!labelled) report('placeholder-label', field, `placeholder "${collapse(field.placeholder)}"`);
  }
  for (const fieldset of all('fieldset') as HTMLFieldSetElement[]) {
    if (!shown(fieldset) || /^(presentation|none)$/.test(fieldset.getAttribute('role') ?? '')) continue;
    if (textOfIds(fieldset.getAttribute('aria-labelledby')) || collapse(fieldset.getAttribute('aria-label')))
      continue;
    const legend = fieldset.querySelector(':scope > legend');
    if (!legend || !collapse(legend.textContent))
      report('fieldset-legend', fieldset, legend ? 'empty legend' : 'no legend');
  }
  // Radios sharing a name answer one question; so do checkboxes sharing a name ("temas[]"). A lone checkbox ("I
  // accept") is not a group.
  const groups = new Map<string, HTMLInputElement[]>();
  for (const input of all('input[type="radio"][name], input[type="checkbox"][name]') as HTMLInputElement[]) {
    if (!shown(input)) continue;
    const key = `${input.type}|${input.form ? Array.from(document.forms).indexOf(input.form) : -1}|${input.name}`;
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    if (members.some((input) => input.closest('fieldset, [role="group"], [role="radiogroup"]'))) continue;
    report(
      'grouped-choices',
      members[0]!,
      `${members.length} ${members[0]!.type} "${members[0]!.name}" outside a fieldset`,
    );
  }
  for (const control of all('input:not([type="hidden"]), select, textarea') as HTMLInputElement[]) {
    const labels = Array.from(control.labels ?? []).filter((label) => collapse(label.textContent));
    if (labels.length >= 2 && shown(control)) report('single-label', control, `${labels.length} labels`);
  }

  // ---- links
  // "/", "/index.php" and "/#noticias" are one document: not "different URLs" for one text.
  const sameDocument = (href: string) =>
    href
      .replace(/#.*$/, '')
      .replace(/\/(index|default|inicio)\.(html?|php|aspx?|jsp)$/i, '/')
      .replace(/\/$/, '')
      .toLowerCase();
  const links = (all('a[href]') as HTMLAnchorElement[]).filter(shown);
  const shortLinks: ShortLink[] = [];
  const byName = new Map<string, { link: HTMLAnchorElement; target: string }[]>();
  for (const link of links) {
    const href = (link.getAttribute('href') ?? '').trim();
    const role = link.getAttribute('role') ?? '';
    if (href === '#' && !/^(button|menuitem|tab)$/.test(role)) report('link-hash', link);
    const name = nameOf(link);
    if (!name) continue;
    if (name.split(' ').length <= limits.shortLinkWords && shortLinks.length < limits.shortLinks) {
      shortLinks.push({ name, selector: selectorOf(link), html: excerpt(link) });
    }
    if (href === '#' || /^javascript:/i.test(href)) continue;
    // SC 2.4.4 is "in context": a link whose sentence, list item or table row says more than the link itself is
    // told apart by that context, so only links whose own text is all there is are compared.
    const context = link.closest('tr') ?? link.closest('p, li, td, th, dd, dt');
    const rest = collapse(context?.textContent)
      .replace(collapse(link.textContent), '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
    if (rest.length >= 3) continue;
    const key = name.toLocaleLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), { link, target: sameDocument(link.href) }]);
  }
  for (const [, same] of byName) {
    const targets = new Set(same.map((entry) => entry.target));
    if (targets.size < 2) continue;
    const second = same.find((entry) => entry.target !== same[0]!.target)!;
    report('link-same-text', second.link, `"${nameOf(second.link)}" leads to ${targets.size} different URLs`);
  }

  // ---- images
  const FILE_NAME =
    /^[^\s/\\]+\.(jpe?g|png|gif|svg|webp|bmp|tiff?|ico|avif)$|^(img|dsc|dscn|dcim|image|imagen|foto|photo|screenshot|captura)[-_ ]?\d+$/i;
  for (const image of all('img[alt], input[type="image"][alt], area[alt]')) {
    const alt = collapse(image.getAttribute('alt'));
    if (image.tagName !== 'AREA' && !shown(image)) continue;
    if (alt && FILE_NAME.test(alt)) report('alt-file-name', image, `alt "${alt}"`);
    if (image.tagName === 'IMG' && !alt && collapse(image.getAttribute('title')))
      report('alt-empty-title', image);
  }

  // ---- tables (outermost tables only: nested tables are layout)
  const BLOCKS =
    'div, p, ul, ol, table, form, h1, h2, h3, h4, h5, h6, img, iframe, input, select, textarea, button, nav';
  for (const table of all('table') as HTMLTableElement[]) {
    if (
      /^(presentation|none)$/.test(table.getAttribute('role') ?? '') ||
      table.querySelector('table') ||
      table.parentElement?.closest('table')
    )
      continue;
    if (!shown(table)) continue;
    const cells = Array.from(table.querySelectorAll('td, th'));
    const headers = cells.filter(
      (cell) => cell.tagName === 'TH' || /^(columnheader|rowheader)$/.test(cell.getAttribute('role') ?? ''),
    );
    const rows = Array.from(table.rows);
    if (rows.length >= 2 && cells.length >= 4 && headers.length === cells.length) {
      report('table-only-headers', table, `${cells.length} header cells, no data cell`);
      continue;
    }
    if (headers.length > 0 || table.querySelector('td[headers], td[scope]')) continue;
    // A data table, not a layout grid: a caption or a thead says so; otherwise at least three rows of the same
    // number (two or more) of cells holding only short text.
    const declared = Boolean(table.caption || table.tHead || table.getAttribute('summary'));
    const widths = new Set(rows.map((row) => row.cells.length));
    const grid =
      rows.length >= 3 &&
      widths.size === 1 &&
      (rows[0]?.cells.length ?? 0) >= 2 &&
      cells.every((cell) => !cell.querySelector(BLOCKS) && collapse(cell.textContent).length <= 120);
    if (declared || grid)
      report(
        'table-headers',
        table,
        `${rows.length}×${rows[0]?.cells.length ?? 0} table without header cells`,
      );
  }

  return { findings, shortLinks };
}

/**
 * Runs inside the page at 320 CSS px wide (WCAG 2.2 SC 1.4.10 Reflow): the element that makes the page scroll
 * sideways, or null. Content that needs two dimensions (tables, maps, media, code) is the SC's exception, so an
 * overflow caused only by such content is not reported.
 */
export async function findReflowOverflow(limits: {
  width: number;
  elements: number;
  htmlChars: number;
}): Promise<{ selector: string; html: string; detail: string } | null> {
  if (window.innerWidth !== limits.width)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const root = document.documentElement;
  const scrollWidth = Math.max(root.scrollWidth, document.body?.scrollWidth ?? 0);
  if (scrollWidth <= window.innerWidth + 1) return null;
  // overflow-x: hidden on the root or the body (propagated to the viewport) means no scroll bar: nothing to scroll.
  if (
    [root, document.body].some(
      (element) => element && /hidden|clip/.test(getComputedStyle(element).overflowX),
    )
  )
    return null;
  const TWO_D =
    'table, pre, code, canvas, svg, video, iframe, object, embed, [role="img"], [role="application"], [class*="map" i], [id*="map" i]';
  let widest: Element | null = null;
  let right = window.innerWidth + 1;
  for (const element of Array.from(document.body?.querySelectorAll('*') ?? []).slice(0, limits.elements)) {
    const rect = element.getBoundingClientRect();
    if (
      rect.width === 0 ||
      rect.right <= right ||
      !element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
    )
      continue;
    // An element inside a container that scrolls or clips does not widen the page.
    let clipped = false;
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== 'visible') {
        clipped = true;
        break;
      }
    }
    if (clipped || getComputedStyle(element).position === 'fixed') continue;
    widest = element;
    right = rect.right;
  }
  if (!widest) return null;
  if (widest.closest(TWO_D)) return null;
  const selector: string[] = [];
  for (
    let node: Element | null = widest;
    node && node !== document.documentElement;
    node = node.parentElement
  ) {
    if (node.id) {
      selector.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    const parent: Element | null = node.parentElement;
    const same = parent ? Array.from(parent.children).filter((child) => child.tagName === node!.tagName) : [];
    selector.unshift(
      same.length > 1
        ? `${node.tagName.toLowerCase()}:nth-of-type(${same.indexOf(node) + 1})`
        : node.tagName.toLowerCase(),
    );
  }
  const html = widest.outerHTML.replace(/\s+/g, ' ').trim();
  return {
    selector: selector.join(' > '),
    html: html.length > limits.htmlChars ? `${html.slice(0, limits.htmlChars)}…` : html,
    detail: `the page is ${scrollWidth} px wide at ${limits.width} px`,
  };
}
