import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compareRuns, validateResults } from '@egov-monitor/rubric';
import { OutputWriteError } from '@egov-monitor/reporter';
import type { SiteEvidence, SiteTarget } from '@egov-monitor/rubric';
import type * as Scanner from '@egov-monitor/scanner';
import type { BrowserSession, ScanOptions } from '@egov-monitor/scanner';
import { crawlEvidence } from '@egov-monitor/rubric/test-support';
import type { RunProgressEvent } from './progress.js';
import { runScan } from './run-scan.js';
import { parseUrlList } from './url-list.js';

// The pipeline's own mechanics (order, streaming, resume, isolation), with the scanner replaced by a double:
// fixtures.integration.test.ts runs the real one.
const scanner = vi.hoisted(() => ({
  calls: [] as { url: string; options: ScanOptions; alongside: number }[],
  behaviour: new Map<string, 'throw' | 'fatal' | 'interrupted' | 'cut-once' | 'cut-always'>(),
  inFlight: 0,
  interrupt: () => undefined as void,
  launches: 0,
}));

const { pick } = vi.hoisted(() => ({
  pick: <T extends object, K extends keyof T>(value: T, ...keys: K[]) =>
    Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>,
}));

vi.mock('@egov-monitor/scanner', async (importOriginal) => ({
  // The CA reader's PEM helpers are real: NODE_EXTRA_CA_CERTS may be set where the tests run.
  ...pick(await importOriginal<typeof Scanner>(), 'splitPemBundle', 'withoutSystemRoots'),
  DEFAULT_SCAN_OPTIONS: {
    maxPages: 30,
    maxDepth: 4,
    maxDiscoveredPages: 200,
    siteTimeoutMs: 180_000,
    pageTimeoutMs: 20_000,
    userAgent: 'egov-monitor-test',
    extraCaPems: [],
    lighthouse: { enabled: true, keyPages: 2 },
  },
  findChromeExecutable: () => '/usr/bin/chromium',
  launchBrowser: async () => {
    scanner.launches += 1;
    return fakeSession();
  },
  scanSite: async (
    _session: BrowserSession,
    target: SiteTarget,
    options: ScanOptions,
  ): Promise<SiteEvidence> => {
    const earlier = scanner.calls.filter((call) => call.url === target.url).length;
    scanner.inFlight += 1;
    scanner.calls.push({ url: target.url, options, alongside: scanner.inFlight });
    options.onProgress?.({ url: target.url, phase: 'crawl', pagesAnalysed: 1, pagesDiscovered: 3 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    scanner.inFlight -= 1;
    const scannedAt = (options.now ?? new Date()).toISOString();
    const behaviour = scanner.behaviour.get(target.url);
    if (behaviour === 'cut-always' || (behaviour === 'cut-once' && earlier === 0)) {
      // The site's safety net fired during the crawl: the crawl evidence is partial.
      return {
        target,
        finalUrl: target.url,
        scannedAt,
        gathered: {
          crawl: {
            status: 'ok',
            data: {
              ...crawlEvidence(target.url, 2),
              budget: { maxPages: 30, maxDepth: 4, exhausted: 'site-timeout' },
            },
            incomplete: {
              code: 'site-timeout',
              message: `attempt ${earlier + 1}: the site's safety time limit fired`,
            },
          },
        },
      };
    }
    if (scanner.behaviour.get(target.url) === 'throw') throw new Error('collector exploded');
    if (scanner.behaviour.get(target.url) === 'interrupted') {
      // Ctrl-C stops the browser under the scan: the site comes back as a crash.
      scanner.interrupt();
      return {
        target,
        finalUrl: target.url,
        scannedAt,
        fatal: { code: 'browser-crashed', message: 'closed' },
        gathered: {},
      };
    }
    if (scanner.behaviour.get(target.url) === 'fatal') {
      return {
        target,
        finalUrl: target.url,
        scannedAt,
        fatal: { code: 'dns-not-found', message: 'no such host' },
        gathered: {},
      };
    }
    return { target, finalUrl: target.url, scannedAt, gathered: {} };
  },
}));

function fakeSession(): BrowserSession {
  return {
    browser: { isConnected: () => true } as BrowserSession['browser'],
    debuggingPort: 0,
    executablePath: '/usr/bin/chromium',
    lighthouseLock: (work) => work(),
    close: async () => undefined,
  };
}

const now = new Date('2026-11-25T12:00:00Z');
const list = parseUrlList(
  [
    '- https://a.gob.gt/',
    '- ftp://b.gob.gt/',
    '- https://c.gob.gt/',
    '- https://a.gob.gt/index.html',
    '- https://d.gob.gt/',
  ].join('\n'),
  'yaml',
);

async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'run-scan-'));
}

