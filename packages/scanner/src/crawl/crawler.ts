import type { BrowserContext, Page } from 'playwright-core';
import type { AccessibilityEvidence, CrawlEvidence, Incompleteness, PageRecord } from '@egov-monitor/rubric';
import { AXE_EXTRA_RULES, AXE_TAGS, injectAxe, loadAxe, runAxe } from '../axe/run-axe.js';
import { scanOwnChecks } from '../axe/own-checks.js';
import { ScanError } from '../errors.js';
import type { FetchedResource } from '../collectors/collector.js';
import type { PageSnapshot } from '../page-snapshot.js';
import type { ScanOptions } from '../scan-options.js';
import { evaluateSource } from '../snapshot/in-page.js';
import { trackPage, type PageTracker } from '../snapshot/page-tracker.js';
import { measureMobileLayout, takeSnapshot } from '../snapshot/take-snapshot.js';
import { isDownloadUrl, isSearchResultUrl, normalizeUrl } from '../url/normalize.js';
import { isSameSiteUrl } from '../url/site-hosts.js';
import { extractLite, type LiteLink } from './extract-lite.js';
import { documentFingerprint, FINGERPRINT_CHARS } from './fingerprint.js';
import { isHtmlType, openPage, type Visit } from './navigate.js';
import type { TabPool } from './tab-pool.js';
import { linkPriority } from './priority.js';
import type { RobotsRules } from './robots.js';
import { createSoft404Judge, probePath, wordCount, type PageLook } from './soft-404.js';
import type { SitemapResult } from './sitemap.js';
import { withTimeout } from './time.js';

/** The home page, already opened (with retries) by the site scan. */
export interface OpenedHome {
  page: Page;
  tracker: PageTracker;
  visit: Extract<Visit, { kind: 'page' }>;
  requestedUrl: string;
}

export interface CrawlInput {
  context: BrowserContext;
  /** The site's tabs: the crawl's work tab comes from here after the home page's, and goes back when it ends. */
  tabs: TabPool;
  startUrl: string;
  home: OpenedHome;
  siteHosts: string[];
  robots: RobotsRules;
  sitemap: SitemapResult;
  options: ScanOptions;
  /** Epoch ms: the site's safety net. No new page is opened after it, and the crawl is then `incomplete`. */
  deadline: number;
  allows(url: string): Promise<boolean>;
  /** GET without rendering (Node's HTTP client, the scan's cookies, user agent and CAs); never throws. */
  fetch(url: string): Promise<FetchedResource>;
  now(): number;
  log(message: string): void;
  progress(pagesAnalysed: number, pagesDiscovered: number): void;
}

export interface CrawlOutput {
  crawl: CrawlEvidence;
  snapshots: PageSnapshot[];
  accessibility: AccessibilityEvidence;
  notFoundProbe: { url: string; status: number; soft404: boolean } | null;
  /** Set when a safety net stopped part of the crawl's work: the site's time limit, or pages that could not be read. */
  incomplete?: Incompleteness;
  /** Set when axe could not finish on a page within the page time limit (or the crawl itself is incomplete). */
  accessibilityIncomplete?: Incompleteness;
}

interface Candidate {
  url: string;
  depth: number;
  score: number;
  foundVia: PageRecord['foundVia'];
  order: number;
}

/** A safety net fired on this work (Playwright's timeouts, ours from withTimeout, axe's own). */
export function isTimeoutError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Timeout \d+ms exceeded|did not finish within/i.test(message);
}

/** Sitemap-only URLs wait behind every linked page: they are discovery hints, not what a person clicks. */
const SITEMAP_SCORE = -100;
/** Each hop from the home page costs this much priority (a person explores breadth first, menus first). */
const DEPTH_COST = 3;
const BLOCKED_ON_CHEAP_VISITS = new Set(['image', 'media', 'font']);

