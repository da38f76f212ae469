/**
 * Live pages for the collectors that act like the report's evaluator (follow a link, type a query, re-render
 * with another clock). Every page is opened in the scan's BrowserContext, bounded by the site's deadline, and
 * closed in `finally`.
 */
import type { Frame, Page } from 'playwright-core';
import type { PageSnapshot, SnapshotForm, SnapshotLink } from '../../page-snapshot.js';
import type { SiteContext } from '../collector.js';
import { phrases } from '../../data/index.js';
import { settle as settleAfterLoad, watchActivity } from '../../crawl/navigate.js';
import { evaluateSource } from '../../snapshot/in-page.js';
import { words } from '@egov-monitor/rubric';

/** What a collector reads from a page, whether from the crawl's snapshot or read live. */
export type PageFacts = Pick<
  PageSnapshot,
  'url' | 'title' | 'text' | 'headings' | 'links' | 'forms' | 'scripts' | 'inlineScripts' | 'iframes'
>;

export interface OpenedPage {
  url: string;
  status: number;
  facts: PageFacts | null;
  error?: string;
}

/** Safety net of one live step (a navigation, waiting until the page is ready) when the site gives none. */
export const LIVE_PAGE_TIMEOUT_MS = 60_000;

/**
 * The same site with a nearer deadline (methods and their `this` untouched). Without `ms` the site is returned as
 * it is: the site scan already gives each collector its own safety net (runCollectors), and a shorter time budget
 * here would make what a collector reads depend on how fast the machine is.
 */
export function withBudget(site: SiteContext, ms?: number): SiteContext {
  if (ms === undefined) return site;
  const deadline = Math.min(site.deadline, (site.now ?? Date.now)() + ms);
  return Object.create(site, { deadline: { value: deadline, enumerable: true } }) as SiteContext;
}

export function timeLeft(site: SiteContext): number {
  return site.deadline - (site.now ?? Date.now)();
}

/**
 * Whether the collector's safety net still leaves room for a live step that may take `ms`. When it does not, the
 * step is skipped and the collector's data is marked incomplete: the work was not finished, so what it did not
 * find proves nothing.
 */
export function hasTime(site: SiteContext, ms = 3_000): boolean {
  if (timeLeft(site) > ms) return true;
  site.markIncomplete?.({
    code: 'collector-timeout',
    message: 'the collector reached its safety time limit before finishing its work',
  });
  return false;
}

/** The safety net of one live step: the page time limit, never past the collector's deadline. */
export function navigationTimeout(site: SiteContext): number {
  return Math.max(1, Math.min(site.pageTimeoutMs ?? LIVE_PAGE_TIMEOUT_MS, timeLeft(site)));
}

/**
 * Runs `work` on a tab of the scan's context: one borrowed from the site's tab pool and given back afterwards, or,
 * with `fresh`, a new tab that is closed afterwards (for work that changes the tab for good, like moving its clock).
 * A tab whose work failed is closed rather than reused.
 */
export async function withPage<T>(
  site: SiteContext,
  work: (page: Page) => Promise<T>,
  options: { fresh?: boolean } = {},
): Promise<T> {
  const pooled = !options.fresh && site.tabs !== undefined;
  // A pooled tab is watched from its creation; a fresh one from now, before it navigates.
  const page = pooled ? await site.tabs!.acquire() : await site.browser.newPage();
  if (!pooled) watchActivity(page);
  let reusable = false;
  try {
    page.setDefaultTimeout(navigationTimeout(site));
    const result = await work(page);
    reusable = true;
    return result;
  } finally {
    if (pooled) await site.tabs!.release(page, reusable);
    else await page.close().catch(() => undefined);
  }
}

/** Opens a URL in a live page and reads it; failures come back as `error`, never thrown. */
export async function openAndRead(site: SiteContext, url: string): Promise<OpenedPage> {
  try {
    return await withPage(site, async (page) => {
      const response = await page.goto(url, {
        waitUntil: 'domcontentloaded',
        timeout: navigationTimeout(site),
      });
      await settle(page, site);
      return { url: page.url(), status: response?.status() ?? 0, facts: await readPage(page) };
    });
  } catch (error) {
    return {
      url,
      status: 0,
      facts: null,
      error: (error as Error).message.split('\n')[0] ?? 'navigation failed',
    };
  }
}

/**
 * Waits until the page is ready (the crawl's rule: `load`, then network and DOM quiet), bounded only by the page's
 * safety net, so JS-written content and widgets are there however busy the machine is. `ms` is a floor of that bound
 * kept for callers that name one; a bound below the safety net would make the result depend on the machine's speed.
 * Answers whether the page got ready before the bound.
 */
export async function settle(page: Page, site: SiteContext, ms = 0): Promise<boolean> {
  return settleAfterLoad(page, Math.max(1, Math.min(Math.max(ms, navigationTimeout(site)), timeLeft(site))));
}

/** Runs a self-contained function in the page (the snapshot's `evaluateSource`, under the collectors' name). */
export const inPage = evaluateSource;

