import type { Page, Request, Response } from 'playwright-core';

export type Visit =
  | { kind: 'page'; response: Response | null; status: number; contentType: string; url: string; cut: boolean }
  | { kind: 'download'; response: Response | null; status: number; contentType: string; url: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/;

export function isHtmlType(contentType: string): boolean {
  return contentType === '' || HTML_TYPES.test(contentType);
}

function contentTypeOf(response: Response | null): string {
  return (response?.headers()['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * How long the page must go without a request in flight, started or finished, after `load` before it counts as
 * settled. Playwright's 'networkidle' asks for 500 ms on every page; the benchmark (docs/performance.md) measured
 * that wait as half of a site's scan time with the CPU idle. Scripts that build a menu do so from `load` or from a
 * fetch they start then, and any such fetch keeps the window open until it ends.
 */
export const QUIET_MS = 300;

/** Requests in flight on a page and the time of the last start or end, for as long as the page lives. */
export interface PageActivity {
  /** Milliseconds since the last request started or ended; 0 while one is in flight. */
  quietFor(): number;
}

const activities = new WeakMap<Page, PageActivity>();

/**
 * Starts watching a page's requests (once per page; later calls return the same watcher). Call it before the
 * page navigates, so requests already in flight when it settles are known: `openPage` does, and so does every
 * tab the collectors open.
 */
export function watchActivity(page: Page): PageActivity {
  const known = activities.get(page);
  if (known) return known;
  const inFlight = new Set<Request>();
  let last = Date.now();
  page.on('request', (request) => {
    inFlight.add(request);
    last = Date.now();
  });
  const ended = (request: Request) => {
    inFlight.delete(request);
    last = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  const activity = { quietFor: () => (inFlight.size === 0 ? Date.now() - last : 0) };
  activities.set(page, activity);
  return activity;
}

/**
 * Waits for `load`, then for QUIET_MS without network activity; never longer than `timeoutMs` in all. The page's
 * requests are counted from `watchActivity` on, so a page watched only from now may miss one already in flight.
 */
export async function settle(page: Page, timeoutMs: number, whileQuiet?: () => Promise<unknown>): Promise<void> {
  const activity = watchActivity(page);
  const deadline = Date.now() + timeoutMs;
  await page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
  // Work that does not read the DOM (injecting axe) runs in the quiet window instead of after it. Its failure is
  // the caller's to see later (axe is injected again before it runs).
  const alongside = whileQuiet?.().catch(() => undefined);
  while (Date.now() < deadline && activity.quietFor() < QUIET_MS && !page.isClosed()) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await alongside;
}

/**
 * Opens a URL like a person does: waits for the document (DOMContentLoaded), then a bounded while for the network
 * to go quiet so JavaScript can build menus. A page whose load never finishes is cut at `timeoutMs` and used as it
 * is when its document already arrived. A URL that starts a download comes back as `download`. Other failures
 * throw Playwright's error (`net::ERR_*`, timeout), for classifyNavigationError.
 */
export async function openPage(
  page: Page,
  url: string,
  options: { timeoutMs: number; idleMs: number; whileSettling?: () => Promise<unknown> },
): Promise<Visit> {
  let mainResponse: Response | null = null;
  let downloaded = false;
  const onResponse = (response: Response) => {
    if (response.frame() === page.mainFrame() && response.request().isNavigationRequest()) mainResponse = response;
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
        return { kind: 'download', response: seen, status: seen?.status() ?? 0, contentType: contentTypeOf(seen), url: seen?.url() ?? url };
      }
      const isTimeout = /Timeout \d+ms exceeded/i.test(message);
      if (isTimeout && seen && seen.status() < 400 && isHtmlType(contentTypeOf(seen))) {
        // The document arrived but never finished (a hanging script or stream): take what rendered.
        return { kind: 'page', response: seen, status: seen.status(), contentType: contentTypeOf(seen), url: page.url(), cut: true };
      }
      throw error;
    }
    if (downloaded) return { kind: 'download', response, status: response?.status() ?? 0, contentType: contentTypeOf(response), url: response?.url() ?? url };
    if (options.idleMs > 0) await settle(page, options.idleMs, options.whileSettling);
    return { kind: 'page', response, status: response?.status() ?? 0, contentType: contentTypeOf(response), url: page.url(), cut: false };
  } finally {
    page.off('response', onResponse);
    page.off('download', onDownload);
  }
}