export async function crawlSite(input: CrawlInput): Promise<CrawlOutput> {
  const { context, options, home } = input;
  const homeUrl = normalizeUrl(home.visit.url) ?? home.visit.url;
  const totalCap = Math.max(options.maxPages, options.maxDiscoveredPages);
  const records = new Map<string, PageRecord>();
  const snapshots: PageSnapshot[] = [];
  const axePages: AccessibilityEvidence['pages'] = [];
  const queue = new Map<string, Candidate>();
  const seen = new Set<string>();
  const linked = new Set<string>();
  const disallowed = new Set<string>();
  let order = 0;
  let exhausted: string | undefined;
  /** Pages the page safety net stopped before they could be read, and pages axe could not finish on. */
  let pagesTimedOut = 0;
  let axeTimedOut = 0;
  const remaining = () => input.deadline - input.now();
  /**
   * The safety net of each step of one page (loading it, waiting until it is ready, reading it, axe): the page time
   * limit, never past the site's. Far above what a healthy page needs, so what is read does not depend on how busy
   * the machine is; when it does fire, the evidence says so.
   */
  const pageLimit = () => Math.max(1, Math.min(options.pageTimeoutMs, remaining()));

  const enqueue = (href: string, depth: number, score: number, via: 'link' | 'sitemap') => {
    const url = normalizeUrl(href);
    if (!url || !isSameSiteUrl(url, input.siteHosts) || isDownloadUrl(url)) return;
    if (via === 'link') {
      linked.add(url);
      const record = records.get(url);
      if (record) record.linkedFromSite = true;
    }
    const queued = queue.get(url);
    if (queued) {
      if (via === 'link' && (queued.foundVia === 'sitemap' || depth < queued.depth || score > queued.score)) {
        queued.depth = Math.min(queued.depth, depth);
        queued.score = Math.max(queued.score, score);
      }
      return;
    }
    if (seen.has(url)) return;
    if (depth > options.maxDepth) return;
    if (!input.robots.isAllowed(url)) {
      disallowed.add(url);
      return;
    }
    queue.set(url, { url, depth, score, foundVia: via, order: order++ });
  };

  const enqueueLinks = (links: LiteLink[], depth: number) => {
    for (const link of links) enqueue(link.href, depth + 1, linkPriority(link), 'link');
  };

  const next = (): Candidate | undefined => {
    let best: Candidate | undefined;
    let bestValue = -Infinity;
    for (const candidate of queue.values()) {
      const value = candidate.score - DEPTH_COST * candidate.depth;
      if (value > bestValue || (value === bestValue && best && candidate.order < best.order)) {
        best = candidate;
        bestValue = value;
      }
    }
    if (best) queue.delete(best.url);
    return best;
  };

  const record = (entry: PageRecord) => {
    records.set(entry.url, entry);
    input.progress(snapshots.length, records.size);
  };

  const ensureAlive = () => {
    if (context.browser() && !context.browser()!.isConnected())
      throw new ScanError(
        'browser-crashed',
        "Chromium closed or crashed during the crawl. Re-run the scan; if it repeats, a page may exhaust the browser's memory.",
      );
  };

  // ---- analysed visit (snapshot + axe + mobile layout)
  const analyse = async (
    page: Page,
    tracker: PageTracker,
    visit: Extract<Visit, { kind: 'page' }>,
    depth: number,
    requestedUrl: string,
  ) => {
    // The snapshot first: every collector reads it, while axe failing on a page is recorded and survivable. Without
    // the home page nothing can be judged: its reading cut by the safety net is the site's timeout.
    const read = async <T>(work: Promise<T>, what: string): Promise<T> => {
      const limit = pageLimit();
      try {
        return await withTimeout(work, limit, what);
      } catch (error) {
        if (depth > 0 || !isTimeoutError(error)) throw error;
        throw new ScanError(
          'timeout',
          `The home page loaded but could not be read within ${Math.round(limit / 1000)} s (a very large or very slow page). Scan it with a longer page time limit (--page-timeout).`,
          true,
        );
      }
    };
    const snapshot = await read(
      takeSnapshot(page, visit.response, depth, { tracker, requestedUrl, layout: false }),
      'page snapshot',
    );
    let axe: Omit<AccessibilityEvidence['pages'][number], 'url'>;
    try {
      axe = await runAxe(page, pageLimit());
    } catch (error) {
      if (isTimeoutError(error)) axeTimedOut += 1;
      axe = { violations: [], error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
    // The own checks (issue #12) after axe, on the same rendered page. A page they could not finish keeps axe's
    // results and has no findings: the checks read it as not examined, never as clean.
    if (!axe.error) {
      try {
        Object.assign(axe, await withTimeout(scanOwnChecks(page), pageLimit(), 'own accessibility checks'));
      } catch (error) {
        if (isTimeoutError(error)) axeTimedOut += 1;
        input.log(
          `own accessibility checks failed on ${requestedUrl}: ${(error as Error).message.split('\n')[0]}`,
        );
      }
    }
    // The phone layout last: axe then reads the styles the page loaded with, instead of recomputing them after the
    // viewport came back from 360 px (docs/performance.md measured the difference).
    snapshot.layout = await read(measureMobileLayout(page), 'mobile layout');
    return { snapshot, axe };
  };

  // ---- the work tab: every analysed page loads in the tab the home page opened, as a person clicks through a site.
  // A new tab per page costs a renderer process start, a DevTools session and a re-parse of axe-core
  // (docs/performance.md); a tab that fails is replaced by a fresh one. (Keeping the home page open in its own tab
  // for the search collector saved one load per site but cost more: the idle tab's renderer kept working.)
  let work: { page: Page; tracker: PageTracker } | null = { page: home.page, tracker: home.tracker };
  const getWorkTab = async () => {
    if (work && !work.page.isClosed()) return work;
    const page = await input.tabs.acquire();
    work = { page, tracker: await trackPage(page) };
    return work;
  };
  /** Ends the work tab's part in the crawl: back to the pool for the collectors, or closed when it failed. */
  const dropWorkTab = async (reusable = false) => {
    const tab = work;
    work = null;
    if (!tab) return;
    await tab.tracker.detach();
    await input.tabs.release(tab.page, reusable);
  };

  // ---- cheap visits (pages beyond the analysed ones, counted and judged from their text) in their own tab, whose
  // images, media and fonts are never fetched
  let cheapPage: Page | null = null;
  const getCheapPage = async () => {
    if (cheapPage && !cheapPage.isClosed()) return cheapPage;
    cheapPage = await context.newPage();
    await cheapPage.route('**/*', (route) =>
      BLOCKED_ON_CHEAP_VISITS.has(route.request().resourceType())
        ? route.abort('blockedbyclient')
        : route.fallback(),
    );
    return cheapPage;
  };
  const cheapVisit = async (url: string) => {
    const page = await getCheapPage();
    const visit = await openPage(page, url, { timeoutMs: pageLimit(), settleMs: pageLimit() });
    if (visit.kind !== 'page' || visit.status >= 400 || !isHtmlType(visit.contentType))
      return { visit, lite: null };
    const lite = await withTimeout(
      evaluateSource(page, extractLite, { textChars: FINGERPRINT_CHARS, links: 3_000 }),
      pageLimit(),
      'link extraction',
    );
    return { visit, lite };
  };

  let probe: PageLook | null = null;
  const origin = new URL(homeUrl).origin;
  const probeUrl = origin + probePath();
  const look = (
    visit: { url: string; status: number },
    lite: { title: string; headings: string[]; text: string } | null,
  ): PageLook => ({
    url: normalizeUrl(visit.url) ?? visit.url,
    status: visit.status,
    title: lite?.title ?? '',
    headings: lite?.headings ?? [],
    text: lite?.text ?? '',
  });

  /**
   * The look of a path that cannot exist. A server that answers it with 404 or 410 is right, and nothing about that
   * page needs rendering. Any other answer (200, a redirect to a page, or a firewall's 403 to a client that is not a
   * browser) is looked at as a person sees it, in the work tab (a tab of its own would be one more renderer).
   */
  const probeNotFound = async (): Promise<PageLook> => {
    const answer = await input.fetch(probeUrl);
    if (!answer.error && (answer.status === 404 || answer.status === 410))
      return look({ url: answer.finalUrl, status: answer.status }, null);
    const { page } = await getWorkTab();
    const visit = await openPage(page, probeUrl, { timeoutMs: pageLimit(), settleMs: pageLimit() });
    const lite =
      visit.kind === 'page' && visit.status < 400 && isHtmlType(visit.contentType)
        ? await withTimeout(
            evaluateSource(page, extractLite, { textChars: FINGERPRINT_CHARS, links: 3_000 }),
            pageLimit(),
            'link extraction',
          )
        : null;
    return look(visit, lite);
  };

  // ---- home page first
  {
    const { snapshot, axe } = await analyse(home.page, home.tracker, home.visit, 0, home.requestedUrl);
    try {
      probe = await probeNotFound();
    } catch (error) {
      input.log(`soft-404 probe failed: ${(error as Error).message.split('\n')[0]}`);
      await dropWorkTab();
    }
    snapshots.push(snapshot);
    axePages.push({ url: homeUrl, ...axe });
    seen.add(homeUrl);
    seen.add(normalizeUrl(home.requestedUrl) ?? home.requestedUrl);
    const words = wordCount(snapshot.text);
    record({
      url: homeUrl,
      status: home.visit.status,
      contentType: home.visit.contentType || 'text/html',
      title: snapshot.title,
      depth: 0,
      foundVia: 'start',
      linkedFromSite: true,
      soft404: false,
      isSearchResult: false,
      words,
      analysed: true,
      fingerprint: documentFingerprint(snapshot.title, snapshot.text),
      ...(home.visit.ready ? {} : { cut: true }),
    });
    enqueueLinks(snapshot.links, 0);
  }
  const judge = createSoft404Judge(probe, homeUrl);
  for (const url of input.sitemap.urls) enqueue(url, 1, SITEMAP_SCORE, 'sitemap');

  // ---- the crawl loop
  while (queue.size > 0) {
    if (records.size >= totalCap) {
      exhausted = 'page-budget';
      break;
    }
    if (remaining() <= 0) {
      // The site's safety net, not a budget: what is left unvisited makes the crawl incomplete.
      exhausted = 'site-timeout';
      break;
    }
    ensureAlive();
    const candidate = next()!;
    seen.add(candidate.url);
    if (!(await input.allows(candidate.url))) {
      input.log(`not following ${candidate.url}: refused by the egress policy (non-public address)`);
      continue;
    }
    const full = snapshots.length < options.maxPages;
    const base = {
      depth: candidate.depth,
      foundVia: candidate.foundVia,
      linkedFromSite: linked.has(candidate.url),
      isSearchResult: isSearchResultUrl(candidate.url),
    };
    let page: Page | null = null;
    let tracker: PageTracker | null = null;
    const visitStarted = input.now();
    try {
      let visit: Visit;
      let lite: Awaited<ReturnType<typeof cheapVisit>>['lite'] = null;
      if (full) {
        ({ page, tracker } = await getWorkTab());
        tracker.reset();
        const tab = page;
        visit = await openPage(tab, candidate.url, {
          timeoutMs: pageLimit(),
          settleMs: pageLimit(),
          whileSettling: () => injectAxe(tab),
        });
      } else {
        ({ visit, lite } = await cheapVisit(candidate.url));
      }
      const finalUrl = normalizeUrl(visit.url) ?? visit.url;
      if (finalUrl !== candidate.url) {
        // Redirected: off the site it is someone else's page; onto a known page it is that page again.
        if (!isSameSiteUrl(finalUrl, input.siteHosts)) continue;
        if (records.has(finalUrl) || seen.has(finalUrl)) {
          const known = records.get(finalUrl);
          if (known && base.linkedFromSite) known.linkedFromSite = true;
          continue;
        }
        seen.add(finalUrl);
      }
      const linkedFromSite = base.linkedFromSite || linked.has(finalUrl);
      const cut = visit.kind === 'page' && (visit.cut || !visit.ready) ? { cut: true } : {};
      if (
        visit.kind === 'download' ||
        visit.status >= 400 ||
        visit.status === 0 ||
        !isHtmlType(visit.contentType)
      ) {
        record({
          ...base,
          linkedFromSite,
          url: finalUrl,
          status: visit.status,
          contentType: visit.contentType || (visit.kind === 'download' ? 'application/octet-stream' : ''),
          title: '',
          soft404: false,
          words: 0,
          analysed: false,
          isSearchResult: base.isSearchResult || isSearchResultUrl(finalUrl),
        });
        continue;
      }
      if (full && page && tracker) {
        const { snapshot, axe } = await analyse(page, tracker, visit, candidate.depth, candidate.url);
        const soft404 = judge.isSoft404(
          {
            url: finalUrl,
            status: visit.status,
            title: snapshot.title,
            headings: snapshot.headings.map((h) => h.text),
            text: snapshot.text,
          },
          candidate.url,
        );
        snapshot.soft404 = soft404;
        snapshots.push(snapshot);
        axePages.push({ url: finalUrl, ...axe });
        record({
          ...base,
          linkedFromSite,
          url: finalUrl,
          status: visit.status,
          contentType: visit.contentType || 'text/html',
          title: snapshot.title,
          soft404,
          words: wordCount(snapshot.text),
          analysed: true,
          isSearchResult: base.isSearchResult || isSearchResultUrl(finalUrl),
          fingerprint: documentFingerprint(snapshot.title, snapshot.text),
          ...cut,
        });
        enqueueLinks(snapshot.links, candidate.depth);
        input.log(
          `analysed ${finalUrl} in ${input.now() - visitStarted} ms${visit.ready ? '' : ' (not ready: read as it stood)'}`,
        );
      } else if (lite) {
        const soft404 = judge.isSoft404(look(visit, lite), candidate.url);
        record({
          ...base,
          linkedFromSite,
          url: finalUrl,
          status: visit.status,
          contentType: visit.contentType || 'text/html',
          title: lite.title,
          soft404,
          words: wordCount(lite.text),
          analysed: false,
          isSearchResult: base.isSearchResult || isSearchResultUrl(finalUrl),
          fingerprint: documentFingerprint(lite.title, lite.text),
          ...cut,
        });
        enqueueLinks(lite.links, candidate.depth);
      }
    } catch (error) {
      if (error instanceof ScanError) throw error;
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      input.log(`page failed ${candidate.url}: ${message}`);
      // A safety net stopped this page: what it holds is unknown, so the crawl's "not found" proves nothing. A page
      // that fails on its own (a reset, a refused connection) is the site's answer, the same on any machine.
      const timedOut = isTimeoutError(error);
      if (timedOut) {
        if (remaining() <= 0) exhausted ??= 'site-timeout';
        else pagesTimedOut += 1;
      }
      ensureAlive();
      record({
        ...base,
        url: candidate.url,
        status: 0,
        contentType: '',
        title: '',
        soft404: false,
        words: 0,
        analysed: false,
        ...(timedOut ? { cut: true } : {}),
      });
      // A page stuck in a script or crashed: the next visit starts on a fresh tab.
      if (full) await dropWorkTab();
      else if (cheapPage) {
        await (cheapPage as Page).close().catch(() => undefined);
        cheapPage = null;
      }
    }
  }
  await dropWorkTab(true);
  if (!exhausted && queue.size > 0) exhausted = records.size >= totalCap ? 'page-budget' : 'site-timeout';
  const lastCheap = cheapPage as Page | null;
  await lastCheap?.close().catch(() => undefined);

  // Links seen after a page was recorded still make it reachable.
  for (const entry of records.values()) if (linked.has(entry.url)) entry.linkedFromSite = true;

  const pages = [...records.values()];
  const seconds = (ms: number) => Math.round(ms / 1000);
  const incomplete: Incompleteness | undefined =
    exhausted === 'site-timeout'
      ? {
          code: 'site-timeout',
          message: `the site's safety time limit (${seconds(options.siteTimeoutMs)} s) fired with ${queue.size} page(s) still to visit`,
        }
      : pagesTimedOut > 0
        ? {
            code: 'page-timeout',
            message: `${pagesTimedOut} page(s) could not be read within the page time limit (${seconds(options.pageTimeoutMs)} s)`,
          }
        : undefined;
  const accessibilityIncomplete: Incompleteness | undefined =
    incomplete ??
    (axeTimedOut > 0
      ? {
          code: 'page-timeout',
          message: `axe or the own accessibility checks did not finish on ${axeTimedOut} page(s) within the page time limit (${seconds(options.pageTimeoutMs)} s)`,
        }
      : undefined);
  return {
    crawl: {
      startUrl: input.startUrl,
      homeUrl,
      homeStatus: home.visit.status,
      pages,
      robots: { url: input.robots.url, found: input.robots.found, disallowedPathsSkipped: disallowed.size },
      sitemap: input.sitemap,
      budget: {
        maxPages: options.maxPages,
        maxDiscoveredPages: options.maxDiscoveredPages,
        maxDepth: options.maxDepth,
        siteTimeoutMs: options.siteTimeoutMs,
        pageTimeoutMs: options.pageTimeoutMs,
        ...(exhausted ? { exhausted } : {}),
      },
    },
    snapshots,
    accessibility: {
      axeVersion: loadAxe().version,
      tags: [...AXE_TAGS],
      extraRules: [...AXE_EXTRA_RULES],
      pages: axePages,
    },
    notFoundProbe: probe ? { url: probeUrl, status: probe.status, soft404: judge.probeSoft404 } : null,
    ...(incomplete ? { incomplete } : {}),
    ...(accessibilityIncomplete ? { accessibilityIncomplete } : {}),
  };
}
