import type { BrowserContext } from 'playwright-core';
import { defaultProfile } from '@egov-monitor/rubric';
import type { EvidenceKind, Incompleteness, SiteEvidence, SiteTarget } from '@egov-monitor/rubric';
import type { Collector } from './collectors/collector.js';
import { maturityCollectors } from './collectors/maturity.js';
import { standardsCollectors } from './collectors/standards.js';
import { crawlSite, isTimeoutError, type CrawlOutput } from './crawl/crawler.js';
import { openHome } from './crawl/home.js';
import { httpFetch } from './crawl/http-fetch.js';
import { parseRobots, ROBOTS_MAX_BYTES, robotsText, type RobotsRules } from './crawl/robots.js';
import { runCollectors, type GatheredMap } from './crawl/run-collectors.js';
import { createSiteContext, cookieHeader } from './crawl/site-context.js';
import { loadSitemaps, type SitemapResult } from './crawl/sitemap.js';
import { createTabPool, type TabPool } from './crawl/tab-pool.js';
import { withTimeout } from './crawl/time.js';
import { preflight } from './crawl/preflight.js';
import { classifyNavigationError, ScanError } from './errors.js';
import { policyForTarget, systemResolver, vetHost, type EgressPolicy } from './egress/policy.js';
import { startEgressListener, type EgressListener } from './egress/socks-proxy.js';
import { runLighthouse } from './lighthouse/runner.js';
import type { BrowserSession, ScanOptions, SiteProgress } from './scan-options.js';
import { siteHostsFor } from './url/site-hosts.js';
import { isInvalidName } from './url/special-names.js';

/** Honest user agent with a contact URL: operators can see who visits and why. */
export const DEFAULT_USER_AGENT = 'egov-monitor/0.1 (+https://github.com/egov-monitor/egov-monitor)';

export const DEFAULT_SCAN_OPTIONS: ScanOptions = {
  maxPages: 30,
  maxDepth: 4,
  maxDiscoveredPages: 200,
  siteTimeoutMs: 900_000,
  pageTimeoutMs: 60_000,
  userAgent: DEFAULT_USER_AGENT,
  extraCaPems: [],
  profile: defaultProfile,
  lighthouse: { enabled: false, keyPages: 2 },
};

/**
 * Safety net of one collector unless it declares its own: far above what a healthy site needs (a collector's work
 * is bounded by counts: documents, queries, pages). When it fires, the kind is a `timeout` error, which the rubric
 * reads as inconclusive.
 */
export const COLLECTOR_TIMEOUT_MS = 300_000;
/** The most of a sitemap we read: discovery hints, not an inventory. */
const SITEMAP_BYTES = 5 * 1024 * 1024;

/** Test and embedding hooks (not part of ScanOptions, which is user configuration). */
export interface ScanHooks {
  /** Replaces the registered maturity and standards collectors. */
  collectors?: Collector<EvidenceKind>[];
  retryDelaysMs?: number[];
  /** The pause between attempts at the home page (a test records the backoff instead of timing it). */
  sleep?: (ms: number) => Promise<void>;
  /** The clock the safety nets read (epoch ms); a test moves it to make a limit fire without waiting for it. */
  now?: () => number;
  log?: (message: string) => void;
}

/**
 * The site context of collectors that run without pages (the HTTPS probe) when no browser context was opened:
 * they never touch it, and a collector that did would fail loudly, as its own error, not silently.
 */
const UNUSED_BROWSER_CONTEXT = new Proxy({} as BrowserContext, {
  get(_target, property) {
    throw new Error(
      `no browser context: the home page was unreachable before the browser (${String(property)})`,
    );
  },
});

/**
 * When the crawl was cut by a safety net, every kind gathered from its pages is partial too: what the collectors
 * found counts, what they did not find may sit on a page never read. Kinds that probe the host itself
 * (`runsWithoutPages`, e.g. HTTPS) do not depend on the crawl. A collector's own reason, if it gave one, is kept.
 */
export function markPageDependents(
  gathered: GatheredMap,
  collectors: Collector<EvidenceKind>[],
  crawlIncomplete: Incompleteness | undefined,
): GatheredMap {
  if (!crawlIncomplete) return gathered;
  const independent = new Set(
    collectors.filter((collector) => collector.runsWithoutPages).map((collector) => collector.kind),
  );
  const marked: GatheredMap = {};
  for (const [kind, entry] of Object.entries(gathered) as [
    EvidenceKind,
    NonNullable<GatheredMap[EvidenceKind]>,
  ][]) {
    (marked as Record<string, unknown>)[kind] =
      entry.status === 'ok' && !entry.incomplete && !independent.has(kind)
        ? { ...entry, incomplete: crawlIncomplete }
        : entry;
  }
  return marked;
}

