import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSites, startHostileSites, URL_LISTS_DIR } from '@egov-monitor/fixtures';
import type { FixtureSite, RunningFixtures } from '@egov-monitor/fixtures';
import type { ScanResults, SiteEvidence, SiteResult } from '@egov-monitor/rubric';
import { launchBrowser } from '@egov-monitor/scanner';
import type { BrowserSession } from '@egov-monitor/scanner';
import type { RunOutcome } from './run-scan.js';
import { runScan } from './run-scan.js';
import type { ParsedUrlList } from './url-list.js';
import { siteSlug } from './url-list.js';
import { readUrlListFile } from './url-list-file.js';

// Issue #5 "unbreakable": one runScan over every hostile fixture server, a normal site, a refused port, a server
// that fails once, and a URL list full of bad entries, on one shared Chromium. Every site must end with the
// status its expected.json names, the run must finish, and nothing may leak from one site into another.

/** Addresses the hostile pages link or redirect to: the scan must never ask for them (SSRF). */
const PRIVATE_HOSTS = ['10.0.0.1', '192.168.1.1', '169.254.169.254'];
/**
 * Small work budgets keep the file short. The page time limit is low because two servers here never finish a
 * page (that limit must fire, on any machine); it is still far above what the tiny pages of the others need. A site
 * a limit cuts is scanned once more at the end, alone.
 */
const SCAN = { siteTimeoutMs: 120_000, pageTimeoutMs: 6_000, maxPages: 6, maxDiscoveredPages: 30 };
let hostile: RunningFixtures;
let normal: RunningFixtures;
let session: BrowserSession;
let outDir: string;
let outcome: RunOutcome;
let full: ScanResults;
let list: ParsedUrlList;
let flaky: { url: string; statuses: { path: string; status: number }[]; close(): Promise<void> };
const browserRequests: { url: string; failed?: string }[] = [];
const nodeConnections: string[] = [];
let restoreConnect: () => void = () => undefined;

