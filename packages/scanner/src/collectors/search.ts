import type { Frame, Page, Response } from 'playwright-core';
import type { SearchEvidence, SearchOutcome } from '@egov-monitor/rubric';
import type { PageSnapshot } from '../page-snapshot.js';
import { locateSearchBox, type SearchBoxFound } from '../snapshot/search-box.js';
import { SEARCH_BOX_WORDS } from '../snapshot/take-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { liveSteps, patterns, phrases, stopwords, vendors } from '../data/index.js';
import type { PageFacts } from './live/live.js';
import {
  hasTime,
  inPage,
  LIVE_PAGE_TIMEOUT_MS,
  looksLikeError,
  looksNotFound,
  navigationTimeout,
  readPage,
  settle,
  timeLeft,
  withBudget,
  withPage,
} from './live/live.js';
import { changedRegion, watchChanges, type ChangedRegion, type Reaction } from './live/interaction.js';
import { vendorsOnPage } from './recognize/vendors.js';
import { clip, normalizeText } from '@egov-monitor/rubric';

const STEPS = liveSteps.search;

/**
 * Safety net over one whole attempt (load and get ready — each bounded by the page's own safety net —, reveal, type,
 * submit twice, wait, read): far above a healthy site's need; when it fires the outcome is `timeout` (unfinished,
 * the evidence marked incomplete), never "no search".
 */
function attemptSafetyMs(site: SiteContext): number {
  return 2 * (site.pageTimeoutMs ?? LIVE_PAGE_TIMEOUT_MS) + 2 * STEPS.reaction.boundMs + 30_000;
}

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
  /** The result links that name the query, as listed. */
  results?: { title: string; url: string }[];
  detail: string;
}

/** Links that carry a search query themselves (pagination, "search again"): not results. */
const SEARCH_LINK = /[?&](?:q|s|query|search|buscar|keys|k|texto|term|searchword)=/i;

/**
 * Result links: links (outside the menu and footer) whose text, label or address contains the query — or, for
 * results a script injected (`withSnippets`), the snippet listed with them — in the order listed, one per address.
 * A whole page's link context can be a large block of unrelated text, so it counts only for injected results.
 */
