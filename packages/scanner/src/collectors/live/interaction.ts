/**
 * Acting on a live page as a visitor does (typing a query, opening a chat launcher, sending a harmless lookup) and
 * seeing what the page did in answer: a navigation, content injected by script (results, an overlay, a panel), or
 * a frame that loaded. Shared by the search, payments and interactive collectors.
 *
 * The waits are bounded by time only as safety nets: what decides is an event (a navigation, a change in the DOM,
 * the network going quiet). "Nothing happened" is concluded only when the page made no request and changed
 * nothing at all for a while after the action; a page still busy when the safety bound fires is `timeout`, which
 * the collectors report as unfinished work, never as a broken control.
 */
import type { Frame, Page, Request, Route } from 'playwright-core';
import { watchActivity } from '../../crawl/navigate.js';
import { inPage } from './live.js';

/** How the page answered an action. */
export type Reaction =
  /** The main frame went to another document. */
  | { kind: 'navigation'; url: string }
  /** Content was added or changed in the page by script (results list, overlay, dialog). */
  | { kind: 'dom' }
  /** A frame of the page loaded a document (a results iframe, a chat frame). */
  | { kind: 'frame'; frame: Frame }
  /** No request, no change, no navigation after the action. */
  | { kind: 'none' }
  /** The page was still busy (requests in flight, DOM changing) when the safety bound fired. */
  | { kind: 'timeout' };

export interface ReactionBounds {
  /** With no request and no change at all for this long after the action, nothing happened. */
  idleMs: number;
  /** Safety net: the page reacted but did not settle within this. */
  boundMs: number;
  /** The page counts as settled after this long without requests or DOM changes. */
  quietMs: number;
  /** Count visibility changes (style, class, hidden) as an answer too: a panel revealed without new content. */
  attributes?: boolean;
}

/** A watch installed before an action: counts DOM changes, frame loads and navigations after it. */
export interface ChangeWatch {
  /** Waits for the page's answer to the action done since the watch started (see Reaction). */
  reaction(bounds: ReactionBounds): Promise<Reaction>;
  /** Stops listening (the tab goes back to the pool without this watch's listeners). */
  stop(): void;
}

/** The page-global the in-page observer writes to; a name no site uses. */
const WATCH_KEY = '__egovMonitorChanges';

/**
 * Installs a MutationObserver that remembers elements added or whose text changed since now (`content`), and
 * elements whose visibility attributes changed (`attributes`: a panel shown by toggling its style or class).
 */
function observeChanges(key: string): void {
  type State = {
    content: number;
    attributes: number;
    added: Element[];
    revealed: Element[];
    observer?: MutationObserver;
  };
  const holder = window as unknown as Record<string, State | undefined>;
  // One watch at a time per page: the previous one stops before this one starts.
  holder[key]?.observer?.disconnect();
  const state: State = { content: 0, attributes: 0, added: [], revealed: [] };
  holder[key] = state;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (state.revealed.length < 1_000) state.revealed.push(record.target as Element);
        state.attributes += 1;
      } else if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) state.added.push(parent);
        state.content += 1;
      } else {
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeType === Node.ELEMENT_NODE) state.added.push(node as Element);
          else if (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() && node.parentElement)
            state.added.push(node.parentElement);
          else continue;
          state.content += 1;
        }
      }
    }
    if (state.added.length > 5_000) state.added.splice(0, state.added.length - 5_000);
  });
  state.observer = observer;
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'open', 'aria-hidden', 'aria-expanded'],
  });
}

function stopObserving(key: string): void {
  const holder = window as unknown as Record<string, { observer?: MutationObserver } | undefined>;
  holder[key]?.observer?.disconnect();
}

function changesSince(key: string): { content: number; attributes: number } {
  const holder = window as unknown as Record<string, { content: number; attributes: number } | undefined>;
  return { content: holder[key]?.content ?? 0, attributes: holder[key]?.attributes ?? 0 };
}

