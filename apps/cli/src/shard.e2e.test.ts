import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFixtures } from '@egov-monitor/fixtures';
import { publishIssues } from '@egov-monitor/reporter';
import { startGitHubDouble, virtualClock } from '@egov-monitor/reporter/test-support';
import type { GitHubDouble } from '@egov-monitor/reporter/test-support';
import type { ScanResults, SiteResult } from '@egov-monitor/rubric';
import { runCli } from './test-helpers/cli.js';

// Issue #16's proof: the same list scanned in one run and in 3 shards (3 CLI processes, in parallel) then merged
// gives the same verdicts, the same report aggregates and, published, the same issues. A subset of the fixture
// sites keeps the test's time down (four browsers run it twice): one unreachable site, levels 1 and 2 and a services
// site (4 sites), plus two bad list entries (error sites that must land in exactly one shard too).
const SITES = ['sitio-roto', 'nivel-1', 'nivel-2', 'ventanilla-ciudadana'];
const SCAN_FLAGS = ['--no-lighthouse', '--max-pages', '4', '--concurrency', '1'];

let fixtures: RunningFixtures;
let work: string;
let list: string;

beforeAll(async () => {
  // Loaded lazily, as the CLI itself loads the fixtures.
  const { fixtureTargets, startFixtureSites } = await import('@egov-monitor/fixtures');
  fixtures = await startFixtureSites({ only: SITES });
  work = await mkdtemp(join(tmpdir(), 'egov-shard-'));
  list = join(work, 'list.json');
  const entries = [...fixtureTargets(fixtures.sites), { url: 'esto no es una url', name: 'Entrada rota' }];
  entries.push({ ...entries[1]! });
  await writeFile(list, JSON.stringify(entries));
});

