import type { Page, Response } from 'playwright-core';
import { widgetVendors } from '../data/index.js';
import type { PageSnapshot } from '../page-snapshot.js';
import { extractPage, type ExtractedPage } from './extract-page.js';
import { evaluateSource } from './in-page.js';
import { measureLayout, type LayoutMeasure } from './measure-layout.js';
import type { PageTracker } from './page-tracker.js';

/** Caps that keep a 10 MB page or a page with 100 000 links from exhausting memory. */
export const SNAPSHOT_LIMITS = { textChars: 200_000, inlineScriptChars: 2_000, links: 3_000, headings: 500, forms: 100 };

/** The widget vendors' selectors (data/vendors.json): the snapshot looks for them in the DOM. */
export const WIDGET_SELECTORS = widgetVendors.map((vendor) => ({ id: vendor.id, selectors: vendor.selectors }));

/** The mobile viewport of the layout measurements. */
export const MOBILE_VIEWPORT = { width: 360, height: 640 };

export interface SnapshotOptions {
  tracker?: PageTracker;
  /** URL asked for before redirects (defaults to the response's first request). */
  requestedUrl?: string;
  /** Measure the layout at the mobile viewport (resizes the page; skip on cheap visits). */
  layout?: boolean;
}

function requestedUrlOf(response: Response | null): string {
  let request = response?.request() ?? null;
  while (request?.redirectedFrom()) request = request.redirectedFrom();
  return request?.url() ?? '';
}

/** Reads the rendered page: text, links, forms, scripts, dates…, once, after JavaScript ran. */
export async function extractSnapshotData(page: Page): Promise<ExtractedPage> {
  return evaluateSource(page, extractPage, { ...SNAPSHOT_LIMITS, widgetSelectors: WIDGET_SELECTORS });
}

/**
 * Layout measurements at 360×640 (resizing the viewport once, after the desktop extraction and axe ran), so the
 * site's responsive CSS applies as on a phone. The desktop context does not emulate the viewport meta tag; a page
 * without responsive CSS therefore shows as overflowing, as it would for a phone user zooming in.
 */
export async function measureMobileLayout(page: Page): Promise<LayoutMeasure> {
  const original = page.viewportSize();
  await page.setViewportSize(MOBILE_VIEWPORT);
  try {
    // Reading sizes forces style and layout at the new viewport; frames are waited for only while the renderer
    // has not seen the new size yet (each frame pair cost ~25 ms per page when always waited for).
    await page.evaluate(
      (width) =>
        window.innerWidth === width ? null : new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      MOBILE_VIEWPORT.width,
    );
    return await evaluateSource(page, measureLayout, { textNodes: 20_000, targets: 3_000 });
  } finally {
    if (original) await page.setViewportSize(original).catch(() => undefined);
  }
}

export async function takeSnapshot(page: Page, response: Response | null, depth: number, options: SnapshotOptions = {}): Promise<PageSnapshot> {
  const data = await extractSnapshotData(page);
  const layout = options.layout === false ? { smallTextRatio: 0, smallTapTargets: 0, horizontalOverflow: false } : await measureMobileLayout(page);
  const headers = response ? await response.allHeaders().catch(() => response.headers()) : {};
  return {
    url: page.url(),
    requestedUrl: options.requestedUrl ?? requestedUrlOf(response),
    status: response?.status() ?? 0,
    contentType: (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
    headers,
    title: data.title,
    lang: data.lang,
    metaDescription: data.metaDescription,
    viewport: data.viewport,
    meta: data.meta,
    headings: data.headings,
    text: data.text,
    links: data.links,
    forms: data.forms,
    scripts: data.scripts,
    inlineScripts: data.inlineScripts,
    iframes: data.iframes,
    dates: data.dates,
    widgets: data.widgets,
    resources: options.tracker?.resources() ?? [],
    transferBytes: options.tracker?.transferBytes() ?? 0,
    layout,
    soft404: false,
    depth,
  };
}
