import type { Page, Response } from 'playwright-core';
import type { SearchEvidence, SearchOutcome } from '@egov-monitor/rubric';
import type { PageSnapshot } from '../page-snapshot.js';
import { locateSearchBox, type SearchBoxFound } from '../snapshot/search-box.js';
import { SEARCH_BOX_WORDS } from '../snapshot/take-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { patterns, phrases, stopwords } from '../data/index.js';
import type { PageFacts } from './support/live.js';
import {
  hasTime,
  inPage,
  looksLikeError,
  looksNotFound,
  navigationTimeout,
  readPage,
  settle,
  timeLeft,
  withBudget,
  withPage,
} from './support/live.js';
import { clip, normalizeText } from './support/text.js';

/**
 * Safety net of the whole search attempt (load, type, submit, wait, read): far above a healthy search's need. When
 * it fires the outcome is `timeout` and the evidence is incomplete (the rubric says inconclusive, never "none").
 */
const SEARCH_BUDGET_MS = 180_000;
/** How long to wait for the page to react to Enter before trying the button. */
const REACTION_MS = 6_000;

/** Pages with a search box tried, in case the first one's box is broken or its page fails to load. */
const MAX_SEARCH_PAGES = 2;

/** A word on more than this share of the pages is template (menu, footer), not content a search indexes. */
const TEMPLATE_SHARE = 0.7;

/**
 * Queries the site's own search must answer, best first: words (≥ 5 letters, not stopwords) of the pages'
 * headings and titles that their text also contains, preferring words on several pages but not on (nearly)
 * all of them — those are the template's menu and footer, which site searches usually do not index. Typed as
 * the site writes them (accents kept).
 */
