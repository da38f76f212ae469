import type { Page, Request, Response } from 'playwright-core';

export type Visit =
  | {
      kind: 'page';
      response: Response | null;
      status: number;
      contentType: string;
      url: string;
      /** The document itself did not finish arriving within the navigation's safety net (what rendered is used). */
      cut: boolean;
      /** The page became ready (load, then network and DOM quiet) before its settle safety net fired. */
      ready: boolean;
    }
  | { kind: 'download'; response: Response | null; status: number; contentType: string; url: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/;

export function isHtmlType(contentType: string): boolean {
  return contentType === '' || HTML_TYPES.test(contentType);
}

function contentTypeOf(response: Response | null): string {
  return (response?.headers()['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * How long a page must go without a request starting or ending, and without its DOM changing, after `load` before
 * it counts as ready. Playwright's 'networkidle' asks for 500 ms of network quiet and never looks at the DOM; the
 * benchmark (docs/performance.md) measured that wait as half of a site's scan time with the CPU idle. Scripts that
 * build a menu do so from `load` or from a fetch they start then: the fetch keeps the network busy until it ends,
 * and writing the menu into the page keeps the DOM busy until it is written.
 */
export const QUIET_MS = 300;

/**
 * A request in flight this long is the page's background (a long-polling chat, a stream), not something its content
 * waits for: it no longer holds readiness back. Far above what a healthy request that builds a menu takes, even
 * on a busy machine, so the rule still waits for those.
 */
export const LONG_LIVED_MS = 15_000;

/** Requests in flight on a page and the time of the last start or end, for as long as the page lives. */
export interface PageActivity {
  /** Milliseconds since the last request started or ended; 0 while one that counts is in flight. */
  quietFor(): number;
}

const activities = new WeakMap<Page, PageActivity>();

/**
 * Starts watching a page's requests (once per page; later calls return the same watcher). Call it before the
 * page navigates, so requests already in flight when it settles are known: `openPage` does, and so does every
 * tab the collectors open. An event stream, or a request in flight for LONG_LIVED_MS, does not count as in flight.
 */
export function watchActivity(page: Page): PageActivity {
  const known = activities.get(page);
  if (known) return known;
  const inFlight = new Map<Request, number>();
  let last = Date.now();
  page.on('request', (request) => {
    last = Date.now();
    if (request.resourceType() !== 'eventsource') inFlight.set(request, last);
  });
  const ended = (request: Request) => {
    inFlight.delete(request);
    last = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  const busy = () => {
    const now = Date.now();
    for (const started of inFlight.values()) if (now - started < LONG_LIVED_MS) return true;
    return false;
  };
  const activity = { quietFor: () => (busy() ? 0 : Date.now() - last) };
  activities.set(page, activity);
  return activity;
}

/**
 * Milliseconds since the page's content last changed (nodes or text added or removed), on the page's own clock.
 * The first call in a document starts watching and answers 0. What changes how the page looks but not what it
 * says does not count: attributes (an animation, a carousel moving), and a rewrite of the same size (a clock
 * ticking "10:32:15" → "10:32:16"), which would otherwise keep a page from ever being ready. Runs as a task of the
 * page's main thread, so a script the page queued before it (a fetch's callback writing the menu) runs first and
 * is seen.
 */
const DOM_QUIET_SOURCE = `(() => {
  const key = '__egovMonitorDomWatch';
  let state = window[key];
  if (!state) {
    state = { last: performance.now() };
    const size = (nodes) => {
      let elements = 0;
      let text = 0;
      for (const node of nodes) {
        text += (node.textContent || '').length;
        if (node.nodeType === 1) elements += 1 + node.getElementsByTagName('*').length;
      }
      return elements + ':' + text;
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const sameSize = record.type === 'characterData'
          ? (record.oldValue || '').length === (record.target.data || '').length
          : size(record.addedNodes) === size(record.removedNodes);
        if (!sameSize) {
          state.last = performance.now();
          return;
        }
      }
    }).observe(document, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    Object.defineProperty(window, key, { value: state, enumerable: false });
    return 0;
  }
  return performance.now() - state.last;
})()`;

async function domQuietFor(page: Page): Promise<number> {
  // A page that navigates again (a script redirect) or is closed answers nothing: not quiet.
  return ((await page.evaluate(DOM_QUIET_SOURCE).catch(() => 0)) as number) ?? 0;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the page is ready to be read, by what it does rather than by a fixed wait: its `load` event, then
 * QUIET_MS with no request in flight and no change to its DOM. `capMs` is only a safety net, far above what a
 * healthy page needs: on a busy machine a page takes longer to get there, and the rule waits for it. Answers
 * whether the page got there (false: the cap fired first, and the page is read as it stands). The page's requests
 * are counted from `watchActivity` on, so a page watched only from now may miss one already in flight.
 */
export async function settle(
  page: Page,
  capMs: number,
  whileQuiet?: () => Promise<unknown>,
): Promise<boolean> {
  const activity = watchActivity(page);
  const deadline = Date.now() + capMs;
  const loaded = await page
    .waitForLoadState('load', { timeout: Math.max(1, capMs) })
    .then(() => true)
    .catch(() => false);
  // Work that does not read the DOM (injecting axe) runs in the quiet window instead of after it. Its failure is
  // the caller's to see later (axe is injected again before it runs).
  const alongside = whileQuiet?.().catch(() => undefined);
  let ready = false;
  if (loaded) {
    await domQuietFor(page);
    while (Date.now() < deadline && !page.isClosed()) {
      const network = activity.quietFor();
      if (network < QUIET_MS) {
        await pause(network === 0 ? 25 : QUIET_MS - network);
        continue;
      }
      const dom = await domQuietFor(page);
      if (dom >= QUIET_MS && activity.quietFor() >= QUIET_MS) {
        ready = true;
        break;
      }
      await pause(Math.max(25, QUIET_MS - dom));
    }
  }
  await alongside;
  return ready;
}

/**
 * Opens a URL like a person does: waits for the document (DOMContentLoaded), then until the page is ready
 * (`settle`: load, then network and DOM quiet) so JavaScript can build menus. Both waits are bounded only by safety
 * nets: `timeoutMs` for the document, `settleMs` for readiness. A page whose document does not finish is `cut`, one
 * that never gets ready is not `ready`; either is used as it stands when its document arrived. A URL that starts a download comes back as `download`. Other failures throw
 * Playwright's error (`net::ERR_*`, timeout), for classifyNavigationError.
 */
export async function openPage(
  page: Page,
  url: string,
  options: { timeoutMs: number; settleMs: number; whileSettling?: () => Promise<unknown> },
): Promise<Visit> {
  let mainResponse: Response | null = null;
  let downloaded = false;
  const onResponse = (response: Response) => {
    if (response.frame() === page.mainFrame() && response.request().isNavigationRequest())
      mainResponse = response;
  };
  const onDownload = () => {
    downloaded = true;
  };
  page.on('response', onResponse);
  page.on('download', onDownload);
  watchActivity(page);
  try {
    let response: Response | null;
    try {
      response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const seen = mainResponse as Response | null;
      if (downloaded || /Download is starting/i.test(message)) {
        return {
          kind: 'download',
          response: seen,
          status: seen?.status() ?? 0,
          contentType: contentTypeOf(seen),
          url: seen?.url() ?? url,
        };
      }
      const isTimeout = /Timeout \d+ms exceeded/i.test(message);
      if (isTimeout && seen && seen.status() < 400 && isHtmlType(contentTypeOf(seen))) {
        // The document arrived but never finished (a hanging script or stream): take what rendered.
        return {
          kind: 'page',
          response: seen,
          status: seen.status(),
          contentType: contentTypeOf(seen),
          url: page.url(),
          cut: true,
          ready: false,
        };
      }
      throw error;
    }
    if (downloaded)
      return {
        kind: 'download',
        response,
        status: response?.status() ?? 0,
        contentType: contentTypeOf(response),
        url: response?.url() ?? url,
      };
    const ready = options.settleMs > 0 ? await settle(page, options.settleMs, options.whileSettling) : true;
    return {
      kind: 'page',
      response,
      status: response?.status() ?? 0,
      contentType: contentTypeOf(response),
      url: page.url(),
      cut: false,
      ready,
    };
  } finally {
    page.off('response', onResponse);
    page.off('download', onDownload);
  }
}
