/**
 * Finds the site's search box in the rendered page: role=search, type=search, inputs and forms named
 * buscar/búsqueda/search/q/s, best first. Runs inside the page (serialised by Playwright): self-contained, no
 * imports, no closures over module scope.
 *
 * The crawl runs it on every analysed page (PageSnapshot.searchBox), so the search collector knows where a box
 * is, and that a site has none, without loading any page again; the collector runs it once more on the live page
 * it types into, with `forSubmit`, which also keeps the form's result in the same tab.
 */
export interface SearchBoxFound {
  /** CSS selector that finds the input again on the live page. */
  selector: string;
  visible: boolean;
  /** Selector of the submit button of its form, if any. */
  button: string | null;
  /** How a reviewer recognises it: `input name="q" type="search" placeholder="Buscar"`. */
  description: string;
}

export function locateSearchBox(args: { words: string[]; forSubmit: boolean }): SearchBoxFound | null {
  const normal = (v: string | null | undefined) =>
    (v ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const mentions = (v: string | null | undefined) => {
    const text = normal(v);
    return (
      args.words.some((w) => new RegExp(`(^|[^a-z])${w}([^a-z]|$)`).test(text)) ||
      /search|buscar|busqueda/.test(text)
    );
  };
  const unique = (el: Element): string => {
    if (el.id && document.querySelectorAll(`#${CSS.escape(el.id)}`).length === 1)
      return `#${CSS.escape(el.id)}`;
    const name = el.getAttribute('name');
    if (name) {
      const byName = `${el.tagName.toLowerCase()}[name="${CSS.escape(name)}"]`;
      if (document.querySelectorAll(byName).length === 1) return byName;
    }
    const parts: string[] = [];
    let node: Element | null = el;
    while (node && node !== document.documentElement) {
      const parent: Element | null = node.parentElement;
      if (!parent) break;
      const index = Array.from(parent.children).indexOf(node) + 1;
      parts.unshift(`${node.tagName.toLowerCase()}:nth-child(${index})`);
      if (parent.id && document.querySelectorAll(`#${CSS.escape(parent.id)}`).length === 1) {
        parts.unshift(`#${CSS.escape(parent.id)}`);
        break;
      }
      node = parent;
    }
    return parts.join(' > ');
  };
  const visible = (el: Element) => {
    const box = (el as HTMLElement).getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const candidates = Array.from(document.querySelectorAll('input')).filter((input) => {
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    return ['text', 'search', ''].includes(type) && !input.disabled && !input.readOnly;
  });
  const scored = candidates
    .map((input) => {
      const form = input.form;
      let score = 0;
      if ((input.getAttribute('type') ?? '').toLowerCase() === 'search') score += 5;
      if (input.closest('[role=search], search')) score += 5;
      if (
        [
          input.name,
          input.id,
          input.placeholder,
          input.getAttribute('aria-label'),
          input.title,
          input.className,
        ].some(mentions)
      )
        score += 4;
      if (
        /^(q|s|query|search|buscar|keys|k|texto|term|searchword|busqueda|search_api_fulltext|searchphrase)$/i.test(
          input.name,
        )
      )
        score += 3;
      if (
        form &&
        (mentions(form.getAttribute('action')) ||
          mentions(form.id) ||
          mentions(form.className) ||
          form.getAttribute('role') === 'search')
      )
        score += 3;
      const label = input.labels?.[0]?.textContent ?? '';
      if (mentions(label)) score += 2;
      // A box among many fields is a form (a complaint, a registration), not a site search.
      if (form && form.querySelectorAll('input:not([type=hidden]), textarea, select').length > 3) score -= 4;
      if (visible(input)) score += 1;
      return { input, score };
    })
    .filter((c) => c.score >= 4)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.input;
  if (!best) return null;
  const button =
    best.form?.querySelector(
      'button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]',
    ) ?? null;
  // The result must come back in this tab, not in a new window the scan never sees.
  if (args.forSubmit) best.form?.removeAttribute('target');
  return {
    selector: unique(best),
    visible: visible(best),
    button: button ? unique(button) : null,
    description: `input name="${best.name}" type="${best.type}" placeholder="${best.placeholder}"`,
  };
}
