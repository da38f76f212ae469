import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRY_SITES_DIR, startFixtureSites } from '@egov-monitor/fixtures';
import type { FixtureSite, RunningFixtures } from '@egov-monitor/fixtures';
import { BUILTIN_PROFILES } from '@egov-monitor/rubric';
import type { CountryProfile, ScanResults, SiteResult } from '@egov-monitor/rubric';
import { findChromeExecutable, launchBrowser, mappedResolver } from '@egov-monitor/scanner';
import type { BrowserSession } from '@egov-monitor/scanner';
import { runScan } from './run-scan.js';

// A second country needs no scanner edit (issue #18): a Salvadoran fixture site, under its own gob.sv name (the
// browser's resolver maps it to the fixture server on 127.0.0.1), scanned with --profile el-salvador credits its
// national portal, its state institutions and its law's items; the same site scanned with Guatemala's profile does
// not credit what is El Salvador's (the portal, the public body only El Salvador's profile lists).
const now = new Date();
const HOST = 'www.videco.gob.sv';
let fixtures: RunningFixtures;
let session: BrowserSession;
let site: FixtureSite;
const results: Record<string, ScanResults> = {};
const dirs: string[] = [];

async function scanWith(profile: CountryProfile): Promise<ScanResults> {
  const outDir = await mkdtemp(join(tmpdir(), `egov-profile-${profile.id}-`));
  dirs.push(outDir);
  const port = new URL(site.url).port;
  const outcome = await runScan({
    targets: [
      { url: `http://${HOST}:${port}/`, name: site.name, institution: site.institution, group: site.group },
    ],
    outDir,
    now,
    profile,
    browserSession: session,
    concurrency: 1,
    scan: { lighthouse: { enabled: false } },
  });
  return outcome.readResults();
}

const criteria = (result: SiteResult) =>
  Object.fromEntries(result.maturity.criteria.map((c) => [c.id, c.outcome === 'pass']));
const check = (result: SiteResult, id: string) => result.checks.find((entry) => entry.id === id)?.outcome;

beforeAll(async () => {
  fixtures = await startFixtureSites({ now, root: COUNTRY_SITES_DIR, only: ['el-salvador'] });
  site = fixtures.sites[0] as FixtureSite;
  session = await launchBrowser({
    executablePath: findChromeExecutable() ?? undefined,
    resolver: mappedResolver({ [HOST]: '127.0.0.1' }),
  });
  results.sv = await scanWith(BUILTIN_PROFILES['el-salvador'] as CountryProfile);
  results.gt = await scanWith(BUILTIN_PROFILES.guatemala as CountryProfile);
});

afterAll(async () => {
  await session?.close();
  await fixtures?.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a Salvadoran site scanned with --profile el-salvador', () => {
  it('concludes what its expected.json says, and records the profile', () => {
    const result = results.sv!.sites[0]!;
    expect(result.status).toBe('ok');
    expect(criteria(result)).toEqual(site.expected.criteria);
    expect(result.maturity.level).toBe(site.expected.level);
    for (const [id, outcome] of Object.entries(site.expected.checks ?? {}))
      expect([id, check(result, id)]).toEqual([id, outcome]);
    expect(results.sv!.profile).toEqual({ id: 'el-salvador', country: 'SV' });
  });

  it("credits the national portal, El Salvador's public bodies and the law's items with their evidence", () => {
    const result = results.sv!.sites[0]!;
    const agencies = result.maturity.criteria.find((c) => c.id === 'links_to_agencies')!;
    expect(agencies.reason.en).toMatch(
      /^Links to 3 distinct state institutions \(www\.gob\.sv, mh\.gob\.sv, ues\.edu\.sv\)/,
    );
    const findings = result.checks.flatMap((c) => c.evidence.map((pointer) => `${c.id}: ${pointer.detail}`));
    expect(
      findings.some((f) => f.startsWith('national-portal-link:') && f.includes('https://www.gob.sv/')),
    ).toBe(true);
    expect(
      findings.some((f) => f.startsWith('public-information:') && /informaci[oó]n oficiosa/i.test(f)),
    ).toBe(true);
  });
});

describe('the same site scanned with the Guatemala profile', () => {
  it("does not credit El Salvador's national portal nor the public body only El Salvador's profile lists", () => {
    const result = results.gt!.sites[0]!;
    expect(results.gt!.profile).toEqual({ id: 'guatemala', country: 'GT' });
    expect(check(result, 'national-portal-link')).toBe('fail');
    const agencies = result.maturity.criteria.find((c) => c.id === 'links_to_agencies')!;
    expect(agencies.outcome).toBe('fail');
    expect(agencies.reason.en).toMatch(
      /^Links to 2 distinct state institutions \(www\.gob\.sv, mh\.gob\.sv\)/,
    );
  });

  it('changes nothing else: the scanner read the same site the same way', () => {
    const sv = criteria(results.sv!.sites[0]!);
    const gt = criteria(results.gt!.sites[0]!);
    expect(gt).toEqual({ ...sv, links_to_agencies: false });
  });
});
