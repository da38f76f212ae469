/**
 * Runs inside the page on cheap discovery visits (no axe, no layout): just enough to count the page, judge a soft
 * 404 and follow its links. Self-contained (serialised by Playwright).
 */
export interface LiteLink {
  href: string;
  text: string;
  label: string;
  inNav: boolean;
  inFooter: boolean;
}

export interface LitePage {
  title: string;
  headings: string[];
  text: string;
  links: LiteLink[];
}

export function extractLite(limits: { textChars: number; links: number }): LitePage {
  const clean = (value: string | null | undefined, max = 300) =>
    (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const links: LiteLink[] = [];
  for (const element of Array.from(document.querySelectorAll('a[href], area[href]'))) {
    if (links.length >= limits.links) break;
    const a = element as HTMLAnchorElement;
    if (!a.href) continue;
    links.push({
      href: a.href,
      text: clean(a.textContent),
      label: clean(
        a.getAttribute('aria-label') ??
          a.getAttribute('title') ??
          a.querySelector('img[alt]')?.getAttribute('alt') ??
          '',
      ),
      inNav: Boolean(
        a.closest(
          'nav, [role="navigation"], header, [role="banner"], [role="menubar"], [role="menu"], [class*="menu" i], [id*="menu" i], [class*="navbar" i]',
        ),
      ),
      inFooter: Boolean(a.closest('footer, [role="contentinfo"], [id*="footer" i], [class*="footer" i]')),
    });
  }
  const headings = Array.from(document.querySelectorAll('h1, h2, h3'))
    .slice(0, 20)
    .map((heading) => clean(heading.textContent))
    .filter(Boolean);
  const body = document.body as HTMLElement | null;
  return {
    title: clean(document.title, 1_000),
    headings,
    text: body ? (body.innerText ?? body.textContent ?? '').slice(0, limits.textChars) : '',
    links,
  };
}
