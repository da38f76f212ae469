import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES_DIR, startFixtureSites } from '@egov-monitor/fixtures';
import type { FixtureSite, RunningFixtures } from '@egov-monitor/fixtures';
import type { AcceptedFinding, ScanResults } from '@egov-monitor/rubric';
import { launchBrowser } from '@egov-monitor/scanner';
import type { BrowserSession } from '@egov-monitor/scanner';
import { gateFailureLines, gateNoticeLines } from './gates.js';
import { runScan } from './run-scan.js';

// Issue #14: an agency gates its own site on regressions. A baseline run of a fixture site, an unchanged re-run
// (the gate passes), then the site changed to carry exactly one new accessibility violation (the gate fails and
// names exactly that one), all in a real browser.

const now = new Date('2026-03-02T10:00:00Z');
/** Work budgets, not time: the same pages are read on any machine, so the runs compare the same pages. */
const SCAN = { maxPages: 6, maxDiscoveredPages: 30, lighthouse: { enabled: false } };
let fixtures: RunningFixtures;
let site: FixtureSite;
let session: BrowserSession;
const dirs: string[] = [];

async function scan(previous?: ScanResults, accepted?: AcceptedFinding[]) {
  const outDir = mkdtempSync(join(tmpdir(), 'egov-regression-gate-'));
  dirs.push(outDir);
  const outcome = await runScan({
    targets: [{ url: site.url, name: site.name, institution: site.institution, group: site.group }],
    outDir,
    now,
    browserSession: session,
    concurrency: 1,
    extraCaPems: [fixtures.caPem],
    scan: SCAN,
    previous,
    failOn: 'regression',
    accepted,
  });
  return { outcome, results: await outcome.readResults() };
}

let baseline: Awaited<ReturnType<typeof scan>>;
let unchanged: Awaited<ReturnType<typeof scan>>;
let changed: Awaited<ReturnType<typeof scan>>;
let accepted: Awaited<ReturnType<typeof scan>>;

beforeAll(async () => {
  fixtures = await startFixtureSites({ now, only: ['nivel-1'] });
  site = fixtures.sites[0] as FixtureSite;
  session = await launchBrowser({ extraCaPems: [fixtures.caPem] });
  baseline = await scan();
  unchanged = await scan(baseline.results);
  // The change: the home page gains one image without a text alternative, nothing else.
  const copy = mkdtempSync(join(tmpdir(), 'egov-regression-site-'));
  dirs.push(copy);
  cpSync(join(SITES_DIR, 'nivel-1'), join(copy, 'nivel-1'), { recursive: true });
  const home = join(copy, 'nivel-1', 'pages', 'index.hbs');
  const text = readFileSync(home, 'utf8');
  const anchor = '<p><strong>Próximo evento:</strong>';
  expect(text).toContain(anchor);
  writeFileSync(
    home,
    text.replace(
      anchor,
      `<img id="mapa-cuencas" src="/static/img/escudo.svg" width="40" height="40">\n  ${anchor}`,
    ),
  );
  fixtures.replaceSite!('nivel-1', join(copy, 'nivel-1'));
  changed = await scan(baseline.results);
  // The agency accepts the new image (a third-party map it cannot fix yet), with a reason; an older entry expired.
  accepted = await scan(baseline.results, [
    {
      site: site.url,
      page: '/',
      rule: 'image-alt',
      selector: '#mapa-*',
      reason: 'mapa del proveedor de cuencas',
      author: 'ana',
      expires: '2026-06-30',
    },
    { rule: 'color-contrast', reason: 'tema anterior', author: 'luis', expires: '2026-01-31' },
  ]);
}, 900_000);

afterAll(async () => {
  await session?.close();
  await fixtures?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the regression gate on a fixture site', () => {
  it('has nothing to fail on without a baseline, and says so', () => {
    expect(baseline.results.sites[0]!.status).toBe('ok');
    expect(baseline.outcome.gates).toEqual([
      expect.objectContaining({ id: 'regression', met: true, note: expect.stringContaining('no baseline') }),
    ]);
  });

  it('passes an unchanged re-run', () => {
    expect(unchanged.results.comparison?.sites[0]?.accessibility.new).toEqual([]);
    expect(unchanged.outcome.gates).toEqual([
      expect.objectContaining({ id: 'regression', met: true, below: [] }),
    ]);
    expect(gateFailureLines(unchanged.outcome.gates)).toEqual([]);
  });

  it('fails on the one new violation, naming exactly it (rule, page, element)', () => {
    const [gate] = changed.outcome.gates;
    expect(gate).toMatchObject({ id: 'regression', met: false });
    expect(changed.results.comparison?.sites[0]?.accessibility.new).toEqual([
      { ruleId: 'image-alt', page: site.url, target: '#mapa-cuencas' },
    ]);
    expect(gateFailureLines(changed.outcome.gates)).toEqual([
      '1 regression(s) since the baseline:',
      `  ${site.name}: new accessibility violation image-alt on ${site.url}: #mapa-cuencas`,
    ]);
  });

  it('does not fail on an accepted finding, lists it apart with its reason, and names the expired entry as stale', () => {
    const [gate] = accepted.outcome.gates;
    expect(gate).toMatchObject({ id: 'regression', met: true, below: [] });
    expect(gateFailureLines(accepted.outcome.gates)).toEqual([]);
    expect(gateNoticeLines(accepted.outcome.gates)).toEqual([
      `accepted, not failing: ${site.name}: new accessibility violation image-alt on ${site.url}: #mapa-cuencas — mapa del proveedor de cuencas (ana)`,
      'stale accepted finding (expired 2026-01-31): rule color-contrast — tema anterior (luis)',
    ]);
  });
});
