/**
 * Runs inside the page at the mobile viewport (360×640): what a citizen on a phone struggles with. Self-contained
 * (serialised by Playwright).
 */
export interface LayoutMeasure {
  smallTextRatio: number;
  smallTapTargets: number;
  horizontalOverflow: boolean;
}

export async function measureLayout(limits: {
  width: number;
  textNodes: number;
  targets: number;
}): Promise<LayoutMeasure> {
  // Reading sizes forces style and layout at the new viewport; frames are waited for only while the renderer has
  // not seen the new size yet (each frame pair cost ~25 ms per page when always waited for).
  if (window.innerWidth !== limits.width)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
      return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };

  // Readable text: share of characters under 12 CSS px (Lighthouse's font-size audit uses the same line).
  let total = 0;
  let small = 0;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  const seen = new Map<Element, boolean>();
  for (
    let node = walker.nextNode(), count = 0;
    node && count < limits.textNodes;
    node = walker.nextNode(), count += 1
  ) {
    const chars = (node.textContent ?? '').replace(/\s+/g, '').length;
    const parent = node.parentElement;
    if (!chars || !parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.tagName)) continue;
    let shown = seen.get(parent);
    if (shown === undefined) {
      shown = visible(parent);
      seen.set(parent, shown);
    }
    if (!shown) continue;
    total += chars;
    if (parseFloat(getComputedStyle(parent).fontSize) < 12) small += chars;
  }

  // WCAG 2.2 SC 2.5.8 Target Size (Minimum): a target under 24×24 CSS px passes only when a 24-px circle centred
  // on it touches no other target nor another small target's circle. Two of the SC's exceptions are read here:
  //  - Inline: a link inside a sentence, whatever element holds the sentence (its containing block has text of
  //    its own, beyond the links' text);
  //  - User agent control: a native control the author did not resize (a plain radio, checkbox or text field),
  //    told by comparing it with the same control in a shadow root, where the page's styles do not reach.
  const nonInline = (element: Element): Element | null => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (!getComputedStyle(node).display.startsWith('inline')) return node;
    }
    return null;
  };
  const ownText = (block: Element) => {
    let text = '';
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (!node.parentElement?.closest('a, button, [role="link"], [role="button"]'))
        text += node.textContent ?? '';
    }
    return text.replace(/[^\p{L}\p{N}]+/gu, '').length;
  };
  const inSentence = (element: Element) => {
    if (getComputedStyle(element).display !== 'inline') return false;
    // The first test is the scanner's earlier one (a link among more text in a common text container), kept so no
    // site gains findings from this change; the second sees a sentence in any element that holds it.
    const near = element.parentElement?.closest('p, li, td, dd, span, div');
    if (near && (near.textContent ?? '').trim().length > (element.textContent ?? '').trim().length + 20)
      return true;
    const block = nonInline(element);
    return block !== null && ownText(block) >= 15;
  };
  const nativeSizes = new Map<string, { width: number; height: number }>();
  const userAgentSized = (element: Element, rect: DOMRect) => {
    if (!/^(INPUT|SELECT|BUTTON)$/.test(element.tagName)) return false;
    if (getComputedStyle(element).appearance === 'none') return false;
    const parent = element.parentElement;
    if (!parent) return false;
    // The twin keeps what sizes a control as HTML (type, size, a button's text) and drops the author's styling.
    const twin = element.cloneNode(false) as HTMLElement;
    for (const attribute of ['id', 'class', 'style', 'width', 'height']) twin.removeAttribute(attribute);
    if (element.tagName !== 'INPUT') twin.textContent = element.textContent;
    // Fonts inherit into a shadow root, so the twin is sized as an unstyled control in this place would be.
    const key = `${twin.outerHTML}|${getComputedStyle(parent).font}`;
    let native = nativeSizes.get(key);
    if (!native) {
      const host = document.createElement('span');
      parent.appendChild(host);
      host.attachShadow({ mode: 'open' }).appendChild(twin);
      const size = twin.getBoundingClientRect();
      native = { width: size.width, height: size.height };
      host.remove();
      nativeSizes.set(key, native);
    }
    return Math.abs(native.width - rect.width) < 1 && Math.abs(native.height - rect.height) < 1;
  };
  const targets: { rect: DOMRect; small: boolean }[] = [];
  const candidates = document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="checkbox"], [role="tab"]',
  );
  for (const element of Array.from(candidates)) {
    if (targets.length >= limits.targets) break;
    if (!visible(element)) continue;
    const rect = element.getBoundingClientRect();
    const small = rect.width < 24 || rect.height < 24;
    // Exempt targets are left out altogether, as inline links always were here.
    if (small && ((element.tagName === 'A' && inSentence(element)) || userAgentSized(element, rect)))
      continue;
    targets.push({ rect, small });
  }
  const centre = (rect: DOMRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  const circleHitsRect = (c: { x: number; y: number }, rect: DOMRect) => {
    const dx = Math.max(rect.left - c.x, 0, c.x - rect.right);
    const dy = Math.max(rect.top - c.y, 0, c.y - rect.bottom);
    return dx * dx + dy * dy < 144;
  };
  let smallTapTargets = 0;
  targets.forEach((target, index) => {
    if (!target.small) return;
    const c = centre(target.rect);
    const crowded = targets.some((other, otherIndex) => {
      if (otherIndex === index) return false;
      if (circleHitsRect(c, other.rect)) return true;
      if (!other.small) return false;
      const o = centre(other.rect);
      return (c.x - o.x) ** 2 + (c.y - o.y) ** 2 < 576;
    });
    if (crowded) smallTapTargets += 1;
  });

  const root = document.documentElement;
  return {
    smallTextRatio: total === 0 ? 0 : Math.round((small / total) * 1000) / 1000,
    smallTapTargets,
    horizontalOverflow: Math.max(root.scrollWidth, document.body?.scrollWidth ?? 0) > window.innerWidth + 1,
  };
}
