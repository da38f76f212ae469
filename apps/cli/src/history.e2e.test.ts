/**
 * Issue #15 end to end: three scans of fixture sites (one of them changed between runs through its content) into
 * a history on a data branch of the GitHub API double and into a history folder; the static site built from each
 * (the folder's through the CLI) byte for byte alike; then the site in a real Chromium: every internal link
 * resolves, axe finds no WCAG 2.2 A/AA violation on any page, no request leaves the site, and the changed site's
 * trend shows its three points.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFixtures } from '@egov-monitor/fixtures';
import { buildSite, openGitHubHistory, openLocalHistory, recordRun, runScan } from '@egov-monitor/pipeline';
import type { RunOutcome } from '@egov-monitor/pipeline';
import { openApiValidator, startGitHubDouble, virtualClock } from '@egov-monitor/reporter/test-support';
import type { GitHubDouble } from '@egov-monitor/reporter/test-support';
import { defaultRubric } from '@egov-monitor/rubric';
import type { ScanResults, SiteResult } from '@egov-monitor/rubric';
import { EXIT, main } from './main.js';
import { memoryIo } from './test-helpers/cli.js';
import { secondVariant, thirdVariant } from './test-helpers/site-variants.js';

const SITES_DIR = fileURLToPath(new URL('../../../fixtures/sites/', import.meta.url));
const SITES = ['nivel-1', 'nivel-3', 'english-county'];
const BRANCH = 'egov-monitor-data';
const BASE = Date.UTC(2026, 2, 2, 12);
const DAY = 24 * 60 * 60 * 1000;
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let work: string;
let fixtures: RunningFixtures;
let github: GitHubDouble;
let runs: RunOutcome[] = [];
/** Each run's full results, read back from its site files (runScan keeps only summaries in memory). */
let fullResults: ScanResults[] = [];
let siteDir: string;
let cliSiteDir: string;

const nivel1 = (results: ScanResults): SiteResult =>
  results.sites.find((s) => s.url === fixtures.sites.find((f) => f.id === 'nivel-1')!.url)!;
const criterion = (site: SiteResult, id: string) => site.maturity.criteria.find((c) => c.id === id)!;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

beforeAll(async () => {
  openApiValidator();
  work = await mkdtemp(join(tmpdir(), 'egov-history-e2e-'));
  // Loaded lazily, as main.ts loads it: the fixture sites are not part of a normal CLI run.
  const { fixtureTargets, startFixtureSites } = await import('@egov-monitor/fixtures');
  fixtures = await startFixtureSites({ only: SITES, now: new Date(BASE) });
  const clock = virtualClock();
  github = await startGitHubDouble({
    owner: 'red-ciudadana',
    repo: 'observatorio',
    pathPrefix: '/api/v3',
    clock,
  });
  const branch = openGitHubHistory({
    token: 'ghs_test',
    owner: github.owner,
    repo: github.repo,
    baseUrl: github.baseUrl,
    // GitHub's pacing of writes on a virtual clock shared with the double: no real time spent waiting.
    client: { clock },
  });
  const folder = openLocalHistory(join(work, 'history'));
  runs = [];
  fullResults = [];
  for (let i = 0; i < 3; i += 1) {
    const now = new Date(BASE + i * 7 * DAY);
    // SECCUH fixes its pages' language and publishes an e-mail address, then links to other institutions and
    // publishes news again: a real content change, served at the same address.
    if (i === 1) fixtures.replaceSite!('nivel-1', secondVariant(SITES_DIR, await mkdtemp(join(work, 'v2-'))));
    if (i === 2)
      fixtures.replaceSite!('nivel-1', thirdVariant(SITES_DIR, await mkdtemp(join(work, 'v3-')), now));
    const outcome = await runScan({
      targets: fixtureTargets(fixtures.sites),
      outDir: join(work, `run-${i + 1}`),
      now,
      extraCaPems: [fixtures.caPem],
      // Few pages keep the test short; the changes are in the layout and the home page, on every page crawled.
      scan: { maxPages: 8, lighthouse: { enabled: false } },
      concurrency: SITES.length,
      history: branch,
      listName: 'fixtures',
    });
    runs.push(outcome);
    const full = await outcome.readResults();
    fullResults.push(full);
    // The folder gets the same run from memory: its files must equal the branch's, which runScan streamed.
    await recordRun(folder, full, { rubric: defaultRubric, list: 'fixtures' });
  }
  siteDir = join(work, 'site');
  await buildSite({ history: branch, outDir: siteDir });
  cliSiteDir = join(work, 'site-cli');
  const io = memoryIo();
  const code = await main(
    ['node', 'egov-monitor', 'site', '--history', join(work, 'history'), '--out', cliSiteDir],
    io,
  );
  if (code !== EXIT.ok) throw new Error(`egov-monitor site exited ${code}: ${io.err()}`);
}, 30 * 60_000);

