// The physical limit the pipeline is measured against: the same browser, the same concurrency, the same pages,
// doing only what no scan can skip — open each page and run axe-core with the same tags and options as the
// scanner. No crawl decisions, no snapshots, no collectors, no probes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { defaultProfile } from '@egov-monitor/rubric';

export interface BareSite {
  url: string;
  pages: string[];
}

export interface BareResult {
  sites: number;
  pages: number;
  /** Pages whose navigation or axe run failed (counted in `pages`, reported apart). */
  failedPages: number;
  wallMs: number;
  violations: number;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;
function axe(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * One fresh context per site (as the scanner does), its pages one after another in one tab, `concurrency` sites
 * at once. Navigation waits for the `load` event: what a bare loop would do before running axe.
 */
export async function runBareLoop(
  browser: Browser,
  sites: BareSite[],
  options: {
    concurrency: number;
    axeTags: string[];
    pageTimeoutMs: number;
    userAgent: string;
    onSiteDone?: () => void;
  },
): Promise<BareResult> {
  const source = axe();
  let pages = 0;
  let failedPages = 0;
  let violations = 0;
  const started = performance.now();
  await forEachConcurrently(sites, options.concurrency, async (site) => {
    const context = await browser.newContext({
      userAgent: options.userAgent,
      locale: defaultProfile.locale,
      viewport: { width: 1280, height: 800 },
    });
    try {
      const page = await context.newPage();
      for (const url of site.pages) {
        pages += 1;
        try {
          await page.goto(url, { waitUntil: 'load', timeout: options.pageTimeoutMs });
          await page.evaluate(source);
          // Same call as the scanner's axe runner: violations only, no iframes, no element references.
          const found = (await page.evaluate(
            (tags) =>
              (
                window as unknown as {
                  axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> };
                }
              ).axe
                .run(document, {
                  runOnly: { type: 'tag', values: tags },
                  resultTypes: ['violations'],
                  iframes: false,
                  elementRef: false,
                })
                .then((result) => result.violations.length),
            options.axeTags,
          )) as number;
          violations += found;
        } catch {
          failedPages += 1;
        }
      }
    } finally {
      await context.close().catch(() => undefined);
      options.onSiteDone?.();
    }
  });
  return { sites: sites.length, pages, failedPages, wallMs: performance.now() - started, violations };
}

/** `concurrency` workers take the next item as soon as they are free (the pipeline's p-limit does the same). */
export async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