export function chooseQueries(
  pages: Pick<PageSnapshot, 'title' | 'headings' | 'text'>[],
  count = 2,
): string[] {
  const inText = new Map<string, number>();
  const inHeadings = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  const tokens = (text: string) =>
    (text.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((w) => !stopwords.has(normalizeText(w)));
  for (const page of pages) {
    const words = new Set<string>();
    for (const word of tokens(page.text)) {
      const key = normalizeText(word);
      words.add(key);
      const forms = surface.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surface.set(key, forms);
    }
    for (const key of words) inText.set(key, (inText.get(key) ?? 0) + 1);
    const headingWords = new Set(
      tokens([page.title, ...page.headings.map((h) => h.text)].join(' ')).map(normalizeText),
    );
    // Only words the pages' text also contains: a search index holds text, not only <title>.
    for (const key of headingWords) if (words.has(key)) inHeadings.set(key, (inHeadings.get(key) ?? 0) + 1);
  }
  const template = (key: string) =>
    pages.length >= 4 && (inText.get(key) ?? 0) > pages.length * TEMPLATE_SHARE;
  const score = (key: string) => (inText.get(key) ?? 0) + 3 * (inHeadings.get(key) ?? 0);
  const ranked = [...inText.keys()].sort((a, b) => {
    const byTemplate = Number(template(a)) - Number(template(b));
    return byTemplate || score(b) - score(a) || a.localeCompare(b);
  });
  return ranked
    .slice(0, count)
    .map(
      (key) =>
        [...(surface.get(key)?.entries() ?? [])].sort(
          (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
        )[0]?.[0] ?? key,
    );
}

/** The best query (see chooseQueries), or null when the pages have no usable word. */
export function chooseQuery(pages: Pick<PageSnapshot, 'title' | 'headings' | 'text'>[]): string | null {
  return chooseQueries(pages, 1)[0] ?? null;
}

export interface ResultJudgement {
  outcome: SearchOutcome;
  resultCount?: number;
  detail: string;
}

/**
 * Reads the page after the search was submitted, like the evaluator does: an error or a 404 first, then an
 * explicit "no results" message, then a stated count ("23 resultados"), then result links that contain the
 * query; a page that did not change at all is "same-page".
 */
export function judgeResultPage(input: {
  query: string;
  before: Pick<PageFacts, 'url' | 'text'>;
  after: PageFacts;
  status: number | null;
  changed: boolean;
}): ResultJudgement {
  const { query, after, status } = input;
  if (!input.changed)
    return { outcome: 'same-page', detail: 'submitting the search changed neither the address nor the page' };
  if (status !== null && status >= 500)
    return { outcome: 'error', detail: `the result page answered HTTP ${status}` };
  if (status === 404 || status === 410)
    return { outcome: 'not-found', detail: `the result page answered HTTP ${status}` };
  if (status !== null && status >= 400)
    return { outcome: 'error', detail: `the result page answered HTTP ${status}` };
  const error = looksLikeError(after);
  if (error) return { outcome: 'error', detail: `the result page shows an error: "${error}"` };
  const notFound = looksNotFound(after);
  if (notFound) return { outcome: 'not-found', detail: `the result page says "${notFound}" (soft 404)` };
  const noResults = phrases('searchNoResults').find(after.text)[0];
  if (noResults)
    return { outcome: 'no-results', resultCount: 0, detail: `the result page says "${noResults}"` };

  const normalQuery = normalizeText(query);
  const resultLinks = new Set(
    after.links
      .filter((l) => !l.inNav && !l.inFooter)
      .filter(
        (l) =>
          normalizeText(`${l.text} ${l.label}`).includes(normalQuery) ||
          normalizeText(decodeURIComponentSafe(l.href)).includes(normalQuery),
      )
      .filter((l) => !/[?&](?:q|s|query|search|buscar|keys|k|texto|term|searchword)=/i.test(l.href))
      .map((l) => l.href.split('#')[0]),
  );
  for (const pattern of patterns('resultCount')) {
    const match = pattern.exec(normalizeText(after.text));
    if (!match?.[1]) continue;
    const count = Number(match[1].replace(/[.,]/g, ''));
    if (count === 0)
      return {
        outcome: 'no-results',
        resultCount: 0,
        detail: `the result page says "${clip(match[0], 60)}"`,
      };
    return {
      outcome: 'results',
      resultCount: count,
      detail: `the result page says "${clip(match[0], 60)}"; ${resultLinks.size} result links contain "${query}"`,
    };
  }
  if (resultLinks.size > 0)
    return {
      outcome: 'results',
      resultCount: resultLinks.size,
      detail: `${resultLinks.size} result links contain "${query}", e.g. ${clip([...resultLinks][0] ?? '', 120)}`,
    };
  return {
    outcome: 'no-results',
    resultCount: 0,
    detail: `the page changed but lists nothing that contains "${query}"`,
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Finds the search box in the live page it is about to type into (see snapshot/search-box.ts). */
function findSearchBox(page: Page): Promise<SearchBoxFound | null> {
  return inPage(page, locateSearchBox, { words: SEARCH_BOX_WORDS, forSubmit: true });
}

/** Opens a collapsed search box (a magnifier button) so the input can be typed into like a visitor would. */
async function revealSearchBox(page: Page): Promise<void> {
  const toggle = page
    .locator('button, a[href="#"], a[role=button], [role=button]')
    .filter({ hasText: /buscar|search|b[uú]squeda/i })
    .or(
      page.locator(
        'button[aria-label*="busc" i], button[aria-label*="search" i], button[title*="busc" i], button[class*="search" i], a[class*="search-toggle" i]',
      ),
    )
    .first();
  if ((await toggle.count()) > 0) await toggle.click({ timeout: 2_000 }).catch(() => undefined);
}

async function snapshotState(page: Page): Promise<{ url: string; text: string }> {
  return {
    url: page.url(),
    text: await inPage(page, () => document.body?.innerText ?? '', undefined).catch(() => ''),
  };
}

/** Waits until the address or the page text changes (navigation or in-page results), bounded. */
async function waitForReaction(
  page: Page,
  before: { url: string; text: string },
  ms: number,
): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await page.waitForTimeout(250);
    const now = await snapshotState(page).catch(() => before);
    if (now.url !== before.url || now.text !== before.text) {
      await page
        .waitForLoadState('domcontentloaded', { timeout: Math.max(500, end - Date.now()) })
        .catch(() => undefined);
      return true;
    }
  }
  return false;
}

function noBox(pageUrl: string, detail: string): SearchEvidence {
  return { found: false, pageUrl, outcome: 'no-search-box', detail };
}

/** Types the query into the box and submits it; returns what came back. */
async function runSearch(site: SiteContext, pageUrl: string, query: string): Promise<SearchEvidence> {
  return withPage(site, async (page) => {
    let navigation: Response | null = null;
    const onResponse = (response: Response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
        navigation = response;
    };
    page.on('response', onResponse);
    // The tab goes back to the site's pool afterwards: leave no listener on it.
    try {
      await page.goto(pageUrl, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) });
      await settle(page, site, 3_000);
      let box = await findSearchBox(page);
      if (!box)
        return noBox(
          page.url(),
          'no search box on the page (no role=search, type=search, or input named buscar/búsqueda/search/q/s)',
        );
      if (!box.visible) {
        await revealSearchBox(page);
        box = (await findSearchBox(page)) ?? box;
      }
      const base = { found: true, pageUrl: page.url(), selector: box.selector, query };
      navigation = null;
      const before = await snapshotState(page);
      const input = page.locator(box.selector).first();
      if (box.visible) {
        await input.fill(query, { timeout: navigationTimeout(site) });
        await input.press('Enter', { timeout: navigationTimeout(site) });
      } else {
        // Still hidden after trying its toggle: set the value and submit its form as the button would.
        await input.evaluate((el, value) => {
          const field = el as HTMLInputElement;
          field.value = value;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          if (field.form) field.form.requestSubmit();
        }, query);
      }
      let changed = await waitForReaction(page, before, REACTION_MS);
      if (!changed && box.button) {
        await page
          .locator(box.button)
          .first()
          .click({ timeout: navigationTimeout(site), force: true })
          .catch(() => undefined);
        changed = await waitForReaction(page, before, REACTION_MS);
      }
      await settle(page, site, 4_000);
      const after = await readPage(page);
      const status = (navigation as Response | null)?.status() ?? null;
      const judged = judgeResultPage({
        query,
        before: { url: before.url, text: before.text },
        after,
        status,
        changed,
      });
      return {
        ...base,
        resultUrl: page.url(),
        outcome: judged.outcome,
        ...(judged.resultCount !== undefined ? { resultCount: judged.resultCount } : {}),
        detail: `${box.description}: ${judged.detail}`,
      };
    } finally {
      page.off('response', onResponse);
    }
  });
}

