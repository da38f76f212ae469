import type { BrowserContext } from 'playwright-core';
import type { EvidenceKind, SiteEvidence, SiteTarget } from '@egov-monitor/rubric';
import type { Collector } from './collectors/collector.js';
import { maturityCollectors } from './collectors/maturity.js';
import { standardsCollectors } from './collectors/standards.js';
import { crawlSite, type CrawlOutput } from './crawl/crawler.js';
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
  siteTimeLimitMs: 180_000,
  pageTimeoutMs: 20_000,
  userAgent: DEFAULT_USER_AGENT,
  extraCaPems: [],
  lighthouse: { enabled: false, keyPages: 2 },
};

/** Share of the site's time budget the crawl may use; the rest is kept for the collectors (search, downloads…). */
export const CRAWL_SHARE = 0.6;
/** Longest time one collector may take unless it declares its own. */
export const COLLECTOR_TIMEOUT_MS = 60_000;
/** The most of a sitemap we read: discovery hints, not an inventory. */
const SITEMAP_BYTES = 5 * 1024 * 1024;

/** Test and embedding hooks (not part of ScanOptions, which is user configuration). */
export interface ScanHooks {
  /** Replaces the registered maturity and standards collectors. */
  collectors?: Collector<EvidenceKind>[];
  retryDelaysMs?: number[];
  log?: (message: string) => void;
}

/**
 * The site context of collectors that run without pages (the HTTPS probe) when no browser context was opened:
 * they never touch it, and a collector that did would fail loudly, as its own error, not silently.
 */
const UNUSED_BROWSER_CONTEXT = new Proxy({} as BrowserContext, {
  get(_target, property) {
    throw new Error(`no browser context: the home page was unreachable before the browser (${String(property)})`);
  },
});

function fatalEvidence(base: SiteEvidence, code: string, message: string, gathered: GatheredMap = {}): SiteEvidence {
  return { ...base, fatal: { code, message }, gathered };
}

/**
 * Scans one site like a citizen would: opens the home page, follows the menu and the links that matter, analyses
 * each page (snapshot + axe), then runs every collector. Never throws: a site that cannot be evaluated comes back
 * with `fatal`, and a collector that fails comes back as that kind's error.
 */
