import type { Page, Response } from 'playwright-core';
import { phrases, widgetVendors } from '../data/index.js';
import type { PageSnapshot } from '../page-snapshot.js';
import { extractPage, type ExtractedPage } from './extract-page.js';
import { evaluateSource, evaluateSources } from './in-page.js';
import { measureLayout, type LayoutMeasure } from './measure-layout.js';
import { atViewport } from './viewport.js';
import type { PageTracker } from './page-tracker.js';
import { locateSearchBox, type SearchBoxFound } from './search-box.js';

/** Caps that keep a 10 MB page or a page with 100 000 links from exhausting memory. */
export const SNAPSHOT_LIMITS = {
  textChars: 200_000,
  inlineScriptChars: 2_000,
  links: 3_000,
  headings: 500,
  forms: 100,
};

/** The widget vendors' selectors (data/vendors.json): the snapshot looks for them in the DOM. */
export const WIDGET_SELECTORS = widgetVendors.map((vendor) => ({
  id: vendor.id,
  selectors: vendor.selectors,
}));

/** One-word names of a search control (vocabulary `searchControl`), for locateSearchBox. */
export const SEARCH_BOX_WORDS = phrases('searchControl').phrases.filter((phrase) => !phrase.includes(' '));

/** The mobile viewport of the layout measurements. */
export const MOBILE_VIEWPORT = { width: 360, height: 640 };

export interface SnapshotOptions {
  tracker?: PageTracker;
  /** URL asked for before redirects (defaults to the response's first request). */
  requestedUrl?: string;
  /**
   * Measure the layout at the mobile viewport (default). `false` leaves an all-zero layout for the caller to fill:
   * the crawl measures it with measureMobileLayout after axe ran.
   */
  layout?: boolean;
}

function requestedUrlOf(response: Response | null): string {
  let request = response?.request() ?? null;
  while (request?.redirectedFrom()) request = request.redirectedFrom();
  return request?.url() ?? '';
}

/** Reads the rendered page once, after JavaScript ran: text, links, forms, scripts, dates…, and its search box. */
export async function extractSnapshotData(
  page: Page,
): Promise<ExtractedPage & { searchBox: SearchBoxFound | null }> {
  const { data, searchBox } = await evaluateSources(page, {
    data: [extractPage, { ...SNAPSHOT_LIMITS, widgetSelectors: WIDGET_SELECTORS }],
    searchBox: [locateSearchBox, { words: SEARCH_BOX_WORDS, forSubmit: false }],
  });
  return { ...data, searchBox };
}

/**
 * Layout measurements at 360×640, so the site's responsive CSS applies as on a phone (snapshot/viewport.ts says how
 * the viewport changes and back). The crawl measures after axe ran; `takeSnapshot` alone measures after extracting.
 */
export async function measureMobileLayout(page: Page): Promise<LayoutMeasure> {
  return atViewport(page, MOBILE_VIEWPORT, () =>
    evaluateSource(page, measureLayout, { width: MOBILE_VIEWPORT.width, textNodes: 20_000, targets: 3_000 }),
  );
}

export async function takeSnapshot(
  page: Page,
  response: Response | null,
  depth: number,
  options: SnapshotOptions = {},
): Promise<PageSnapshot> {
  const data = await extractSnapshotData(page);
  const layout =
    options.layout === false
      ? { smallTextRatio: 0, smallTapTargets: 0, horizontalOverflow: false }
      : await measureMobileLayout(page);
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
    searchBox: data.searchBox,
    resources: options.tracker?.resources() ?? [],
    transferBytes: options.tracker?.transferBytes() ?? 0,
    layout,
    soft404: false,
    depth,
  };
}
