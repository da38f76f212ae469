import type { BrowserContext, Page } from 'playwright-core';
import { watchActivity } from './navigate.js';

/**
 * The tabs of one site's scan, reused from one page to the next. Opening a tab costs a renderer process, a
 * DevTools attach and a dozen protocol calls in the browser (docs/performance.md measured it as a large part of
 * the CPU a site costs beyond loading its pages), so the crawl and the collectors borrow tabs here and give them
 * back. A tab given back broken is closed; a borrower that needs a pristine tab (one whose clock it will move, say)
 * opens its own.
 */
export interface TabPool {
  /** A free tab of the site's context, or a new one. Its requests are watched (`watchActivity`) from the start. */
  acquire(): Promise<Page>;
  /**
   * Gives a tab back (or gives one opened elsewhere, like the home page's, for the first time; `openPage` watched
   * it): kept for the next borrower when `reusable`, closed otherwise.
   */
  release(page: Page, reusable?: boolean): Promise<void>;
  /** Closes the free tabs (borrowed ones close with the context). */
  close(): Promise<void>;
}

/** At most this many idle tabs are kept: the collectors run two at a time (run-collectors.ts). */
const MAX_IDLE_TABS = 2;

export function createTabPool(context: BrowserContext): TabPool {
  const idle: Page[] = [];
  const closeQuietly = (page: Page) => page.close().catch(() => undefined);
  return {
    async acquire() {
      while (idle.length > 0) {
        const page = idle.shift()!;
        if (!page.isClosed()) return page;
      }
      const page = await context.newPage();
      watchActivity(page);
      return page;
    },
    async release(page, reusable = true) {
      if (idle.includes(page)) return;
      if (!reusable || page.isClosed() || idle.length >= MAX_IDLE_TABS) return closeQuietly(page);
      page.setDefaultTimeout(30_000);
      idle.push(page);
    },
    async close() {
      await Promise.all(idle.splice(0).map(closeQuietly));
    },
  };
}