afterAll(async () => {
  await fixtures?.close();
  await github?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the history and the observatory site, end to end', () => {
  it('keeps three runs on the data branch (each compared with the one before) and the same bytes in a folder', async () => {
    expect(runs.map((r) => r.history && 'appended' in r.history && r.history.appended.runs)).toEqual([
      1, 2, 3,
    ]);
    expect(runs.map((r) => r.previousFrom)).toEqual([null, 'history', 'history']);
    expect(runs[2]!.results.comparison?.previousStartedAt).toBe(runs[1]!.results.startedAt);
    expect(github.git.log(BRANCH)).toHaveLength(3);
    const files = github.git.listFiles(BRANCH);
    expect(files).toEqual(await filesUnder(join(work, 'history')));
    for (const file of files)
      expect(
        github.git.readFile(BRANCH, file)!.equals(await readFile(join(work, 'history', file))),
        file,
      ).toBe(true);
    expect(github.violations).toEqual([]);
  });

  it('the content change shows in the verdicts: SECCUH fixed its language and published an e-mail address', () => {
    const [first, second, third] = fullResults.map(nivel1);
    expect(criterion(first!, 'email_contact').outcome).toBe('fail');
    expect(criterion(second!, 'email_contact').outcome).toBe('pass');
    expect(first!.accessibility.violations.map((v) => v.ruleId)).toContain('html-has-lang');
    expect(second!.accessibility.violations.map((v) => v.ruleId)).not.toContain('html-has-lang');
    // Links to three more institutions and fresh news make level 2; the scanner's crawl still has a time safety net
    // that can cut a run short on a crowded machine (#17), so the level is only required not to fall.
    expect(third!.maturity.level).toBeGreaterThanOrEqual(first!.maturity.level);
    expect(criterion(third!, 'email_contact').outcome).toBe('pass');
  });

  it('the CLI builds the same site from the folder as the branch gives', async () => {
    const files = await filesUnder(siteDir);
    expect(await filesUnder(cliSiteDir)).toEqual(files);
    for (const file of files)
      expect((await readFile(join(cliSiteDir, file))).equals(await readFile(join(siteDir, file))), file).toBe(
        true,
      );
  });

  describe('in Chromium', () => {
    let server: http.Server;
    let origin: string;
    let browser: Browser;
    const TYPES: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.json': 'application/json',
      '.csv': 'text/csv; charset=utf-8',
    };

    beforeAll(async () => {
      // The site as GitHub Pages would serve it: static files under a sub-path.
      server = http.createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = normalize(join(siteDir, path.replace(/^\/observatorio\//, '/')));
        const notFound = () =>
          res.writeHead(404, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>404</title>');
        if (!path.startsWith('/observatorio/') || !file.startsWith(siteDir)) return notFound();
        readFile(file).then(
          (body) =>
            res
              .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
              .end(body),
          notFound,
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it(
      'every internal link resolves, axe finds no WCAG 2.2 A/AA violation on any page, no request leaves the site',
      async () => {
        const context = await browser.newContext();
        const outside: string[] = [];
        const blocked: string[] = [];
        context.on('request', (request) => {
          if (new URL(request.url()).origin !== origin) outside.push(request.url());
        });
        await context.route('**/*', (route) =>
          new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
        );
        const newPage = async () => {
          const opened = await context.newPage();
          opened.on('console', (message) => {
            if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
          });
          return opened;
        };
        let page = await newPage();
        const start = `${origin}/observatorio/index.html`;
        const queue = [start];
        const visited = new Set<string>();
        const ids = new Map<string, Set<string>>();
        const links: { from: string; to: string }[] = [];
        const violations: string[] = [];
        const broken: string[] = [];
        while (queue.length > 0) {
          const url = queue.shift()!;
          if (visited.has(url)) continue;
          visited.add(url);
          let response;
          try {
            response = await page.goto(url, { waitUntil: 'load' });
          } catch (error) {
            broken.push(`${url}: ${(error as Error).message.split('\n')[0]}`);
            page = await newPage();
            continue;
          }
          if (response?.status() !== 200) {
            broken.push(`${url}: HTTP ${response?.status()}`);
            continue;
          }
          const found = await page.evaluate(() => ({
            hrefs: Array.from(document.querySelectorAll('a[href], link[href]')).map(
              (a) => (a as HTMLAnchorElement).href,
            ),
            ids: Array.from(document.querySelectorAll('[id]')).map((e) => e.id),
          }));
          ids.set(url, new Set(found.ids));
          await page.evaluate(axeSource);
          const result = await page.evaluate(
            (tags) =>
              (
                window as unknown as {
                  axe: {
                    run: (
                      c: Document,
                      o: object,
                    ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
                  };
                }
              ).axe.run(document, {
                runOnly: { type: 'tag', values: tags },
                resultTypes: ['violations'],
              }),
            WCAG_TAGS,
          );
          for (const v of result.violations)
            violations.push(
              `${url.slice(origin.length)}: ${v.id} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
            );
          for (const href of found.hrefs) {
            const target = new URL(href);
            if (target.origin !== origin) continue;
            links.push({ from: url, to: href });
            const bare = `${target.origin}${target.pathname}`;
            if (bare.endsWith('.html') && !visited.has(bare)) queue.push(bare);
          }
        }
        // Data files and the stylesheet: fetched, not opened.
        for (const { from, to } of links) {
          const target = new URL(to);
          const bare = `${target.origin}${target.pathname}`;
          if (!bare.endsWith('.html')) {
            const response = await context.request.get(bare);
            if (response.status() !== 200) broken.push(`${from} → ${to}: HTTP ${response.status()}`);
          } else if (target.hash && !ids.get(bare)?.has(decodeURIComponent(target.hash.slice(1)))) {
            broken.push(`${from} → ${to}: no element with that id`);
          }
        }
        await context.close();

        expect(broken).toEqual([]);
        expect(violations).toEqual([]);
        expect(outside).toEqual([]);
        expect(blocked).toEqual([]);
        // Every page of the site is reachable by links from its front page.
        const pages = (await filesUnder(siteDir))
          .filter((f) => f.endsWith('.html'))
          .map((f) => `${origin}/observatorio/${f}`);
        expect([...visited].sort()).toEqual(pages);
        expect(pages.length).toBe(1 + 2 * (1 + SITES.length + SITES.length));
      },
      15 * 60_000,
    );

    it(
      "the changed site's page shows its trend with three points and when each problem was fixed",
      async () => {
        const page = await browser.newPage();
        await page.goto(`${origin}/observatorio/es/index.html`);
        await page
          .getByRole('link', { name: 'Secretaría de Coordinación de Cuencas Hidrográficas' })
          .first()
          .click();
        const chart = page.getByRole('img', { name: 'Puntaje a lo largo del tiempo' });
        await expect.poll(() => chart.count()).toBe(1);
        expect(await chart.locator('.marker').count()).toBe(3);
        const points = fullResults.map((r) => nivel1(r).maturity.points);
        const table = page.locator('#trend-data tbody tr');
        expect(await table.count()).toBe(3);
        expect((await table.locator('td:nth-child(3)').allTextContents()).map(Number)).toEqual(points);
        // The chart's text alternative says the same in words.
        expect(await page.locator('#trend-points-caption').textContent()).toContain(
          `Puntos: de ${points[0]} (2 mar 2026) a ${points[2]} (16 mar 2026)`,
        );
        const email = page.getByRole('row', { name: /Permite comunicarse por correo electrónico/ });
        await expect
          .poll(() => email.textContent())
          .toContain('corregido el 9 mar 2026 (fallaba desde el 2 mar 2026)');
        // The English tree, through the language switch.
        await page.getByRole('link', { name: 'Read in English' }).click();
        expect(await page.getByRole('img', { name: 'Points over time' }).locator('.marker').count()).toBe(3);
        await page.close();
      },
      5 * 60_000,
    );
  });
});
