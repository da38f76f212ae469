import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchTestBrowser } from '../collectors/test-support/harness.js';
import { createTabPool } from './tab-pool.js';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchTestBrowser();
  context = await browser.newContext();
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('tab pool', () => {
  it('lends a tab given back to the next borrower, and opens one only when none is free', async () => {
    const tabs = createTabPool(context);
    const first = await tabs.acquire();
    const second = await tabs.acquire();
    expect(second).not.toBe(first);
    await tabs.release(first);
    expect(await tabs.acquire()).toBe(first);
    await tabs.release(first);
    await tabs.release(second);
    // Given back in that order, lent in that order.
    expect(await tabs.acquire()).toBe(first);
    expect(await tabs.acquire()).toBe(second);
    await tabs.close();
  });

  it('closes a tab given back broken, skips one that closed while free, and never lends one tab twice', async () => {
    const tabs = createTabPool(context);
    const broken = await tabs.acquire();
    await tabs.release(broken, false);
    expect(broken.isClosed()).toBe(true);

    const gone = await tabs.acquire();
    await tabs.release(gone);
    await gone.close();
    const fresh = await tabs.acquire();
    expect(fresh).not.toBe(gone);
    expect(fresh.isClosed()).toBe(false);

    // Released twice by mistake: still lent once.
    await tabs.release(fresh);
    await tabs.release(fresh);
    const a = await tabs.acquire();
    const b = await tabs.acquire();
    expect(a).toBe(fresh);
    expect(b).not.toBe(fresh);
    await tabs.release(a);
    await tabs.release(b);
    await tabs.close();
    expect(a.isClosed() && b.isClosed()).toBe(true);
  });

  it('keeps at most two free tabs: a third given back is closed', async () => {
    const tabs = createTabPool(context);
    const lent = [await tabs.acquire(), await tabs.acquire(), await tabs.acquire()];
    for (const tab of lent) await tabs.release(tab);
    expect(lent.map((tab) => tab.isClosed())).toEqual([false, false, true]);
    await tabs.close();
  });
});