function fatalEvidence(
  base: SiteEvidence,
  code: string,
  message: string,
  gathered: GatheredMap = {},
): SiteEvidence {
  return { ...base, fatal: { code, message }, gathered };
}

/**
 * Scans one site like a citizen would: opens the home page, follows the menu and the links that matter, analyses
 * each page (snapshot + axe), then runs every collector. Never throws: a site that cannot be evaluated comes back
 * with `fatal`, and a collector that fails comes back as that kind's error.
 */
export async function scanSite(
  session: BrowserSession,
  target: SiteTarget,
  options: ScanOptions,
  hooks: ScanHooks = {},
): Promise<SiteEvidence> {
  const opts: ScanOptions = { ...DEFAULT_SCAN_OPTIONS, ...options };
  const now = hooks.now ?? (() => Date.now());
  const started = now();
  // The site's safety net: far above a healthy site's need; when it fires, the evidence says so (never a verdict).
  const deadline = started + opts.siteTimeoutMs;
  const scannedAt = (opts.now ?? new Date()).toISOString();
  const log = (message: string) => {
    hooks.log?.(`[${target.url}] ${message}`);
    if (process.env.EGOV_MONITOR_DEBUG) process.stderr.write(`[scanner] [${target.url}] ${message}\n`);
  };
  let analysed = 0;
  let discovered = 0;
  const progress = (phase: SiteProgress['phase']) => {
    try {
      opts.onProgress?.({ url: target.url, phase, pagesAnalysed: analysed, pagesDiscovered: discovered });
    } catch {
      // A progress bar's bug must not stop the scan.
    }
  };
  const base: SiteEvidence = { target, finalUrl: target.url, scannedAt, gathered: {} };
  const collectors = hooks.collectors ?? [...maturityCollectors, ...standardsCollectors];

  let startUrl: URL;
  try {
    startUrl = new URL(target.url);
  } catch {
    return fatalEvidence(
      base,
      'invalid-url',
      `"${target.url}" is not a URL. Write it as https://example.gob.gt/.`,
    );
  }
  if (startUrl.protocol !== 'http:' && startUrl.protocol !== 'https:')
    return fatalEvidence(
      base,
      'unsupported-scheme',
      `${startUrl.protocol} URLs cannot be scanned; use http:// or https://.`,
    );

  // One egress policy for every connection of this site, the browser's and Node's (docs/security.md): public
  // addresses, plus the target's own address when the target itself is private (an intranet, a test server).
  const egress = await policyForTarget(startUrl.toString(), {
    resolver: session.egress?.resolver ?? systemResolver,
    allowAll: opts.allowPrivateNetwork === true,
  });
  const allows = crawlGuard(egress);

  const siteContextFor = (
    homeUrl: string,
    siteHosts: string[],
    crawl: CrawlOutput | null,
    browser: BrowserContext,
    tabs?: TabPool,
  ) =>
    createSiteContext({
      target,
      homeUrl,
      siteHosts,
      pages: crawl?.snapshots ?? [],
      browser,
      ...(tabs ? { tabs } : {}),
      deadline,
      scannedAt,
      userAgent: opts.userAgent,
      extraCaPems: opts.extraCaPems,
      profile: opts.profile,
      egress,
      pageTimeoutMs: opts.pageTimeoutMs,
      now,
      log,
      ...(crawl ? { crawl: crawl.crawl } : {}),
      ...(crawl?.notFoundProbe ? { notFoundProbe: crawl.notFoundProbe } : {}),
      ...(opts.lighthouse.enabled
        ? {
            lighthouse: {
              keyPages: opts.lighthouse.keyPages,
              run: (url: string) =>
                runLighthouse(session, url, { maxWaitForLoadMs: opts.pageTimeoutMs, egress }),
            },
          }
        : {}),
    });

  /** Probes of the host itself (HTTPS) still say something useful about a site whose home page fails. */
  const runIndependentCollectors = async (
    homeUrl: string,
    browser: BrowserContext,
    tabs?: TabPool,
  ): Promise<GatheredMap> => {
    const independent = collectors.filter(
      (collector) => collector.runsWithoutPages ?? collector.kind === 'https',
    );
    progress('collect');
    const gathered = await runCollectors(
      independent,
      siteContextFor(homeUrl, siteHostsFor(homeUrl, homeUrl), null, browser, tabs),
      { defaultTimeoutMs: COLLECTOR_TIMEOUT_MS, now },
    );
    progress('done');
    return gathered;
  };

  progress('probe');
  // A host that does not resolve or a port that refuses costs one DNS lookup and one connect, not a browser
  // context and a tab (a 20,000-entry list of mostly dead sites otherwise spends minutes per thousand).
  // It resolves through the site's egress policy and connects only to addresses the policy allows.
  const unreachable = await preflight(startUrl, {
    connectTimeoutMs: Math.min(opts.pageTimeoutMs, 10_000),
    egress,
  });
  if (unreachable) {
    log(`home page failed before the browser: ${unreachable.code}`);
    // Under .invalid no name exists, the www twin included: the HTTPS probe would only repeat "does not resolve".
    const gathered = isInvalidName(startUrl.hostname)
      ? {}
      : await runIndependentCollectors(startUrl.toString(), UNUSED_BROWSER_CONTEXT);
    return fatalEvidence(base, unreachable.code, unreachable.message, gathered);
  }

  let context: BrowserContext;
  let listener: EgressListener;
  try {
    listener = await startEgressListener(egress);
  } catch (error) {
    return fatalEvidence(
      base,
      'internal-error',
      `Could not start the egress proxy: ${(error as Error).message}. Re-run the scan.`,
    );
  }
  try {
    context = await session.browser.newContext({
      // This context's own listener: its connections are judged by this site's policy, whatever other sites run.
      proxy: { server: listener.server },
      userAgent: opts.userAgent,
      // The country's browser, as its citizens have it: dates a site writes from the visitor's settings read right.
      locale: opts.profile.locale,
      timezoneId: opts.profile.timezone,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      serviceWorkers: 'block',
    });
  } catch (error) {
    await listener.close();
    return fatalEvidence(
      base,
      'browser-crashed',
      `Could not open a browser context: ${(error as Error).message.split('\n')[0]}. Re-run the scan.`,
    );
  }
  const tabs = createTabPool(context);
  // A citizen closes pop-up dialogs and stray windows; the scan must never wait on them.
  // A "leave this page?" prompt is answered "leave": the crawl moves on in the same tab, as a person would.
  context.on(
    'dialog',
    (dialog) =>
      void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined),
  );
  context.on('page', (page) => {
    page.on('download', (download) => void download.cancel().catch(() => undefined));
    void page.opener().then((opener) => (opener ? page.close().catch(() => undefined) : undefined));
  });

  try {
    const opened = await openHome(context, startUrl.toString(), {
      pageTimeoutMs: opts.pageTimeoutMs,
      deadline,
      now,
      log,
      // Chromium reports every connection the proxy did not make as one SOCKS error; the proxy knows which it was.
      explainConnectFailure: (url, since) => listener.explain(url, since),
      ...(hooks.retryDelaysMs ? { retryDelaysMs: hooks.retryDelaysMs } : {}),
      ...(hooks.sleep ? { sleep: hooks.sleep } : {}),
    });
    if ('failure' in opened) {
      log(`home page failed: ${opened.failure.code}`);
      const gathered = await runIndependentCollectors(startUrl.toString(), context, tabs);
      return fatalEvidence(base, opened.failure.code, opened.failure.message, gathered);
    }
    const { home } = opened;
    const finalUrl = home.visit.url;
    const siteHosts = siteHostsFor(startUrl.toString(), finalUrl);
    const origin = new URL(finalUrl).origin;
    const fetchOptions = {
      timeoutMs: opts.pageTimeoutMs,
      userAgent: opts.userAgent,
      extraCaPems: opts.extraCaPems,
      egress,
      cookies: cookieHeader(context),
      acceptLanguage: opts.profile.acceptLanguage,
    };

    progress('crawl');
    const robotsUrl = `${origin}/robots.txt`;
    // At most ROBOTS_MAX_BYTES are read, with or without a Content-Length; a longer file's rules still apply.
    const robotsResponse = await httpFetch(robotsUrl, {
      ...fetchOptions,
      maxBytes: ROBOTS_MAX_BYTES,
      stopAtCap: true,
    });
    if (robotsResponse.truncated)
      log(`robots.txt: longer than ${ROBOTS_MAX_BYTES} bytes or cut short; the rules read are used`);
    const robots: RobotsRules = parseRobots(robotsUrl, robotsText(robotsResponse));

    const sitemapCandidates = robots.sitemaps.length > 0 ? robots.sitemaps : [`${origin}/sitemap.xml`];
    let sitemapTimedOut = false;
    const sitemap: SitemapResult = await withTimeout(
      loadSitemaps(
        sitemapCandidates,
        async (url) => {
          // A Sitemap: line or index entry on a refused address fails at connect time, like every other fetch.
          const response = await httpFetch(url, {
            ...fetchOptions,
            maxBytes: SITEMAP_BYTES,
            stopAtCap: true,
          });
          return response.status === 200 ? response.head : null;
        },
        opts.maxDiscoveredPages,
      ),
      // Bounded in work (bytes, URLs); the time limit is the safety net of one page.
      Math.max(1, Math.min(opts.pageTimeoutMs, deadline - now())),
      'sitemap',
    ).catch((error: unknown) => {
      log(`sitemap: ${(error as Error).message}`);
      sitemapTimedOut = isTimeoutError(error);
      return { found: false, urls: [], urlCount: 0 };
    });

    const crawl = await crawlSite({
      context,
      tabs,
      startUrl: startUrl.toString(),
      home,
      siteHosts,
      robots,
      sitemap,
      options: opts,
      deadline,
      allows,
      fetch: (url) => httpFetch(url, { ...fetchOptions, maxBytes: 16 * 1024 }),
      now,
      log,
      progress: (pagesAnalysed, pagesDiscovered) => {
        analysed = pagesAnalysed;
        discovered = pagesDiscovered;
        progress('crawl');
      },
    });
    analysed = crawl.snapshots.length;
    discovered = crawl.crawl.pages.length;
    if (sitemapTimedOut && !crawl.incomplete) {
      // The pages the sitemap would have added to the discovery are unknown.
      crawl.incomplete = {
        code: 'page-timeout',
        message: `the sitemap could not be read within the page time limit (${Math.round(opts.pageTimeoutMs / 1000)} s)`,
      };
    }

    progress('collect');
    const gathered = await runCollectors(
      collectors,
      siteContextFor(finalUrl, siteHosts, crawl, context, tabs),
      { defaultTimeoutMs: COLLECTOR_TIMEOUT_MS, now },
    );
    progress('done');
    const accessibilityIncomplete = crawl.incomplete ?? crawl.accessibilityIncomplete;
    return {
      ...base,
      finalUrl,
      gathered: {
        crawl: {
          status: 'ok',
          data: crawl.crawl,
          ...(crawl.incomplete ? { incomplete: crawl.incomplete } : {}),
        },
        accessibility: {
          status: 'ok',
          data: crawl.accessibility,
          ...(accessibilityIncomplete ? { incomplete: accessibilityIncomplete } : {}),
        },
        ...markPageDependents(gathered, collectors, crawl.incomplete),
      },
    };
  } catch (error) {
    const classified = error instanceof ScanError ? classifyNavigationError(error) : null;
    const code = classified?.code ?? (session.browser.isConnected() ? 'internal-error' : 'browser-crashed');
    const message =
      classified?.message ??
      `${code === 'browser-crashed' ? 'Chromium closed during the scan' : 'Unexpected failure'}: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`;
    log(`fatal: ${code}: ${message}`);
    progress('done');
    return fatalEvidence(base, code, message);
  } finally {
    await withTimeout(context.close(), 10_000, 'close context').catch(() => undefined);
    await listener.close();
  }
}

/**
 * The crawl's look before it opens a URL: a link to a refused address is not even queued for the browser (whose
 * proxy would refuse it anyway), and the crawl log says why. One verdict per host for the site.
 */
function crawlGuard(egress: EgressPolicy): (url: string) => Promise<boolean> {
  const verdicts = new Map<string, Promise<boolean>>();
  return async (url) => {
    let host: string;
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
      host = parsed.hostname;
    } catch {
      return false;
    }
    let verdict = verdicts.get(host);
    if (!verdict) {
      // A name that does not resolve is not refused here: the visit fails and is recorded like any dead link.
      verdict = vetHost(egress, host).then((vetted) => vetted.ok || !vetted.refused);
      verdicts.set(host, verdict);
    }
    return verdict;
  };
}