export async function scanSite(session: BrowserSession, target: SiteTarget, options: ScanOptions, hooks: ScanHooks = {}): Promise<SiteEvidence> {
  const opts: ScanOptions = { ...DEFAULT_SCAN_OPTIONS, ...options };
  const now = () => Date.now();
  const started = now();
  const deadline = started + opts.siteTimeLimitMs;
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
    return fatalEvidence(base, 'invalid-url', `"${target.url}" is not a URL. Write it as https://example.gob.gt/.`);
  }
  if (startUrl.protocol !== 'http:' && startUrl.protocol !== 'https:')
    return fatalEvidence(base, 'unsupported-scheme', `${startUrl.protocol} URLs cannot be scanned; use http:// or https://.`);

  // One egress policy for every connection of this site, the browser's and Node's (docs/security.md): public
  // addresses, plus the target's own address when the target itself is private (an intranet, a test server).
  const egress = await policyForTarget(startUrl.toString(), {
    resolver: session.egress?.resolver ?? systemResolver,
    allowAll: opts.allowPrivateNetwork === true,
  });
  const allows = crawlGuard(egress);

  const siteContextFor = (homeUrl: string, siteHosts: string[], crawl: CrawlOutput | null, browser: BrowserContext, tabs?: TabPool) =>
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
      egress,
      pageTimeoutMs: opts.pageTimeoutMs,
      now,
      log,
      ...(crawl ? { crawl: crawl.crawl } : {}),
      ...(crawl?.notFoundProbe ? { notFoundProbe: crawl.notFoundProbe } : {}),
      ...(opts.lighthouse.enabled
        ? { lighthouse: { keyPages: opts.lighthouse.keyPages, run: (url: string) => runLighthouse(session, url, { maxWaitForLoadMs: opts.pageTimeoutMs, egress }) } }
        : {}),
    });

  /** Probes of the host itself (HTTPS) still say something useful about a site whose home page fails. */
  const runIndependentCollectors = async (homeUrl: string, browser: BrowserContext, tabs?: TabPool): Promise<GatheredMap> => {
    const independent = collectors.filter((collector) => collector.runsWithoutPages ?? collector.kind === 'https');
    progress('collect');
    const gathered = await runCollectors(independent, siteContextFor(homeUrl, siteHostsFor(homeUrl, homeUrl), null, browser, tabs), { defaultTimeoutMs: COLLECTOR_TIMEOUT_MS, now });
    progress('done');
    return gathered;
  };

  progress('probe');
  // A host that does not resolve or a port that refuses costs one DNS lookup and one connect, not a browser
  // context and a tab (a 20,000-entry list of mostly dead sites otherwise spends minutes per thousand).
  // It resolves through the site's egress policy and connects only to addresses the policy allows.
  const unreachable = await preflight(startUrl, { connectTimeoutMs: Math.min(opts.pageTimeoutMs, 10_000), egress });
  if (unreachable) {
    log(`home page failed before the browser: ${unreachable.code}`);
    // Under .invalid no name exists, the www twin included: the HTTPS probe would only repeat "does not resolve".
    const gathered = isInvalidName(startUrl.hostname) ? {} : await runIndependentCollectors(startUrl.toString(), UNUSED_BROWSER_CONTEXT);
    return fatalEvidence(base, unreachable.code, unreachable.message, gathered);
  }

  let context: BrowserContext;
  let listener: EgressListener;
  try {
    listener = await startEgressListener(egress);
  } catch (error) {
    return fatalEvidence(base, 'internal-error', `Could not start the egress proxy: ${(error as Error).message}. Re-run the scan.`);
  }
  try {
    context = await session.browser.newContext({
      // This context's own listener: its connections are judged by this site's policy, whatever other sites run.
      proxy: { server: listener.server },
      userAgent: opts.userAgent,
      locale: 'es-GT',
      timezoneId: 'America/Guatemala',
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      serviceWorkers: 'block',
    });
  } catch (error) {
    await listener.close();
    return fatalEvidence(base, 'browser-crashed', `Could not open a browser context: ${(error as Error).message.split('\n')[0]}. Re-run the scan.`);
  }
  const tabs = createTabPool(context);
  // A citizen closes pop-up dialogs and stray windows; the scan must never wait on them.
  // A "leave this page?" prompt is answered "leave": the crawl moves on in the same tab, as a person would.
  context.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined));
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
    const fetchOptions = { timeoutMs: Math.min(10_000, opts.pageTimeoutMs), userAgent: opts.userAgent, extraCaPems: opts.extraCaPems, egress, cookies: cookieHeader(context) };

    progress('crawl');
    const robotsUrl = `${origin}/robots.txt`;
    // At most ROBOTS_MAX_BYTES are read, with or without a Content-Length; a longer file's rules still apply.
    const robotsResponse = await httpFetch(robotsUrl, { ...fetchOptions, maxBytes: ROBOTS_MAX_BYTES, stopAtCap: true });
    if (robotsResponse.truncated) log(`robots.txt: longer than ${ROBOTS_MAX_BYTES} bytes or cut short; the rules read are used`);
    const robots: RobotsRules = parseRobots(robotsUrl, robotsText(robotsResponse));

    const sitemapCandidates = robots.sitemaps.length > 0 ? robots.sitemaps : [`${origin}/sitemap.xml`];
    const sitemap: SitemapResult = await withTimeout(
      loadSitemaps(
        sitemapCandidates,
        async (url) => {
          // A Sitemap: line or index entry on a refused address fails at connect time, like every other fetch.
          const response = await httpFetch(url, { ...fetchOptions, maxBytes: SITEMAP_BYTES, stopAtCap: true });
          return response.status === 200 ? response.head : null;
        },
        opts.maxDiscoveredPages,
      ),
      Math.max(1_000, Math.min(30_000, deadline - now())),
      'sitemap',
    ).catch((error: unknown) => {
      log(`sitemap: ${(error as Error).message}`);
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
      deadline: started + opts.siteTimeLimitMs * CRAWL_SHARE,
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

    progress('collect');
    const gathered = await runCollectors(collectors, siteContextFor(finalUrl, siteHosts, crawl, context, tabs), { defaultTimeoutMs: COLLECTOR_TIMEOUT_MS, now });
    progress('done');
    return {
      ...base,
      finalUrl,
      gathered: { crawl: { status: 'ok', data: crawl.crawl }, accessibility: { status: 'ok', data: crawl.accessibility }, ...gathered },
    };
  } catch (error) {
    const classified = error instanceof ScanError ? classifyNavigationError(error) : null;
    const code = classified?.code ?? (session.browser.isConnected() ? 'internal-error' : 'browser-crashed');
    const message = classified?.message ?? `${code === 'browser-crashed' ? 'Chromium closed during the scan' : 'Unexpected failure'}: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`;
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
