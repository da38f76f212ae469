import type { CDPSession, Page } from 'playwright-core';

/** A viewport in CSS pixels. */
export interface ViewportSize {
  width: number;
  height: number;
}

interface DeviceMetrics {
  width: number;
  height: number;
  screenWidth: number;
  screenHeight: number;
  deviceScaleFactor: number;
  mobile: boolean;
  screenOrientation: { angle: number; type: 'portraitPrimary' | 'landscapePrimary' };
}

interface ViewportControl {
  cdp: CDPSession;
  /** The metrics the tab's context set (Playwright's own override), put back after every emulation. */
  desktop: DeviceMetrics;
}

/**
 * One DevTools session per tab for the viewport, kept for the tab's life: detaching a session that emulated a
 * viewport makes Chromium drop device emulation altogether (Playwright's too) until the next navigation.
 */
const controls = new WeakMap<Page, Promise<ViewportControl | null>>();

function controlOf(page: Page): Promise<ViewportControl | null> {
  const known = controls.get(page);
  if (known) return known;
  const control = (async (): Promise<ViewportControl | null> => {
    const viewport = page.viewportSize();
    if (!viewport) return null;
    const cdp = await page.context().newCDPSession(page);
    return {
      cdp,
      // What Playwright sends for a desktop context that sets only a viewport, as the site scan's do (crPage's
      // _updateViewport): the screen is the viewport, one device pixel per CSS pixel. Not read from the page,
      // which can redefine `screen`.
      desktop: {
        width: viewport.width,
        height: viewport.height,
        screenWidth: viewport.width,
        screenHeight: viewport.height,
        deviceScaleFactor: 1,
        mobile: false,
        screenOrientation: { angle: 0, type: 'landscapePrimary' },
      },
    };
  })().catch(() => {
    // A tab that cannot open a session now (closing, crashed) may next time.
    controls.delete(page);
    return null;
  });
  controls.set(page, control);
  return control;
}

/**
 * Runs `work` with the page's layout viewport (and screen) at `size`, then puts the context's viewport back. For
 * pages of contexts that set only a viewport (no screen, no device scale factor, not mobile), as the scan's do.
 *
 * Why not `page.setViewportSize`: in headless Chromium Playwright also resizes the browser window
 * (`Browser.setWindowBounds`) each time, which the benchmark measured as half of the cost of the mobile layout on
 * every analysed page. Device emulation alone is what media queries and layout read. The viewport meta tag is not
 * emulated (`mobile: false`, as before): a page without responsive CSS lays out at 360 px and overflows, as it
 * does for a phone user zooming in.
 */
export async function atViewport<T>(page: Page, size: ViewportSize, work: () => Promise<T>): Promise<T> {
  const control = await controlOf(page);
  if (!control) {
    // No context viewport to return to (viewport: null) or no DevTools session: Playwright's way.
    const original = page.viewportSize();
    await page.setViewportSize(size);
    try {
      return await work();
    } finally {
      if (original) await page.setViewportSize(original).catch(() => undefined);
    }
  }
  const { cdp, desktop } = control;
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    ...desktop,
    width: size.width,
    height: size.height,
    screenWidth: size.width,
    screenHeight: size.height,
    screenOrientation: { angle: 0, type: size.width > size.height ? 'landscapePrimary' : 'portraitPrimary' },
  });
  try {
    return await work();
  } finally {
    await cdp.send('Emulation.setDeviceMetricsOverride', desktop).catch(() => undefined);
  }
}