afterAll(async () => {
  await fixtures?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const scan = (out: string, extra: string[] = []) =>
  runCli(['scan', '--urls', list, '--ca', fixtures.caFile, '--out', out, ...SCAN_FLAGS, ...extra]);

const readResults = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ScanResults;

/** What a verdict is made of, without the times and paths of one particular run. */
function verdict(site: SiteResult) {
  return {
    url: site.url,
    status: site.status,
    error: site.error?.code ?? null,
    level: site.maturity.level,
    provisional: site.maturity.provisional ?? false,
    criteria: site.maturity.criteria.map((c) => [c.id, c.outcome]),
    checks: (site.checks ?? []).map((c) => [c.id, c.outcome]),
    compliance: site.compliance?.overall ?? null,
  };
}

/** Issues as a reader sees them: title, state, labels and body, with run times and the run's id left out. */
function issuesOf(gh: GitHubDouble) {
  return [...gh.issues.values()]
    .map((issue) => ({
      title: issue.title,
      state: issue.state,
      labels: [...issue.labels].sort(),
      body: (issue.body ?? '')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
        .replace(/\d{4}-\d{2}-\d{2}/g, '<date>')
        // the human dates of "Revisado", "Inicio", "Fin" (each scan's own clock), in either language
        .replace(/\d{1,2} de \p{L}+ de \d{4} a las \d{2}:\d{2} UTC/gu, '<date>')
        .replace(/\p{L}+ \d{1,2}, \d{4},? (at )?\d{1,2}:\d{2}( [AP]M)? UTC/gu, '<date>')
        // the soft-404 probe asks for a fresh random path on every scan
        .replace(/egov-monitor-no-existe-[a-z0-9]+/g, 'egov-monitor-no-existe-<random>'),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

async function publish(gh: GitHubDouble, results: ScanResults, runId: string) {
  return publishIssues(results, {
    token: 'test-token',
    owner: gh.owner,
    repo: gh.repo,
    baseUrl: gh.baseUrl,
    lang: 'es',
    runId,
    client: { clock: virtualClock() },
  });
}

describe('scan --shard K/N, then merge', () => {
  it("gives the single run's verdicts, aggregates and issues; refuses shards that do not belong together", async () => {
    const single = join(work, 'single');
    const shards = [1, 2, 3].map((k) => join(work, `shard-${k}`));
    const merged = join(work, 'merged');

    const one = await scan(single);
    expect(one.code, one.stderr).toBe(0);
    // Three processes at once, as three matrix jobs would be.
    const parts = await Promise.all(
      shards.map((dir, i) => scan(dir, ['--shard', `${i + 1}/3`, '--run-id', 'run-42'])),
    );
    for (const part of parts) expect(part.code, part.stderr).toBe(0);

    const shardResults = await Promise.all(shards.map(readResults));
    const owned = shardResults.map((r) => r.sites.length);
    expect(owned.reduce((a, b) => a + b, 0)).toBe(6);
    expect(Math.max(...owned) - Math.min(...owned)).toBeLessThanOrEqual(1 + 1); // 5 sites, one of them listed twice
    for (const [i, r] of shardResults.entries()) {
      expect(r.shard).toMatchObject({ index: i + 1, count: 3, runId: 'run-42', list: { entries: 6 } });
      expect(r.shard!.sites.map((s) => s.url)).toEqual(r.sites.map((s) => s.url));
    }

    const joined = await runCli(['merge', shards[2]!, shards[0]!, shards[1]!, '--out', merged]);
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stderr).toContain('merged 3 shard(s) of run "run-42": 6 site(s)');

    const whole = await readResults(single);
    const combined = await readResults(merged);
    expect(combined.shard).toBeUndefined();
    expect(combined.sites.map(verdict)).toEqual(whole.sites.map(verdict));
    expect(combined.aggregates).toEqual(whole.aggregates);
    for (const file of ['report.md', 'report.csv', 'report.html'])
      expect(existsSync(join(merged, file))).toBe(true);
    const csv = async (dir: string) => (await readFile(join(dir, 'report.csv'), 'utf8')).split('\n').length;
    expect(await csv(merged)).toBe(await csv(single));

    // Publication against the GitHub API double (responses checked against @octokit/openapi).
    const fromSingle = await startGitHubDouble();
    const fromMerged = await startGitHubDouble();
    try {
      await publish(fromSingle, whole, '1');
      await publish(fromMerged, combined, '1');
      expect(fromMerged.violations).toEqual([]);
      expect(issuesOf(fromMerged)).toEqual(issuesOf(fromSingle));
      const markers = issuesOf(fromMerged).map(
        (issue) => /egov-monitor:site-key:[^ ]+/.exec(issue.body)?.[0],
      );
      expect(new Set(markers).size).toBe(markers.length);
      // The merged run published where the single run's issues already are: the same issues, none created.
      const before = fromSingle.issues.size;
      const again = await publish(fromSingle, combined, '2');
      expect(again.created).toBe(0);
      expect(again.duplicatesClosed).toBe(0);
      expect(fromSingle.issues.size).toBe(before);
    } finally {
      await fromSingle.close();
      await fromMerged.close();
    }

    // Refusals: one line, exit 2, nothing written.
    const refused = async (args: string[], message: RegExp) => {
      const out = join(work, `refused-${Math.random().toString(36).slice(2)}`);
      const result = await runCli(['merge', ...args, '--out', out]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(existsSync(join(out, 'results.json'))).toBe(false);
    };
    await refused([shards[0]!, shards[1]!], /missing shard\(s\) 3\/3 of run "run-42"/);
    await refused([shards[0]!, shards[0]!, shards[1]!], /shard 1\/3 given twice/);
    await refused([shards[0]!, shards[1]!, single], /not a shard's results/);
    await refused(
      [shards[0]!, shards[1]!, shards[2]!, '--profile', 'el-salvador'],
      /give merge the same --profile/,
    );

    // A shard of another run: shard 3's output as a run "run-43" would have written it.
    const other = join(work, 'other-run');
    await cp(shards[2]!, other, { recursive: true });
    const head = await readResults(other);
    await writeFile(
      join(other, 'results.json'),
      JSON.stringify({ ...head, shard: { ...head.shard, runId: 'run-43' } }),
    );
    await refused(
      [shards[0]!, shards[1]!, other],
      /shards of different runs: .* has run "run-42", .* has run "run-43"/,
    );
  }, 1_800_000);
});
