import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITY_EXPECTED, municipalityPages, startMunicipalitySite } from '@egov-monitor/fixtures';
import type { RunningFixtures } from '@egov-monitor/fixtures';
import type { SiteEvidence, SiteResult } from '@egov-monitor/rubric';
import { launchBrowser } from '@egov-monitor/scanner';
import type { BrowserSession } from '@egov-monitor/scanner';
import type { RunOutcome } from './run-scan.js';
import { runScan } from './run-scan.js';

// Issue #17: a 150-page municipality scanned at --max-pages 200 is read whole — every page analysed — because the
// scan is bounded by work (pages, depth), never by how long the machine takes.
const now = new Date();
let site: RunningFixtures;
let session: BrowserSession;
let outDir: string;
let outcome: RunOutcome;
let evidence: SiteEvidence;

beforeAll(async () => {
  site = await startMunicipalitySite({ now });
  session = await launchBrowser();
  outDir = await mkdtemp(join(tmpdir(), 'egov-large-site-'));
  outcome = await runScan({
    targets: [{ url: site.sites[0]!.url, name: site.sites[0]!.name }],
    outDir,
    now,
    browserSession: session,
    concurrency: 1,
    scan: { maxPages: 200, lighthouse: { enabled: false } },
  });
  evidence = JSON.parse(
    await readFile(outcome.siteFiles[0]!.replace(/[/\\]sites[/\\]([^/\\]+)$/, '/evidence/$1'), 'utf8'),
  ) as SiteEvidence;
}, 1_800_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('a 150-page site at --max-pages 200', () => {
  it('analyses every one of its 150 pages, with no budget or safety net cutting the crawl', () => {
    const crawl = evidence.gathered.crawl;
    expect(crawl?.status).toBe('ok');
    if (crawl?.status !== 'ok') return;
    expect(crawl).not.toHaveProperty('incomplete');
    expect(crawl.data.budget.exhausted).toBeUndefined();
    const analysed = crawl.data.pages
      .filter((page) => page.analysed && page.status === 200)
      .map((page) => new URL(page.url).pathname);
    expect(analysed.sort()).toEqual([...municipalityPages(now).keys()].sort());
    expect(evidence.gathered.accessibility).toMatchObject({ status: 'ok' });
  });

  it('judges the site as its expected.json says', async () => {
    const result = (await outcome.readResults()).sites[0] as SiteResult;
    expect(result.status).toBe('ok');
    const criteria = Object.fromEntries(
      result.maturity.criteria.map((criterion) => [criterion.id, criterion.met]),
    );
    expect({ level: result.maturity.level, criteria }).toEqual({
      level: MUNICIPALITY_EXPECTED.level,
      criteria: MUNICIPALITY_EXPECTED.criteria,
    });
    expect(result.maturity.provisional).toBeUndefined();
  });
});