/** Analysed pages whose snapshot has a search box, the home page first: where a visitor would search. */
function pagesWithSearchBox(site: SiteContext): string[] {
  return site.pages
    .filter((page) => page.searchBox)
    .map((page) => page.url)
    .slice(0, MAX_SEARCH_PAGES);
}

/**
 * working_search: on the page where the crawl found a search box (the home page first), type a word the site
 * itself uses a lot (so a working search must find something), submit it (Enter, then the button), and read the
 * result page.
 */
export async function collectSearch(site: SiteContext): Promise<SearchEvidence> {
  const [query, secondQuery] = chooseQueries(site.pages, 2);
  if (!query)
    return { found: false, outcome: 'no-search-box', detail: 'no page text to choose a query from' };
  const first = await searchOnce(site, query);
  // One word that finds nothing is not conclusive: an evaluator tries a second word before calling it broken.
  if (first.outcome === 'no-results' && secondQuery && hasTime(site, 10_000)) {
    const second = await searchOnce(site, secondQuery);
    if (second.found)
      return { ...second, detail: `${second.detail} (first query "${query}": ${first.detail})` };
  }
  return first;
}

async function searchOnce(site: SiteContext, query: string): Promise<SearchEvidence> {
  let result: SearchEvidence | null = null;
  const pages = pagesWithSearchBox(site);
  // The crawl looked for a box on every page it analysed: none means none to type into, without loading a page.
  if (pages.length === 0)
    return noBox(
      site.pages[0]?.url ?? site.homeUrl,
      `no search box on the ${site.pages.length} analysed page(s) (no role=search, type=search, or input named buscar/búsqueda/search/q/s)`,
    );
  for (const pageUrl of pages) {
    if (!hasTime(site, 8_000)) break;
    const budget = Math.min(SEARCH_BUDGET_MS, timeLeft(site) - 1_000);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SearchEvidence>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            found: true,
            pageUrl,
            query,
            outcome: 'timeout',
            detail: `no result page within ${Math.round(budget / 1000)} s`,
          }),
        budget,
      );
    });
    try {
      result = await Promise.race([
        runSearch(site, pageUrl, query).catch((error: Error): SearchEvidence => ({
          found: true,
          pageUrl,
          query,
          outcome: 'timeout',
          detail: `the search did not complete: ${clip(error.message, 160)}`,
        })),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (result.outcome === 'timeout')
      site.markIncomplete?.({
        code: 'collector-timeout',
        message: `the search on ${pageUrl} did not finish: ${result.detail}`,
      });
    if (result.found) return result;
  }
  return (
    result ?? { found: false, outcome: 'no-search-box', detail: 'not tried: the site time budget was spent' }
  );
}

export const searchCollector: Collector<'search'> = {
  kind: 'search',
  collect: (site) => collectSearch(withBudget(site)),
};