export function resultLinks(
  query: string,
  links: {
    href: string;
    text: string;
    label?: string;
    context?: string;
    inNav?: boolean;
    inFooter?: boolean;
  }[],
  withSnippets = false,
): { title: string; url: string }[] {
  const normalQuery = normalizeText(query);
  const found = new Map<string, string>();
  for (const l of links) {
    if (l.inNav || l.inFooter || !/^https?:/i.test(l.href) || SEARCH_LINK.test(l.href)) continue;
    const names =
      normalizeText(`${l.text} ${l.label ?? ''} ${withSnippets ? (l.context ?? '') : ''}`).includes(
        normalQuery,
      ) || normalizeText(decodeURIComponentSafe(l.href)).includes(normalQuery);
    const url = l.href.split('#')[0]!;
    if (names && !found.has(url)) found.set(url, clip(l.text || l.label || url, 120));
  }
  return [...found.entries()].map(([url, title]) => ({ title, url }));
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

  const listed = resultLinks(query, after.links);
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
      results: listed,
      detail: `the result page says "${clip(match[0], 60)}"; ${listed.length} result links contain "${query}"`,
    };
  }
  if (listed.length > 0)
    return {
      outcome: 'results',
      resultCount: listed.length,
      results: listed,
      detail: `${listed.length} result links contain "${query}", e.g. ${clip(listed[0]!.url, 120)}`,
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

/**
 * Reads results a script put in the page (a list, an overlay, a dropdown) from what changed after the query was
 * sent: a "no results" message, a stated count, or result links that name the query (their snippet included).
 */
export function judgeInPageResults(input: { query: string; region: ChangedRegion }): ResultJudgement {
  const { query, region } = input;
  const where = region.where ? ` (${region.where})` : '';
  const noResults = phrases('searchNoResults').find(region.text)[0];
  if (noResults)
    return { outcome: 'no-results', resultCount: 0, detail: `the page showed "${noResults}"${where}` };
  const error = looksLikeError({ title: '', headings: [], text: region.text });
  if (error) return { outcome: 'error', detail: `the page showed an error: "${error}"${where}` };
  const listed = resultLinks(query, region.links, true);
  for (const pattern of patterns('resultCount')) {
    const match = pattern.exec(normalizeText(region.text));
    if (!match?.[1]) continue;
    const count = Number(match[1].replace(/[.,]/g, ''));
    if (count === 0)
      return {
        outcome: 'no-results',
        resultCount: 0,
        detail: `the page showed "${clip(match[0], 60)}"${where}`,
      };
    return {
      outcome: 'results',
      resultCount: count,
      results: listed,
      detail: `results appeared in the page${where}: "${clip(match[0], 60)}"; ${listed.length} result links name "${query}"`,
    };
  }
  if (listed.length > 0)
    return {
      outcome: 'results',
      resultCount: listed.length,
      results: listed,
      detail: `${listed.length} results appeared in the page${where} naming "${query}", e.g. ${clip(listed[0]!.url, 120)}`,
    };
  return {
    outcome: 'no-results',
    resultCount: 0,
    detail: `the page changed${where} but lists nothing that names "${query}"`,
  };
}

/** Finds the search box in the live page it is about to type into (see snapshot/search-box.ts). */
function findSearchBox(page: Page): Promise<SearchBoxFound | null> {
  return inPage(page, locateSearchBox, { words: SEARCH_BOX_WORDS, forSubmit: true });
}

/**
 * Controls that may open a collapsed search box (a magnifier button, a "Buscar" link to '#', the box's own label),
 * in the page's order: selectors a locator can click.
 */
function searchToggles(args: { boxSelector: string; max: number }): string[] {
  const words = /buscar|busqueda|buscador|search|lupa|magnif/;
  const normal = (v: string | null | undefined) =>
    (v ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const box = document.querySelector(args.boxSelector);
  const found: string[] = [];
  const mark = (el: Element) => {
    const id = `egov-toggle-${found.length}`;
    el.setAttribute('data-egov-toggle', id);
    found.push(`[data-egov-toggle="${id}"]`);
  };
  const label = box?.id ? document.querySelector(`label[for="${CSS.escape(box.id)}"]`) : null;
  const candidates = Array.from(
    document.querySelectorAll(
      'button, [role=button], a[href="#"], a[href^="#"], a[href^="javascript"], summary, label',
    ),
  );
  for (const el of candidates) {
    if (found.length >= args.max) break;
    if (el === box || (box && el.contains(box) && el.tagName !== 'SUMMARY')) continue;
    const rect = (el as HTMLElement).getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const names = [
      (el as HTMLElement).innerText,
      el.getAttribute('aria-label'),
      el.getAttribute('title'),
      el.getAttribute('aria-controls'),
      el.getAttribute('data-target'),
      el.getAttribute('data-bs-target'),
      el.id,
      typeof el.className === 'string' ? el.className : '',
      el.querySelector('img')?.getAttribute('alt'),
    ]
      .map(normal)
      .join(' ');
    if (el === label || words.test(names)) mark(el);
  }
  return found;
}

/**
 * Makes a collapsed search box visible the way a visitor does: clicks its toggles one by one (bounded, in the page's
 * order) until the box shows. Returns the box (visible or not) and the toggles tried.
 */
async function revealSearchBox(
  site: SiteContext,
  page: Page,
  box: SearchBoxFound,
): Promise<{ box: SearchBoxFound | null; tried: string[] }> {
  const toggles = await inPage(page, searchToggles, { boxSelector: box.selector, max: STEPS.revealToggles });
  const tried: string[] = [];
  let current: SearchBoxFound | null = box;
  for (const toggle of toggles) {
    const control = page.locator(toggle).first();
    // How a reviewer recognises the control: its words, or its label when it is only an icon.
    const text = await control.innerText({ timeout: 2_000 }).catch(() => '');
    const label =
      (await control.getAttribute('aria-label').catch(() => null)) ??
      (await control.getAttribute('title').catch(() => null));
    tried.push(clip(/\p{L}/u.test(text) ? text : label || text || toggle, 40));
    const watch = await watchChanges(page);
    try {
      const clicked = await control.click({ timeout: navigationTimeout(site) }).then(
        () => true,
        () => false,
      );
      if (!clicked) continue;
      await watch.reaction({ ...STEPS.reaction, idleMs: 1_500, attributes: true });
    } finally {
      watch.stop();
    }
    current = await findSearchBox(page);
    if (current?.visible) return { box: current, tried };
  }
  return { box: current, tried };
}

function notOperable(base: Partial<SearchEvidence>, detail: string): SearchEvidence {
  return { found: true, ...base, outcome: 'not-operable', detail };
}

/** The third-party search service on the page, by its markers (scripts, snippets, form targets, widget markup). */
async function searchWidget(page: Page, snapshot: PageSnapshot | undefined): Promise<string | undefined> {
  if (snapshot) {
    const hit = vendorsOnPage(snapshot, vendors.search).find((h) => h.how !== 'link');
    if (hit) return hit.vendor.name;
  }
  const bySelector = await inPage(
    page,
    (list: { name: string; selectors: string[] }[]) => {
      for (const vendor of list)
        for (const selector of vendor.selectors) {
          try {
            if (document.querySelector(selector)) return vendor.name;
          } catch {
            // A selector this browser rejects is skipped.
          }
        }
      return null;
    },
    vendors.search.map((v) => ({ name: v.name, selectors: v.selectors })),
  ).catch(() => null);
  return bySelector ?? undefined;
}

/** Types the query into the box with real key presses and sends it; returns what came back. */
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
      const loaded = await page
        .goto(pageUrl, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) })
        .then(
          () => null,
          (error: Error) => error.message.split('\n')[0] ?? 'navigation failed',
        );
      if (loaded)
        return notOperable(
          { pageUrl, query },
          `the page with the search box did not load again: ${clip(loaded, 160)}`,
        );
      await settle(page, site, 3_000);
      let box = await findSearchBox(page);
      if (!box)
        return notOperable(
          { pageUrl: page.url(), query },
          'the crawl found a search box on this page, but it is not there when the page is loaded again',
        );
      let revealed = '';
      if (!box.visible) {
        const reveal = await revealSearchBox(site, page, box);
        if (!reveal.box?.visible)
          return notOperable(
            { pageUrl: page.url(), selector: box.selector, query },
            `${box.description} is hidden${reveal.tried.length ? ` and stays hidden after clicking ${reveal.tried.map((t) => `"${t}"`).join(', ')}` : ' and no control opens it'}`,
          );
        box = reveal.box;
        revealed = ` (opened with "${reveal.tried.at(-1) ?? ''}")`;
      }
      const snapshot = site.pages.find((p) => p.url === pageUrl);
      const widget = await searchWidget(page, snapshot);
      const base = {
        found: true,
        pageUrl: page.url(),
        selector: box.selector,
        query,
        ...(widget ? { widget } : {}),
      };
      const startUrl = page.url();
      const input = page.locator(box.selector).first();

      // Real keyboard events, as a visitor types: focus, clear, type, Enter. Widgets listen to keys, not to values.
      const watch = await watchChanges(page);
      let reaction: Reaction;
      let submittedWith: 'enter' | 'button' = 'enter';
      try {
        navigation = null;
        const typed = await (async () => {
          await input.focus({ timeout: navigationTimeout(site) });
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.press('Backspace');
          await page.keyboard.type(query, { delay: 15 });
          return inPage(
            page,
            (selector: string) =>
              (document.querySelector(selector) as HTMLInputElement | null)?.value ?? null,
            box.selector,
          );
        })().catch((error: Error) => `error: ${error.message.split('\n')[0] ?? ''}`);
        if (typed !== query)
          return notOperable(
            base,
            `${box.description}${revealed}: typing did not reach the box (${typed === null ? 'the box went away' : `it holds "${clip(String(typed), 60)}"`})`,
          );
        await page.keyboard.press('Enter');
        reaction = await watch.reaction(STEPS.reaction);
        if (reaction.kind === 'none' && box.button) {
          submittedWith = 'button';
          await page
            .locator(box.button)
            .first()
            .click({ timeout: navigationTimeout(site) })
            .catch(() => page.locator(box!.button!).first().dispatchEvent('click'))
            .catch(() => undefined);
          reaction = await watch.reaction(STEPS.reaction);
        }
      } finally {
        watch.stop();
      }
      const sent = { ...base, submittedWith };
      if (reaction.kind === 'timeout')
        return {
          ...sent,
          outcome: 'timeout',
          detail: `${box.description}${revealed}: the page was still answering the query after ${Math.round(STEPS.reaction.boundMs / 1000)} s`,
        };
      if (reaction.kind === 'none') {
        const judged = judgeResultPage({
          query,
          before: { url: startUrl, text: '' },
          after: await readPage(page),
          status: null,
          changed: false,
        });
        return {
          ...sent,
          outcome: judged.outcome,
          detail: `${box.description}${revealed}: ${judged.detail} (Enter${box.button ? ' and the button' : ''})`,
        };
      }
      let judged: ResultJudgement;
      let resultsIn: SearchEvidence['resultsIn'];
      if (reaction.kind === 'navigation') {
        resultsIn = 'page';
        const status = (navigation as Response | null)?.status() ?? null;
        judged = judgeResultPage({
          query,
          before: { url: startUrl, text: '' },
          after: await readPage(page),
          status,
          changed: true,
        });
      } else if (reaction.kind === 'frame') {
        resultsIn = 'frame';
        judged = await judgeFrame(query, reaction.frame);
      } else {
        resultsIn = 'in-page';
        judged = judgeInPageResults({ query, region: await changedRegion(page) });
      }
      const resultUrl = reaction.kind === 'frame' ? reaction.frame.url() : page.url();
      return {
        ...sent,
        resultUrl,
        outcome: judged.outcome,
        resultsIn,
        ...(judged.resultCount !== undefined ? { resultCount: judged.resultCount } : {}),
        ...(judged.results?.length ? { firstResults: judged.results.slice(0, STEPS.firstResults) } : {}),
        detail: `${box.description}${revealed}${widget ? ` (${widget})` : ''}: ${judged.detail}`,
      };
    } catch (error) {
      // The page crashed, closed or threw while being used: the search could not be operated.
      return notOperable(
        { pageUrl, query },
        `the page stopped answering while searching: ${clip((error as Error).message.split('\n')[0] ?? '', 160)}`,
      );
    } finally {
      page.off('response', onResponse);
    }
  });
}

