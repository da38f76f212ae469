/**
 * Real-Chromium tests of the live collectors: a tiny HTTP server on 127.0.0.1 (ephemeral port) and a hand-made
 * SiteContext over a real BrowserContext. Only tests import this module.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { checkCertificate } from '../../../https/certificate-check.js';
import type { PageSnapshot } from '../../../page-snapshot.js';
import type { FetchedResource, SiteContext } from '../../collector.js';
import { CHROMIUM_ARGS, findChromeExecutable } from '../../../browser.js';

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
): SiteContext & { logs: string[] } {
  const home = new URL(options.homeUrl);
  const logs: string[] = [];
  return {
    target: { url: options.homeUrl },
    homeUrl: options.homeUrl,
    siteHosts: [home.hostname],
    pages: options.pages,
    browser: context,
    logs,
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
    checkCertificate: (url) => checkCertificate(url, options.extraCaPems ?? [], 3_000),
    isSameSite: (url) => {
      try {
        return new URL(url).hostname === home.hostname;
      } catch {
        return false;
      }
    },
    deadline: Date.now() + (options.timeLimitMs ?? 40_000),
    scannedAt: options.scannedAt ?? new Date().toISOString(),
    log: (message) => logs.push(message),
  };
}