export async function watchChanges(page: Page): Promise<ChangeWatch> {
  const mainFrame = page.mainFrame();
  const startUrl = page.url();
  let navigatedTo: string | null = null;
  let loadedFrame: Frame | null = null;
  let requests = 0;
  const onNavigated = (frame: Frame) => {
    if (frame === mainFrame) {
      if (frame.url() !== startUrl || navigatedTo === null) navigatedTo = frame.url();
    } else if (frame.url() && frame.url() !== 'about:blank') loadedFrame = frame;
  };
  const onRequest = () => {
    requests += 1;
  };
  page.on('framenavigated', onNavigated);
  page.on('request', onRequest);
  const activity = watchActivity(page);
  await inPage(page, observeChanges, WATCH_KEY);
  const stop = () => {
    page.off('framenavigated', onNavigated);
    page.off('request', onRequest);
    // The observer stops with the watch (best effort: the page may be gone); the region stays readable.
    void inPage(page, stopObserving, WATCH_KEY).catch(() => undefined);
  };
  const domChanges = () => inPage(page, changesSince, WATCH_KEY).catch(() => ({ content: 0, attributes: 0 }));

  return {
    stop,
    async reaction(bounds) {
      const start = Date.now();
      let last = -1;
      let lastChangeAt = start;
      while (!page.isClosed()) {
        if (navigatedTo !== null) {
          const left = () => Math.max(1_000, bounds.boundMs - (Date.now() - start));
          await page.waitForLoadState('domcontentloaded', { timeout: left() }).catch(() => undefined);
          await waitForQuiet(page, activity, bounds.quietMs, left());
          return { kind: 'navigation', url: page.url() };
        }
        const seen = await domChanges();
        const changes = seen.content + (bounds.attributes ? seen.attributes : 0);
        if (changes !== last) {
          last = changes;
          lastChangeAt = Date.now();
        }
        const domQuiet = Date.now() - lastChangeAt;
        const reacted = changes > 0 || requests > 0 || loadedFrame !== null;
        // Settled: nothing changed for a while and no request is in flight; a page that polls the network all the
        // time (analytics, long polling) counts as settled once its DOM stayed still for longer.
        const settled =
          domQuiet >= bounds.quietMs &&
          (activity.quietFor() >= bounds.quietMs || domQuiet >= Math.max(2_000, 4 * bounds.quietMs));
        // A frame that loaded after the action holds the answer (a results iframe); its <iframe> element is a change too.
        if (loadedFrame && settled) return { kind: 'frame', frame: loadedFrame };
        if (changes > 0 && settled) return { kind: 'dom' };
        // No request and no change at all, or only requests that changed nothing (a beacon, a failed fetch).
        if (!reacted && Date.now() - start >= bounds.idleMs) return { kind: 'none' };
        if (
          reacted &&
          changes === 0 &&
          !loadedFrame &&
          Date.now() - start >= bounds.idleMs &&
          activity.quietFor() >= bounds.quietMs
        )
          return { kind: 'none' };
        if (Date.now() - start >= bounds.boundMs) return { kind: 'timeout' };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { kind: 'timeout' };
    },
  };
}

async function waitForQuiet(
  page: Page,
  activity: { quietFor(): number },
  quietMs: number,
  boundMs: number,
): Promise<void> {
  const end = Date.now() + boundMs;
  while (Date.now() < end && !page.isClosed() && activity.quietFor() < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What appeared in the page since the watch started: its links and text, the elements on top only. */
export interface ChangedRegion {
  text: string;
  links: { href: string; text: string; context: string }[];
  /** A short CSS-like description of where the content appeared ("div#resultados", "dialog"). */
  where: string;
}

function readChangedRegion(args: { key: string; revealed: boolean }): ChangedRegion {
  const clean = (value: string | null | undefined, max = 300) =>
    (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const holder = window as unknown as Record<string, { added: Element[]; revealed: Element[] } | undefined>;
  const state = holder[args.key];
  const added = [...(state?.added ?? []), ...(args.revealed ? (state?.revealed ?? []) : [])].filter(
    (el) => el.isConnected && el !== document.body && el !== document.documentElement,
  );
  const visible = (el: Element) => {
    const box = (el as HTMLElement).getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const unique = new Set(
    [...new Set(added)].filter((el) => visible(el) && !(el instanceof HTMLInputElement)),
  );
  // The elements on top only: walking up each one's ancestors is linear in the page's depth.
  const top = [...unique].filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (unique.has(up)) return false;
    return true;
  });
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
  const links: ChangedRegion['links'] = [];
  const seen = new Set<Element>();
  for (const el of top) {
    const anchors = el.matches('a[href]') ? [el] : Array.from(el.querySelectorAll('a[href]'));
    for (const anchor of anchors) {
      if (seen.has(anchor) || links.length >= 200) continue;
      seen.add(anchor);
      const holderEl =
        anchor.closest('li, article, tr, [class*="result" i], [class*="hit" i], div') ?? anchor.parentElement;
      links.push({
        href: (anchor as HTMLAnchorElement).href,
        text: clean(
          (anchor as HTMLElement).innerText ||
            anchor.getAttribute('title') ||
            anchor.getAttribute('aria-label'),
          200,
        ),
        context: clean((holderEl as HTMLElement | null)?.innerText, 300),
      });
    }
  }
  return {
    text: clean(top.map((el) => (el as HTMLElement).innerText ?? el.textContent ?? '').join('\n'), 20_000),
    links,
    where: top.slice(0, 3).map(describe).join(', '),
  };
}

/**
 * The content added or changed since `watchChanges` (results injected by script, an overlay, a dialog); with
 * `revealed`, also the elements whose visibility attributes changed (a panel shown by a class or style).
 */
export function changedRegion(page: Page, options: { revealed?: boolean } = {}): Promise<ChangedRegion> {
  return inPage(page, readChangedRegion, { key: WATCH_KEY, revealed: options.revealed ?? false });
}

/** Request methods that only read. */
const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * While a collector acts on a page (fills a lookup, opens a chat), any request that could act — a POST, PUT,
 * PATCH, DELETE — is refused before it leaves the browser: the scanner never creates, pays or sends, whatever a
 * script does on a click. Reading requests go on to the context's own routing (`fallback`, not `continue`, so a
 * context-wide egress policy still applies). Returns the undo and the refused requests, for the evidence.
 */
export async function refuseActingRequests(
  page: Page,
): Promise<{ refused: string[]; undo(): Promise<void> }> {
  const refused: string[] = [];
  const handler = async (route: Route, request: Request) => {
    if (READING_METHODS.has(request.method().toUpperCase())) return route.fallback();
    refused.push(`${request.method()} ${request.url()}`);
    return route.abort('blockedbyclient');
  };
  await page.route('**/*', handler);
  return {
    refused,
    undo: () => page.unroute('**/*', handler).catch(() => undefined),
  };
}