async function judgeFrame(query: string, frame: Frame): Promise<ResultJudgement> {
  const facts = await readPage(frame).catch(() => null);
  if (!facts)
    return {
      outcome: 'error',
      detail: `a results frame loaded (${clip(frame.url(), 120)}) but could not be read`,
    };
  const judged = judgeResultPage({
    query,
    before: { url: '', text: '' },
    after: facts,
    status: null,
    changed: true,
  });
  return { ...judged, detail: `in a results frame (${clip(frame.url(), 120)}): ${judged.detail}` };
}

/** Analysed pages whose snapshot has a search box, the home page first: where a visitor would search. */
function pagesWithSearchBox(site: SiteContext): string[] {
  return site.pages
    .filter((page) => page.searchBox)
    .map((page) => page.url)
    .slice(0, STEPS.pages);
}

/**
 * working_search: on the page where the crawl found a search box (the home page first), type a word the site
 * itself uses a lot (so a working search must find something) with real key presses, send it (Enter, then the
 * button), and read the answer wherever it appears: a result page, results a script injected (a third-party
 * widget, an overlay), or a results frame. A box that cannot be used is `not-operable`, never "no search box".
 */
export async function collectSearch(site: SiteContext): Promise<SearchEvidence> {
  const queries = chooseQueries(site.pages, STEPS.queries);
  const [query] = queries;
  if (!query)
    return { found: false, outcome: 'no-search-box', detail: 'no page text to choose a query from' };
  const first = await searchOnce(site, query);
  // One word that finds nothing is not conclusive: an evaluator tries another word before calling it broken.
  let result = first;
  const tried = [`"${query}": ${first.detail}`];
  for (const next of queries.slice(1)) {
    if (result.outcome !== 'no-results') break;
    const again = await searchOnce(site, next);
    if (!again.found) break;
    result = { ...again, detail: `${again.detail} (before: ${tried.join('; ')})` };
    tried.push(`"${next}": ${again.detail}`);
  }
  return result;
}

