import type { CDPSession, Page, Request } from 'playwright-core';

/**
 * Watches one page from before its navigation: the sub-resources it requested (mixed content, vendors) and the
 * bytes that crossed the network (page weight on a slow connection), from the DevTools protocol's encoded sizes.
 */
export interface PageTracker {
  resources(): string[];
  transferBytes(): number;
  /** Forgets what was seen so far: the crawl reuses one tab, and each page's evidence starts empty. */
  reset(): void;
  detach(): Promise<void>;
}

const MAX_RESOURCES = 1_000;

export async function trackPage(page: Page): Promise<PageTracker> {
  const resources = new Set<string>();
  let bytes = 0;
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) return;
    if (resources.size < MAX_RESOURCES && /^https?:/.test(request.url())) resources.add(request.url());
  };
  page.on('request', onRequest);
  let cdp: CDPSession | null = null;
  try {
    cdp = await page.context().newCDPSession(page);
    // Sizes only: DevTools would otherwise keep a copy of every response body for this session too (Playwright's
    // own session already keeps one), in the renderer, for the page's whole life.
    await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0, maxPostDataSize: 0 });
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
  } catch {
    cdp = null;
  }
  return {
    resources: () => [...resources].sort(),
    transferBytes: () => Math.round(bytes),
    reset() {
      resources.clear();
      bytes = 0;
    },
    async detach() {
      page.off('request', onRequest);
      await cdp?.detach().catch(() => undefined);
    },
  };
}
