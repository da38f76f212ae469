import type { BrowserContext, Page } from 'playwright-core';
import {
  classifyNavigationError,
  isProxyConnectError,
  ScanError,
  type ClassifiedError,
  type ConnectFailureHint,
} from '../errors.js';
import { trackPage } from '../snapshot/page-tracker.js';
import type { OpenedHome } from './crawler.js';
import { isHtmlType, openPage } from './navigate.js';
import { sleep } from './time.js';

/** Pauses before the 2nd and 3rd attempt: a server that is briefly overloaded gets a breath. */
export const RETRY_DELAYS_MS = [1_000, 3_000];

/**
 * Opens the home page the way the scan needs it, retrying transient failures (timeouts, resets, 5xx, 429) with
 * exponential backoff within the deadline; permanent ones (DNS, refused, certificate, 404) fail at once.
 */
export async function openHome(
  context: BrowserContext,
  url: string,
  options: {
    pageTimeoutMs: number;
    deadline: number;
    now: () => number;
    log: (message: string) => void;
    retryDelaysMs?: number[];
    /** The egress proxy's record of the connection behind a proxy error (refused, DNS, refused port…). */
    explainConnectFailure?: (url: string, since: number) => ConnectFailureHint | undefined;
    /** The pause between attempts (tests inject one that records the pauses instead of timing them). */
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<{ home: OpenedHome } | { failure: ClassifiedError }> {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let failure: ClassifiedError | null = null;
  for (let attempt = 0; attempt <= delays.length; attempt += 1) {
    if (attempt > 0) {
      const pause = delays[attempt - 1]!;
      if (options.now() + pause + 1_000 > options.deadline) break;
      options.log(`home page: ${failure?.code}; retrying in ${pause} ms`);
      await (options.sleep ?? sleep)(pause);
    }
    // The page's safety net, never past the site's.
    const timeoutMs = Math.min(options.pageTimeoutMs, options.deadline - options.now());
    if (timeoutMs < 1_000) break;
    let page: Page | null = null;
    const attemptStarted = Date.now();
    try {
      page = await context.newPage();
      const tracker = await trackPage(page);
      let crashed = false;
      page.once('crash', () => {
        crashed = true;
      });
      const visit = await openPage(page, url, {
        timeoutMs,
        settleMs: Math.max(1, Math.min(options.pageTimeoutMs, options.deadline - options.now())),
      }).catch((error: unknown) => {
        if (crashed)
          throw new ScanError(
            'browser-crashed',
            `The browser tab crashed while opening ${url}. The page may exhaust the browser's memory; re-run the scan.`,
          );
        throw error;
      });
      if (visit.kind === 'download' || (visit.status < 400 && !isHtmlType(visit.contentType))) {
        throw new ScanError(
          'not-html',
          `The home page ${url} is ${visit.kind === 'download' ? 'a file download' : `a ${visit.contentType} document`}, not a web page. Point the list at the site's HTML home page.`,
        );
      }
      if (visit.kind === 'page' && visit.cut) {
        // The document itself never finished within the page timeout (a stream that never ends, a blocking script in
        // <head>): a citizen sees a page that keeps loading. Inner pages are used as far as they got; without a
        // complete home page the site cannot be judged.
        throw new ScanError(
          'timeout',
          `The home page ${url} started to load but never finished within ${Math.round(timeoutMs / 1000)} s. Check the server (a response that never ends, a script that blocks the page); if the site is only slow, scan it with a longer page time limit (--page-timeout).`,
          true,
        );
      }
      if (visit.status >= 400) {
        failure = classifyNavigationError(visit.status, url);
        await tracker.detach();
        await page.close().catch(() => undefined);
        page = null;
        if (failure.transient) continue;
        return { failure };
      }
      return { home: { page, tracker, visit, requestedUrl: url } };
    } catch (error) {
      await page?.close().catch(() => undefined);
      const hint = isProxyConnectError(error)
        ? options.explainConnectFailure?.(url, attemptStarted)
        : undefined;
      failure = classifyNavigationError(error, url, hint);
      if (!failure.transient) return { failure };
    }
  }
  return {
    failure: failure ?? {
      code: 'timeout',
      transient: true,
      message: `The site's time budget ran out before its home page ${url} answered.`,
    },
  };
}