async function searchOnce(site: SiteContext, query: string): Promise<SearchEvidence> {
  let result: SearchEvidence | null = null;
  const pages = pagesWithSearchBox(site);
  // The crawl looked for a box on every page it analysed: none means none to type into, without loading a page.
  if (pages.length === 0)
    return {
      found: false,
      pageUrl: site.pages[0]?.url ?? site.homeUrl,
      outcome: 'no-search-box',
      detail: `no search box on the ${site.pages.length} analysed page(s) (no role=search, type=search, or input named buscar/búsqueda/search/q/s)`,
    };
  for (const pageUrl of pages) {
    if (!hasTime(site, 8_000)) {
      result ??= {
        found: true,
        pageUrl,
        query,
        outcome: 'timeout',
        detail: 'not tried: the safety time limit of the site was reached',
      };
      break;
    }
    const budget = Math.min(attemptSafetyMs(site), timeLeft(site) - 1_000);
    let timer: NodeJS.Timeout | undefined;
    const safetyNet = new Promise<SearchEvidence>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            found: true,
            pageUrl,
            query,
            outcome: 'timeout',
            detail: `the search did not finish within the ${Math.round(budget / 1000)}-s safety limit`,
          }),
        budget,
      );
    });
    try {
      result = await Promise.race([runSearch(site, pageUrl, query), safetyNet]);
    } finally {
      clearTimeout(timer);
    }
    // Unfinished work: what this page's search did not answer proves nothing (the rubric reads inconclusive).
    if (result.outcome === 'timeout')
      site.markIncomplete?.({
        code: 'collector-timeout',
        message: `the search on ${pageUrl} did not finish: ${result.detail}`,
      });
    // A box that could not be used on this page may work on the next one; any answer of the search itself counts.
    if (result.outcome !== 'not-operable' && result.outcome !== 'timeout') return result;
  }
  return (
    result ?? {
      found: true,
      outcome: 'timeout',
      query,
      detail: 'not tried: the safety time limit of the site was reached',
    }
  );
}

export const searchCollector: Collector<'search'> = {
  kind: 'search',
  // The work is bounded by pages and queries (data/live-steps.json); the time limit is the site scan's collector
  // safety net (COLLECTOR_TIMEOUT_MS), far above what a healthy search needs.
  collect: (site) => collectSearch(withBudget(site)),
};