/** A server whose home page fails with 500 once, then works: a transient failure worth one retry. */
async function startFlakyServer() {
  const statuses: { path: string; status: number }[] = [];
  let homeHits = 0;
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const status = path === '/' && ++homeHits === 1 ? 500 : path === '/' ? 200 : 404;
    statuses.push({ path, status });
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      status === 200
        ? '<!DOCTYPE html><html lang="es"><head><title>Dirección de Pruebas</title></head><body><main><h1>Dirección de Pruebas</h1><p>Misión: servir a la población con trámites claros.</p></main></body></html>'
        : `<!DOCTYPE html><html lang="es"><head><title>Error ${status}</title></head><body><h1>Error ${status}</h1></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The shared browser, with every context the scan opens watched: each request the browser makes is recorded,
 * so the test sees retries (one request per attempt) and any request to a private address.
 */
function observed(base: BrowserSession): BrowserSession {
  type Browser = BrowserSession['browser'];
  const watch = (context: Awaited<ReturnType<Browser['newContext']>>) => {
    context.on('request', (request) => browserRequests.push({ url: request.url() }));
    context.on('requestfailed', (request) =>
      browserRequests.push({
        url: request.url(),
        failed: request.failure()?.errorText ?? '',
      }),
    );
    return context;
  };
  const browser = new Proxy(base.browser, {
    get(target, property) {
      if (property === 'newContext')
        return async (...args: Parameters<Browser['newContext']>) => watch(await target.newContext(...args));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...base, browser };
}

/** Node-side connections (robots, sitemap, HTTPS probe, collectors' fetches) by host, from this process. */
function watchNodeConnections(): () => void {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string } | number | undefined;
    const host =
      typeof first === 'object' && first !== null ? first.host : typeof args[1] === 'string' ? args[1] : '';
    if (host) nodeConnections.push(host);
    return (original as (...rest: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return () => {
    net.Socket.prototype.connect = original;
  };
}

const sites = () => full.sites;
const resultFor = (url: string): SiteResult | undefined =>
  sites().find((site) => site.url === url && !site.error?.code.endsWith('-url'));
const homeRequests = (url: string) =>
  browserRequests.filter((request) => request.url === url && !request.failed);
const privateUrls = () =>
  browserRequests
    .map((request) => request.url)
    .filter((url) => PRIVATE_HOSTS.includes(new URL(url).hostname));
const allFixtures = (): FixtureSite[] => [...hostile.sites, ...normal.sites];

function mismatches(fixture: FixtureSite): string[] {
  const site = resultFor(fixture.url);
  const { expected } = fixture;
  const got = `${site?.status} ${site?.error?.code ?? ''}`.trim();
  const want = `${expected.status} ${expected.errorCode ?? ''}`.trim();
  const misses: string[] = [];
  if (got !== want)
    misses.push(`${fixture.id}: expected ${want}, got ${got} (${site?.error?.message ?? 'no error'})`);
  if (expected.status === 'error' && site?.maturity.level !== 0)
    misses.push(`${fixture.id}: error site with level ${site?.maturity.level}`);
  return misses;
}

async function evidenceFor(url: string): Promise<SiteEvidence> {
  const file = outcome.siteFiles[sites().findIndex((site) => site.url === url)] as string;
  return JSON.parse(
    await readFile(file.replace(/[/\\]sites[/\\]([^/\\]+)$/, '/evidence/$1'), 'utf8'),
  ) as SiteEvidence;
}

beforeAll(async () => {
  list = await readUrlListFile(join(URL_LISTS_DIR, 'urls.yaml'));

  [hostile, normal, flaky] = await Promise.all([
    startHostileSites(),
    startFixtureSites({ only: ['nivel-1', 'sitio-roto'] }),
    startFlakyServer(),
  ]);
  restoreConnect = watchNodeConnections();
  outDir = await mkdtemp(join(tmpdir(), 'egov-hostile-run-'));
  const targets = [...allFixtures(), { url: flaky.url, name: 'Dirección de Pruebas' }].map(
    ({ url, name }) => ({ url, name }),
  );
  // As runScan launches it; each site's context then gets its own egress listener (its target's address only).
  session = await launchBrowser({ extraCaPems: [hostile.caPem, normal.caPem] });
  outcome = await runScan({
    // The list's own good entries point at real government hosts: only its bad entries join the run.
    targets,
    listProblems: list.problems.map((problem, index) => ({ ...problem, position: targets.length + index })),
    outDir,
    concurrency: 2,
    extraCaPems: [hostile.caPem, normal.caPem],
    browserSession: observed(session),
    scan: { ...SCAN, lighthouse: { enabled: false } },
  });
  full = await outcome.readResults();
}, 1_800_000);

afterAll(async () => {
  restoreConnect();
  await session?.close();
  await Promise.all([hostile?.close(), normal?.close(), flaky?.close()]);
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('runScan over hostile sites', () => {
  it('finishes with one result per target and per bad list entry, and a valid results.json', () => {
    expect(sites()).toHaveLength(allFixtures().length + 1 + list.problems.length);
    expect(outcome.validation.errors).toEqual([]);
    expect(outcome.reportFiles.map((file) => file.split(/[/\\]/).pop()).sort()).toEqual([
      'report.csv',
      'report.html',
      'report.md',
      'results.json',
    ]);
  });

  it('gives every hostile site the status and error code of its expected.json', () => {
    expect(
      allFixtures()
        .filter((fixture) => fixture.id !== 'pagina-10mb')
        .flatMap(mismatches),
    ).toEqual([]);
    expect(hostile.sites.length).toBeGreaterThanOrEqual(10);
  });

  // How long reading a 10 MB home page takes depends on the machine: on a quiet one it scans as expected; on a
  // busy one the snapshot may outlast the site budget, which the scanner reports as a (retryable) timeout. Never
  // anything else — in particular never internal-error, which is what a bare snapshot timeout used to become.
  it('scans the 10 MB page as its expected.json says, or reports a timeout reading it', () => {
    const fixture = hostile.sites.find((site) => site.id === 'pagina-10mb') as FixtureSite;
    expect(fixture.expected.status).toBe('ok');
    const site = resultFor(fixture.url) as SiteResult;
    if (site.status === 'ok') expect(mismatches(fixture)).toEqual([]);
    else expect(site.error?.code).toBe('timeout');
  });

  it("keeps the normal site's result intact: its expected level and criteria", () => {
    const fixture = normal.sites.find((site) => site.id === 'nivel-1') as FixtureSite;
    const site = resultFor(fixture.url) as SiteResult;
    expect(site.status).toBe('ok');
    expect(site.maturity.level).toBe(fixture.expected.level);
    const criteria = Object.fromEntries(
      site.maturity.criteria.map((criterion) => [criterion.id, criterion.met]),
    );
    expect(criteria).toEqual(fixture.expected.criteria);
  });

  it('stops the endless calendar on its page budget and still evaluates the site', async () => {
    const calendars = hostile.sites.filter((site) => site.expected.budgetExhausted);
    expect(calendars.length).toBeGreaterThan(0);
    for (const fixture of calendars) {
      const evidence = await evidenceFor(fixture.url);
      const crawl = evidence.gathered.crawl;
      expect(crawl?.status).toBe('ok');
      if (crawl?.status === 'ok') {
        // The work budget ends it, the same on any machine: exactly the pages it allows.
        expect(crawl.data.budget.exhausted).toBe('page-budget');
        expect(crawl.data.pages).toHaveLength(Math.max(SCAN.maxPages, SCAN.maxDiscoveredPages));
      }
    }
  });

  it('never follows a link to a private address', () => {
    const privateLinks = hostile.sites.find((site) => site.id === 'enlaces-privados');
    expect(privateLinks, 'the hostile suite has the private-links site').toBeDefined();
    // The watches work: the browser's requests to the site itself and Node's connections were seen.
    expect(browserRequests.some((request) => request.url.startsWith(privateLinks!.url))).toBe(true);
    expect(nodeConnections).toContain('127.0.0.1');
    const direct = [
      ...privateUrls().filter((url) => !url.endsWith('/admin')),
      ...nodeConnections.filter((host) => PRIVATE_HOSTS.includes(host)),
    ];
    expect(direct).toEqual([]);
  });

  // The same-site link /intranet answers 302 → http://192.168.1.1/admin. Playwright's routing never sees a
  // redirect hop; the egress proxy refuses the private address before any connection is made.
  it('never follows a redirect to a private address', () => {
    const refused = new Set(
      browserRequests
        .filter((request) => /ERR_SOCKS_CONNECTION_FAILED/.test(request.failed ?? ''))
        .map((request) => request.url),
    );
    expect(privateUrls().filter((url) => !refused.has(url))).toEqual([]);
    expect(privateUrls()).toContain('http://192.168.1.1/admin');
  });

  it('stores a hostile title as plain text, exactly as the page wrote it', async () => {
    const fixture = hostile.sites.find((site) => site.id === 'titulo-markdown') as FixtureSite;
    const evidence = await evidenceFor(fixture.url);
    const crawl = evidence.gathered.crawl;
    expect(crawl?.status).toBe('ok');
    const title = crawl?.status === 'ok' ? crawl.data.pages[0]?.title : undefined;
    expect(title).toBe(
      '**Ministerio** de _Pruebas_ <b>negrita</b> @admin @todos [clic aquí](http://example.com) | # Título',
    );
    // Stored, never rendered: the HTML report escapes it wherever it shows it.
    const html = await readFile(join(outDir, 'report.html'), 'utf8');
    expect(html).not.toContain('<b>negrita</b>');
  });

  it('reports each bad list entry as an error site at the end of the list while the run goes on', () => {
    expect(list.problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining(['invalid-url', 'unsupported-scheme', 'duplicate-url']),
    );
    const tail = sites().slice(-list.problems.length);
    expect(tail.map((site) => [site.status, site.error?.code, site.maturity.level])).toEqual(
      list.problems.map((problem) => ['error', problem.code, 0]),
    );
    // The sites after the bad entries in the list were still scanned.
    expect(outcome.counts.scanned).toBe(allFixtures().length + 1);
    expect(outcome.counts.listProblems).toBe(list.problems.length);
  });

  // The pauses between attempts (growing: RETRY_DELAYS_MS) are checked where they can be recorded instead of timed,
  // in the scanner's hostile tests; here, what the servers saw: the attempts, in order, and the outcome.
  it('retries a transient failure and scans the site once it answers', () => {
    const site = resultFor(flaky.url) as SiteResult;
    expect(site.status).toBe('ok');
    const home = flaky.statuses.filter((entry) => entry.path === '/');
    expect(home.slice(0, 2).map((entry) => entry.status)).toEqual([500, 200]);
  });

  it('retries a server that keeps failing, then gives up with its code', () => {
    const failing = hostile.sites.find((site) => site.id === 'error-500') as FixtureSite;
    expect(homeRequests(failing.url)).toHaveLength(3);
    expect(resultFor(failing.url)?.error?.code).toBe('http-error');
  });

  it('does not retry permanent failures: a refused port and a certificate error are tried once', () => {
    const refused = normal.sites.find((site) => site.id === 'sitio-roto') as FixtureSite;
    const expired = hostile.sites.find((site) => site.id === 'certificado-vencido') as FixtureSite;
    // The refused port is found in Node before any browser work (the preflight's cheap path), so the browser never
    // tries it; the certificate error needs the browser, once.
    for (const [fixture, browserTries] of [
      [refused, 0],
      [expired, 1],
    ] as const) {
      const tries = browserRequests.filter(
        (request) => request.url === fixture.url && request.failed !== undefined,
      );
      expect(tries, fixture.id).toHaveLength(browserTries);
    }
    expect(outcome.results.sites.find((site) => site.url === refused.url)?.error?.code).toBe(
      'connection-refused',
    );
  });

  it('writes each site under its own slug, so no site overwrites another', () => {
    const names = outcome.siteFiles.map((file) => file.split(/[/\\]/).pop());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(`${siteSlug(flaky.url)}.json`);
  });
});
