/**
 * Recognises third-party services (chat, payment, identity, forms…) on a page by the markers in
 * src/data/vendors.json: script/iframe/resource URLs, inline snippets, link and form targets.
 */
import type { Vendor } from '../../data/index.js';
import type { PageFacts } from '../live/live.js';

export interface VendorHit {
  vendor: Vendor;
  how: 'script' | 'iframe' | 'element' | 'link';
  /** The URL or snippet that matched. */
  evidence: string;
  /** A script or iframe of the vendor was really requested (not only declared in an inline snippet). */
  loaded: boolean;
}

/** Every vendor of the list seen on the page, with the strongest marker first (iframe, script, inline, link). */
export function vendorsOnPage(
  page: Pick<PageFacts, 'scripts' | 'inlineScripts' | 'iframes' | 'links' | 'forms'> & {
    resources?: string[];
  },
  list: Vendor[],
): VendorHit[] {
  const hits: VendorHit[] = [];
  for (const vendor of list) {
    const iframe = page.iframes.find(
      (src) => vendor.src.some((p) => p.test(src)) || vendor.links.some((p) => p.test(src)),
    );
    if (iframe) {
      hits.push({ vendor, how: 'iframe', evidence: iframe, loaded: true });
      continue;
    }
    const script = [...page.scripts, ...(page.resources ?? [])].find((src) =>
      vendor.src.some((p) => p.test(src)),
    );
    if (script) {
      hits.push({ vendor, how: 'script', evidence: script, loaded: true });
      continue;
    }
    const inline = page.inlineScripts.find((body) => vendor.inline.some((p) => p.test(body)));
    if (inline) {
      const marker = vendor.inline.map((p) => p.exec(inline)?.[0]).find(Boolean) ?? '';
      hits.push({ vendor, how: 'script', evidence: `inline snippet (${marker})`, loaded: false });
      continue;
    }
    // A form that posts to the vendor is the vendor's widget on this page; a link only leads to it.
    const action = page.forms
      .map((f) => f.action)
      .find((href) => href && vendor.links.some((p) => p.test(href)));
    if (action) {
      hits.push({ vendor, how: 'element', evidence: `form action=${action}`, loaded: true });
      continue;
    }
    const target = page.links
      .map((l) => l.href)
      .find((href) => href && vendor.links.some((p) => p.test(href)));
    if (target) hits.push({ vendor, how: 'link', evidence: target, loaded: false });
  }
  return hits;
}