beforeEach(() => {
  scanner.inFlight = 0;
  scanner.calls.length = 0;
  scanner.behaviour.clear();
  scanner.launches = 0;
});

describe('runScan', () => {
  it('keeps list order, turns bad entries and failures into error sites, and writes a valid report', async () => {
    scanner.behaviour.set('https://c.gob.gt/', 'throw');
    scanner.behaviour.set('https://d.gob.gt/', 'fatal');
    const outDir = await freshDir();
    const outcome = await runScan({
      targets: list.targets,
      listProblems: list.problems,
      outDir,
      now,
      concurrency: 2,
      scan: { maxPages: 7, lighthouse: { enabled: false } },
    });
    const sites = outcome.results.sites;
    expect(sites.map((site) => [site.url, site.status, site.error?.code])).toEqual([
      ['https://a.gob.gt/', 'ok', undefined],
      ['ftp://b.gob.gt/', 'error', 'unsupported-scheme'],
      ['https://c.gob.gt/', 'error', 'internal-error'],
      ['https://a.gob.gt/index.html', 'error', 'duplicate-url'],
      ['https://d.gob.gt/', 'error', 'dns-not-found'],
    ]);
    expect(sites.filter((site) => site.status === 'error').every((site) => site.maturity.level === 0)).toBe(
      true,
    );
    expect(scanner.calls.map((call) => call.url).sort()).toEqual([
      'https://a.gob.gt/',
      'https://c.gob.gt/',
      'https://d.gob.gt/',
    ]);
    expect(scanner.launches).toBe(1);
    expect(scanner.calls[0]?.options).toMatchObject({
      maxPages: 7,
      maxDepth: 4,
      lighthouse: { enabled: false, keyPages: 2 },
      now,
    });
    expect(outcome.counts).toEqual({ total: 5, ok: 1, error: 4, scanned: 3, resumed: 0, listProblems: 2 });
    expect(outcome.results.startedAt).toBe(now.toISOString());
    expect(outcome.results.aggregates).toBeDefined();
    expect(outcome.validation).toEqual({ valid: true, errors: [] });
    expect(validateResults(JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8')))).toMatchObject({
      valid: true,
    });
    expect(outcome.reportFiles.map((file) => file.slice(outDir.length + 1)).sort()).toEqual([
      'report.csv',
      'report.html',
      'report.md',
      'results.json',
    ]);
    expect(await readdir(join(outDir, 'sites'))).toHaveLength(5);
    expect(await readdir(join(outDir, 'evidence'))).toHaveLength(5);
  });

  it('streams each site to disk the moment it finishes, before the next result arrives', async () => {
    const outDir = await freshDir();
    const seen: { file: string; existed: boolean; filesSoFar: number }[] = [];
    const events: RunProgressEvent[] = [];
    await runScan({
      targets: list.targets,
      outDir,
      now,
      concurrency: 1,
      onProgress: (event) => {
        events.push(event);
        if (event.type === 'site-done') {
          const files = existsSync(join(outDir, 'sites'))
            ? readdirSync(join(outDir, 'sites')).filter((file) => file.endsWith('.json'))
            : [];
          seen.push({ file: event.file, existed: existsSync(event.file), filesSoFar: files.length });
        }
      },
    });
    expect(seen.map((entry) => entry.existed)).toEqual([true, true, true]);
    expect(seen.map((entry) => entry.filesSoFar)).toEqual([1, 2, 3]);
    expect(existsSync(join(outDir, 'results.json'))).toBe(true);
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('run-start');
    expect(types.at(-1)).toBe('run-done');
    expect(types).toContain('site-progress');
    expect(
      events
        .filter((event) => event.type === 'site-done')
        .map((event) => (event.type === 'site-done' ? event.done : 0)),
    ).toEqual([1, 2, 3]);
  });

  it('stops on abort, keeps what finished, and resume scans only the rest', async () => {
    const outDir = await freshDir();
    const controller = new AbortController();
    await expect(
      runScan({
        targets: list.targets,
        outDir,
        now,
        concurrency: 1,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.type === 'site-done') controller.abort(new Error('interrupted'));
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(await readdir(join(outDir, 'sites'))).toHaveLength(1);
    expect(existsSync(join(outDir, 'results.json'))).toBe(false);
    const [finished] = await readdir(join(outDir, 'sites'));
    const before = await stat(join(outDir, 'sites', finished as string));

    scanner.calls.length = 0;
    const sources: string[] = [];
    const outcome = await runScan({
      targets: list.targets,
      outDir,
      now,
      concurrency: 1,
      resume: true,
      onProgress: (event) => {
        if (event.type === 'site-done') sources.push(`${event.url} ${event.source}`);
      },
    });
    expect(sources).toEqual([
      'https://a.gob.gt/ resumed',
      'https://c.gob.gt/ scanned',
      'https://d.gob.gt/ scanned',
    ]);
    expect(scanner.calls.map((call) => call.url)).toEqual(['https://c.gob.gt/', 'https://d.gob.gt/']);
    expect((await stat(join(outDir, 'sites', finished as string))).mtimeMs).toBe(before.mtimeMs);
    expect(outcome.counts).toMatchObject({ resumed: 1, scanned: 2, total: 3 });
    expect(outcome.results.sites.map((site) => site.url)).toEqual(list.targets.map((target) => target.url));
  });

  it('does not save a site cut short by the interruption, so resume scans it again', async () => {
    const outDir = await freshDir();
    const controller = new AbortController();
    scanner.interrupt = () => controller.abort(new Error('interrupted'));
    scanner.behaviour.set('https://c.gob.gt/', 'interrupted');
    await expect(
      runScan({ targets: list.targets, outDir, now, concurrency: 1, signal: controller.signal }),
    ).rejects.toThrow('interrupted');
    const saved = await readdir(join(outDir, 'sites'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^a-gob-gt-/);
    expect(existsSync(join(outDir, 'evidence', saved[0] as string))).toBe(true);
  });

  it('rescans on resume when a site file is truncated, for another URL, or an internal error', async () => {
    const outDir = await freshDir();
    scanner.behaviour.set('https://c.gob.gt/', 'throw');
    const first = await runScan({ targets: list.targets, outDir, now, concurrency: 1 });
    const [a, c] = first.siteFiles;
    await writeFile(a as string, '{"url": "https://a.gob');
    scanner.behaviour.clear();
    scanner.calls.length = 0;
    const second = await runScan({ targets: list.targets, outDir, now, concurrency: 1, resume: true });
    expect(scanner.calls.map((call) => call.url)).toEqual(['https://a.gob.gt/', 'https://c.gob.gt/']);
    expect(second.counts.resumed).toBe(1);
    expect(JSON.parse(await readFile(c as string, 'utf8')).status).toBe('ok');
    await rm(outDir, { recursive: true });
  });

  it('scans a site a safety net cut once more at the end, alone, and keeps the better-finished result', async () => {
    scanner.behaviour.set('https://a.gob.gt/', 'cut-once');
    scanner.behaviour.set('https://d.gob.gt/', 'cut-always');
    const outDir = await freshDir();
    const events: RunProgressEvent[] = [];
    const outcome = await runScan({
      targets: list.targets,
      outDir,
      now,
      concurrency: 3,
      scan: { lighthouse: { enabled: false } },
      onProgress: (event) => events.push(event),
    });
    const urls = list.targets.map((target) => target.url);
    // Every site once (side by side), then the two cut ones again, in list order, each alone.
    expect(scanner.calls.map((call) => call.url)).toEqual([
      ...urls,
      'https://a.gob.gt/',
      'https://d.gob.gt/',
    ]);
    expect(scanner.calls.slice(urls.length).map((call) => call.alongside)).toEqual([1, 1]);
    expect(Math.max(...scanner.calls.slice(0, urls.length).map((call) => call.alongside))).toBeGreaterThan(1);
    const retries = events.filter(
      (event): event is Extract<RunProgressEvent, { type: 'site-retry' }> => event.type === 'site-retry',
    );
    expect(retries.map((event) => [event.url, event.stage, event.kept])).toEqual([
      ['https://a.gob.gt/', 'start', undefined],
      ['https://a.gob.gt/', 'done', 'retry'],
      ['https://d.gob.gt/', 'start', undefined],
      ['https://d.gob.gt/', 'done', 'first'],
    ]);
    // The files on disk hold the kept results: the finished retry for a, the first attempt for d.
    const evidenceOf = async (url: string) =>
      JSON.parse(
        await readFile(
          outcome.siteFiles[urls.indexOf(url)]!.replace(/[/\\]sites[/\\]([^/\\]+)$/, '/evidence/$1'),
          'utf8',
        ),
      ) as SiteEvidence;
    expect((await evidenceOf('https://a.gob.gt/')).gathered.crawl).toBeUndefined();
    expect((await evidenceOf('https://d.gob.gt/')).gathered.crawl).toMatchObject({
      incomplete: { message: expect.stringContaining('attempt 1') },
    });
    expect(
      (await outcome.readResults()).sites
        .find((site) => site.url === 'https://d.gob.gt/')
        ?.maturity.criteria.find((c) => c.id === 'many_pages')?.outcome,
    ).toBe('inconclusive');
  });

  it('launches no browser when nothing needs scanning, and uses a given session without closing it', async () => {
    const outDir = await freshDir();
    const onlyProblems = parseUrlList('- ftp://x.gob.gt/\n- "nada"\n', 'yaml');
    const outcome = await runScan({
      targets: onlyProblems.targets,
      listProblems: onlyProblems.problems,
      outDir,
      now,
    });
    expect(scanner.launches).toBe(0);
    expect(outcome.results.sites.map((site) => site.error?.code)).toEqual([
      'unsupported-scheme',
      'invalid-url',
    ]);

    const session = { ...fakeSession(), close: vi.fn(async () => undefined) };
    await runScan({
      targets: list.targets.slice(0, 1),
      outDir: await freshDir(),
      now,
      browserSession: session,
    });
    expect(scanner.launches).toBe(0);
    expect(session.close).not.toHaveBeenCalled();
  });

  it('reports the sites below --fail-under-level, error sites counting as level 0', async () => {
    scanner.behaviour.set('https://d.gob.gt/', 'fatal');
    const outcome = await runScan({
      targets: list.targets,
      outDir: await freshDir(),
      now,
      failUnderLevel: 1,
    });
    const [gate] = outcome.gates;
    expect(gate).toMatchObject({ id: 'level', threshold: 1, met: false });
    expect(gate?.below.map((site) => site.url)).toContain('https://d.gob.gt/');
    const none = await runScan({ targets: list.targets, outDir: await freshDir(), now, failUnderLevel: 0 });
    expect(none.gates).toEqual([
      { id: 'level', threshold: 0, met: true, description: 'maturity level ≥ 0', below: [] },
    ]);
  });

  it('fails before scanning when a --ca file is unreadable', async () => {
    await expect(
      runScan({
        targets: list.targets,
        outDir: await freshDir(),
        now,
        caFile: '/nonexistent/ca.pem',
        env: {},
      }),
    ).rejects.toThrow(/ca\.pem: file not found/);
    expect(scanner.calls).toHaveLength(0);
  });

  it('compares with the previous run exactly as compareRuns does, site by site as each finishes', async () => {
    scanner.behaviour.set('https://d.gob.gt/', 'fatal');
    const first = await runScan({
      targets: list.targets,
      listProblems: list.problems,
      outDir: await freshDir(),
      now,
    });
    const previous = await first.readResults();
    // This run: d recovers, c fails, a leaves the list (written www this time: the same site), e is new.
    scanner.behaviour.clear();
    scanner.behaviour.set('https://www.c.gob.gt/', 'fatal');
    const next = parseUrlList(
      ['- https://www.c.gob.gt/', '- https://d.gob.gt/', '- https://e.gob.gt/', '- nota'].join('\n'),
      'yaml',
    );
    const outcome = await runScan({
      targets: next.targets,
      listProblems: next.problems,
      outDir: await freshDir(),
      now,
      previous,
    });
    const current = await outcome.readResults();
    expect(outcome.results.comparison).toEqual(compareRuns(previous, current));
    expect(outcome.results.comparison?.sites.map((site) => [site.url, site.kind])).toEqual([
      ['https://www.c.gob.gt/', 'unreachable'],
      ['https://d.gob.gt/', 'recovered'],
      ['https://e.gob.gt/', 'new'],
      [expect.stringMatching(/^urn:egov-monitor:list-entry:/), 'new'],
      ['https://a.gob.gt/', 'removed'],
      ['ftp://b.gob.gt/', 'removed'],
      ['https://a.gob.gt/index.html', 'removed'],
    ]);
    expect(outcome.validation).toEqual({ valid: true, errors: [] });
  });

  it('writes byte-identical results.json and reports for the same input', async () => {
    const outputs: string[][] = [];
    for (const round of [1, 2]) {
      const outDir = await freshDir();
      await runScan({ targets: list.targets, listProblems: list.problems, outDir, now, concurrency: round });
      outputs.push(
        await Promise.all(
          ['results.json', 'report.md', 'report.html', 'report.csv'].map((name) =>
            readFile(join(outDir, name), 'utf8'),
          ),
        ),
      );
    }
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('stops at a full disk with an error naming the file, leaving no temporary file and the previous results.json valid', async (context) => {
    const disk = await freshDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      // Not permitted here (not root, a container): reporter's atomic-file test injects ENOSPC instead.
      context.skip();
    }
    try {
      await runScan({ targets: list.targets, listProblems: list.problems, outDir: disk, now });
      const previous = await readFile(join(disk, 'results.json'), 'utf8');
      // The first run's outputs fit the 2 MB disk (512 KB no longer held report.html once it showed needs-review
      // results); 1,600 unreachable sites make ~8 MB of site and evidence files, four times the disk.
      const many = Array.from({ length: 1600 }, (_, i) => `https://sitio-${i}.gob.gt/`);
      for (const url of many) scanner.behaviour.set(url, 'fatal');
      const error = await runScan({ targets: many.map((url) => ({ url })), outDir: disk, now }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OutputWriteError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^could not write ${disk}/(sites|evidence)/sitio-\\d+-gob-gt-[0-9a-f]{8}\\.json: the disk is full \\(ENOSPC\\); the previous file, if any, is unchanged$`,
        ),
      );
      expect(await readFile(join(disk, 'results.json'), 'utf8')).toBe(previous);
      expect(validateResults(JSON.parse(previous)).valid).toBe(true);
      for (const folder of [disk, join(disk, 'sites'), join(disk, 'evidence')]) {
        expect(
          (await readdir(folder)).filter((name) => name.endsWith('.tmp')),
          folder,
        ).toEqual([]);
      }
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
