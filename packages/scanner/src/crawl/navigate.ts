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

/** Requests in flight on a page and the time of the last start or end, tracked from before navigation. */
function trackActivity(page: Page) {
  const inFlight = new Set<Request>();
  let last = Date.now();
  const started = (request: Request) => {
    inFlight.add(request);
    last = Date.now();
  };
  const ended = (request: Request) => {
    inFlight.delete(request);
    last = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    quietFor: () => (inFlight.size === 0 ? Date.now() - last : 0),
    stop() {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}

/** Waits for `load`, then for QUIET_MS without network activity; never longer than `timeoutMs` in all. */
async function settle(page: Page, activity: ReturnType<typeof trackActivity>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
  while (Date.now() < deadline && activity.quietFor() < QUIET_MS && !page.isClosed()) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Opens a URL like a person does: waits for the document (DOMContentLoaded), then a bounded while for the network
 * to go quiet so JavaScript can build menus. A page whose load never finishes is cut at `timeoutMs` and used as it
 * is when its document already arrived. A URL that starts a download comes back as `download`. Other failures
 * throw Playwright's error (`net::ERR_*`, timeout), for classifyNavigationError.
 */
export async function openPage(page: Page, url: string, options: { timeoutMs: number; idleMs: number }): Promise<Visit> {
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
  const activity = trackActivity(page);
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
    if (options.idleMs > 0) await settle(page, activity, options.idleMs);
    return { kind: 'page', response, status: response?.status() ?? 0, contentType: contentTypeOf(response), url: page.url(), cut: false };
  } finally {
    activity.stop();
    page.off('response', onResponse);
    page.off('download', onDownload);
  }
}
