/**
 * Real-Chromium tests of the live collectors: a tiny HTTP server on 127.0.0.1 (ephemeral port) and a hand-made
 * SiteContext over a real BrowserContext. Only tests import this module.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { createEgressPolicy } from '../../egress/policy.js';
import { checkCertificate } from '../../https/certificate-check.js';
import type { PageSnapshot } from '../../page-snapshot.js';
import { takeSnapshot } from '../../snapshot/take-snapshot.js';
import type { FetchedResource, SiteContext } from '../collector.js';
import type { Incompleteness } from '@egov-monitor/rubric';
import { CHROMIUM_ARGS, findChromeExecutable } from '../../browser.js';

export interface Route {
  status?: number;
  contentType?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestServer {
  origin: string;
  /** Paths requested, with method, in order ("GET /buscar?q=x"). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `routes` by path (query string ignored unless the route key has one); anything else answers 404. */
export async function startServer(
  routes: Record<string, Route | ((url: URL) => Route)>,
  options: { tls?: { key: string; cert: string } } = {},
): Promise<TestServer> {
  const requests: string[] = [];
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const entry = routes[`${url.pathname}${url.search}`] ?? routes[url.pathname];
    const route: Route =
      typeof entry === 'function' ? entry(url) : (entry ?? { status: 404, body: '<h1>Not found</h1>' });
    res.writeHead(route.status ?? 200, {
      'content-type': route.contentType ?? 'text/html; charset=utf-8',
      ...(route.headers ?? {}),
    });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromeExecutable() ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** What a browser test file works with: one Chromium, one context and one server on 127.0.0.1. */
export interface LiveFixture {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly server: TestServer;
}

/**
 * Starts one Chromium, one context and a server of `routes` before the file's tests, and closes them after: the
 * set-up every browser test file shares. Read the fields inside tests (they exist once `beforeAll` ran).
 */
export function useLiveFixture(
  routes: Record<string, Route | ((url: URL) => Route)>,
  contextOptions: BrowserContextOptions = {},
): LiveFixture {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    browser = await launchTestBrowser();
    context = await browser.newContext(contextOptions);
    server = await startServer(routes);
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useLiveFixture: ${name} is read before beforeAll ran`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(context, 'context');
    },
    get server() {
      return ready(server, 'server');
    },
  };
}

/** The crawl's snapshot of a page rendered in a tab of its own, as collectors receive it. */
export async function renderedSnapshot(context: BrowserContext, url: string): Promise<PageSnapshot> {
  const tab = await context.newPage();
  try {
    return await takeSnapshot(tab, await tab.goto(url), 0);
  } finally {
    await tab.close();
  }
}

/** A SiteContext over a real BrowserContext: fetch through `context.request`, real TLS checks. */
export function liveSite(
  context: BrowserContext,
  options: {
    homeUrl: string;
    pages: PageSnapshot[];
    scannedAt?: string;
    timeLimitMs?: number;
    extraCaPems?: string[];
  },
): SiteContext & { logs: string[]; incomplete: Incompleteness[] } {
  const home = new URL(options.homeUrl);
  const logs: string[] = [];
  const incomplete: Incompleteness[] = [];
  return {
    target: { url: options.homeUrl },
    homeUrl: options.homeUrl,
    siteHosts: [home.hostname],
    pages: options.pages,
    browser: context,
    logs,
    incomplete,
    markIncomplete: (reason) => incomplete.push(reason),
    async fetch(url, fetchOptions = {}): Promise<FetchedResource> {
      try {
        const response = await context.request.fetch(url, {
          method: fetchOptions.method ?? 'GET',
          timeout: 10_000,
          maxRedirects: 5,
        });
        const body = fetchOptions.method === 'HEAD' ? Buffer.alloc(0) : await response.body();
        const headers = response.headers();
        return {
          url,
          finalUrl: response.url(),
          status: response.status(),
          contentType: headers['content-type'] ?? '',
          headers,
          bytes: headers['content-length'] ? Number(headers['content-length']) : body.length,
          head: body.subarray(0, fetchOptions.maxBytes ?? 64 * 1024),
        };
      } catch (error) {
        return {
          url,
          finalUrl: url,
          status: 0,
          contentType: '',
          headers: {},
          bytes: null,
          head: Buffer.alloc(0),
          error: (error as Error).message,
        };
      }
    },
    // The fixture sites live on 127.0.0.1: their own address is the one non-public address a scan of them may reach.
    checkCertificate: (url) =>
      checkCertificate(
        url,
        options.extraCaPems ?? [],
        3_000,
        createEgressPolicy({ allowed: [home.hostname] }),
      ),
    isSameSite: (url) => {
      try {
        return new URL(url).hostname === home.hostname;
      } catch {
        return false;
      }
    },
    // The site scan's safety nets (far above a healthy page's need), so a busy machine reads the same as an idle one.
    deadline: Date.now() + (options.timeLimitMs ?? 300_000),
    pageTimeoutMs: 60_000,
    scannedAt: options.scannedAt ?? new Date().toISOString(),
    log: (message) => logs.push(message),
  };
}