/** Reads the same facts the crawl's snapshot has, from a live page or one of its frames (after JavaScript ran). */
export async function readPage(page: Page | Frame): Promise<PageFacts> {
  return inPage(
    page,
    (): PageFacts => {
      const clean = (value: string | null | undefined, max = 300) =>
        (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
      const cssPath = (element: Element): string => {
        if (element.id) return `#${CSS.escape(element.id)}`;
        const parts: string[] = [];
        let node: Element | null = element;
        while (node && node !== document.body && parts.length < 6) {
          const parent: Element | null = node.parentElement;
          const tag = node.tagName.toLowerCase();
          if (!parent) break;
          const same = Array.from(parent.children).filter((c) => c.tagName === node!.tagName);
          parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
          if (parent.id) {
            parts.unshift(`#${CSS.escape(parent.id)}`);
            break;
          }
          node = parent;
        }
        return parts.join(' > ');
      };
      const contextOf = (element: Element): string => {
        const holder = element.closest('li, tr, article, section, p, div');
        const text = clean((holder as HTMLElement | null)?.innerText, 300);
        return text || clean(element.parentElement?.textContent);
      };
      const labelOf = (element: Element): string => {
        const id = element.getAttribute('id');
        const byFor = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
        const wrapping = element.closest('label');
        return clean(
          byFor?.textContent ?? wrapping?.textContent ?? element.getAttribute('aria-label') ?? '',
          120,
        );
      };
      const links: SnapshotLink[] = Array.from(document.querySelectorAll('a[href], area[href]')).map((a) => {
        const anchor = a as HTMLAnchorElement;
        return {
          href: anchor.href,
          text: clean(anchor.innerText ?? anchor.textContent, 200),
          label: clean(
            anchor.getAttribute('aria-label') ??
              anchor.getAttribute('title') ??
              anchor.querySelector('img')?.getAttribute('alt'),
            200,
          ),
          rel: anchor.getAttribute('rel') ?? '',
          inNav: !!anchor.closest('nav, [role=navigation], header'),
          inFooter: !!anchor.closest('footer, [role=contentinfo]'),
          context: contextOf(anchor),
          download: anchor.hasAttribute('download'),
        };
      });
      const forms: SnapshotForm[] = Array.from(document.forms).map((f) => ({
        action: f.getAttribute('action') === null ? '' : f.action,
        method: (f.getAttribute('method') ?? 'get').toLowerCase(),
        role: f.getAttribute('role') ?? '',
        id: f.id,
        name: f.getAttribute('name') ?? '',
        selector: cssPath(f),
        fields: Array.from(f.querySelectorAll('input, textarea, select, button')).map((el) => ({
          tag: el.tagName.toLowerCase() as 'input' | 'textarea' | 'select' | 'button',
          type: (
            el.getAttribute('type') ??
            (el.tagName === 'BUTTON' ? 'submit' : el.tagName === 'INPUT' ? 'text' : el.tagName.toLowerCase())
          ).toLowerCase(),
          name: el.getAttribute('name') ?? '',
          id: el.id,
          placeholder: el.getAttribute('placeholder') ?? '',
          autocomplete: el.getAttribute('autocomplete') ?? '',
          label: labelOf(el),
          required: el.hasAttribute('required'),
        })),
        submitTexts: Array.from(f.querySelectorAll('button, input[type=submit], input[type=image]'))
          .filter(
            (b) => (b.getAttribute('type') ?? 'submit').toLowerCase() === 'submit' || b.tagName === 'INPUT',
          )
          .map((b) =>
            clean(
              (b as HTMLElement).innerText || b.getAttribute('value') || b.getAttribute('aria-label'),
              80,
            ),
          ),
      }));
      return {
        url: location.href,
        title: clean(document.title, 300),
        text: (document.body?.innerText ?? '').slice(0, 200_000),
        headings: Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => ({
          level: Number(h.tagName.slice(1)),
          text: clean((h as HTMLElement).innerText, 200),
        })),
        links,
        forms,
        scripts: Array.from(document.scripts)
          .filter((s) => s.src)
          .map((s) => s.src),
        inlineScripts: Array.from(document.scripts)
          .filter((s) => !s.src && s.textContent)
          .map((s) => (s.textContent ?? '').slice(0, 2_000)),
        iframes: Array.from(document.querySelectorAll('iframe'))
          .map((i) => i.src)
          .filter(Boolean),
      };
    },
    undefined,
  );
}

/** The top of a page: title, headings and the first words, where a "not found" or "Próximamente" notice sits. */
function pageTop(facts: Pick<PageFacts, 'title' | 'headings' | 'text'>, chars = 600): string {
  return [facts.title, ...facts.headings.slice(0, 4).map((h) => h.text), facts.text.slice(0, chars)].join(
    '\n',
  );
}

/** Soft 404: the page says it does not exist (whatever its status). */
export function looksNotFound(facts: Pick<PageFacts, 'title' | 'headings' | 'text'>): string | null {
  return phrases('notFound').find(pageTop(facts))[0] ?? null;
}

/** A placeholder instead of a service: "Próximamente" in the title/headings, or on a page with little else. */
export function looksComingSoon(facts: Pick<PageFacts, 'title' | 'headings' | 'text'>): string | null {
  const inTop = phrases('comingSoon').find([facts.title, ...facts.headings.map((h) => h.text)].join('\n'))[0];
  if (inTop) return inTop;
  if (words(facts.text).length < 150) return phrases('comingSoon').find(facts.text)[0] ?? null;
  return null;
}

/** Server error or leaked exception text near the top of the page. */
export function looksLikeError(facts: Pick<PageFacts, 'title' | 'headings' | 'text'>): string | null {
  return phrases('serverError').find(pageTop(facts, 1_500))[0] ?? null;
}

/** Absolute http(s) URL, or null for javascript:, mailto:, malformed values. */
export function absoluteHttpUrl(href: string, base?: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
