// `npm run bench:history`: how long building the observatory site takes, and how much memory, from a synthetic
// history of many runs (default 200 runs × 300 sites, issue #15). The history is generated through the public API
// (compact runs appended to a history folder, the newest run's full results kept), then the site is built in a
// fresh child process that reports its wall time, peak RSS and peak heap. Several sizes show how time and memory
// grow with the number of runs. Writes <out>/history-bench-<churn>.json and prints a Markdown table for docs/history.md.
// Flags: --runs N[,N…] (50,100,200) --sites N (300) --out DIR (bench-out/history) --seed N (1)
//        --churn drift|random (drift): how verdicts change between runs. `drift`, as real sites do: each site keeps
//        its criteria, checks and scores from run to run and a few of them change; `random`, a stress case: every
//        check, a tenth of the met criteria and every score drawn afresh in every run, so each criterion and check
//        opens and closes dozens of failure episodes (the trends' largest part).
import { fork } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, latestResultsBytes, openLocalHistory } from '@egov-monitor/pipeline';
import { aggregate, CRITERION_IDS, compactRun, defaultRubric } from '@egov-monitor/rubric';
import type {
  CheckResult,
  CriterionResult,
  HistoryRun,
  MaturityLevel,
  ScanResults,
  SiteGroup,
  SiteResult,
} from '@egov-monitor/rubric';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '50,100,200' },
    sites: { type: 'string', default: '300' },
    out: { type: 'string', default: 'bench-out/history' },
    seed: { type: 'string', default: '1' },
    churn: { type: 'string', default: 'drift' },
    build: { type: 'boolean', default: false },
  },
});

/** A small deterministic PRNG (mulberry32), so every machine benchmarks the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHECK_IDS = Array.from({ length: 30 }, (_, i) => `check-${String(i).padStart(2, '0')}`);
const RULES = Array.from({ length: 40 }, (_, i) => `rule-${String(i).padStart(2, '0')}`);
const GROUPS: SiteGroup[] = ['ministerio', 'secretaria', 'other'];
const LEVEL_OF = [1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5] as const;
const DAY = 24 * 60 * 60 * 1000;

type Churn = 'drift' | 'random';

interface SiteState {
  url: string;
  name: string;
  acronym: string;
  institution: string;
  group: SiteGroup;
  level: number;
  rules: Set<string>;
  /** Criteria of the site's level or below that it does not meet (drift). */
  unmet: Set<number>;
  /** Each check's outcome (drift). */
  checks: CheckResult['outcome'][];
  /** The four areas' scores and the overall score (drift). */
  scores: number[];
}

const checkOutcome = (random: () => number): CheckResult['outcome'] =>
  random() < 0.6 ? 'pass' : random() < 0.8 ? 'fail' : 'not-applicable';

function sitesOf(count: number, random: () => number): SiteState[] {
  return Array.from({ length: count }, (_, i) => {
    const institution = Math.floor(i / 10);
    return {
      url: `https://sitio-${i}.institucion-${institution}.gob.gt/`,
      name: `Dependencia ${i} de la Institución ${institution}`,
      acronym: `DEP${i}`,
      institution: `Institución ${institution}`,
      group: GROUPS[institution % GROUPS.length]!,
      level: 1 + Math.floor(random() * 4),
      rules: new Set(RULES.filter(() => random() < 0.2)),
      unmet: new Set(CRITERION_IDS.map((_, c) => c).filter(() => random() < 0.1)),
      checks: CHECK_IDS.map(() => checkOutcome(random)),
      scores: Array.from({ length: 5 }, () => Math.round(random() * 1000) / 10),
    };
  });
}

/**
 * One run: levels drift a little, a few accessibility rules appear or get fixed; with `drift` a criterion or check
 * changes now and then (2 % per run each) and scores move a few points.
 */
function step(sites: SiteState[], random: () => number, churn: Churn): void {
  for (const site of sites) {
    if (random() < 0.08) site.level = Math.min(5, Math.max(1, site.level + (random() < 0.6 ? 1 : -1)));
    for (const rule of RULES) {
      if (site.rules.has(rule) && random() < 0.05) site.rules.delete(rule);
      else if (!site.rules.has(rule) && random() < 0.01) site.rules.add(rule);
    }
    if (churn !== 'drift') continue;
    for (let c = 0; c < CRITERION_IDS.length; c += 1) {
      if (random() < 0.02) {
        if (site.unmet.has(c)) site.unmet.delete(c);
        else site.unmet.add(c);
      }
    }
    site.checks = site.checks.map((outcome) => (random() < 0.02 ? checkOutcome(random) : outcome));
    site.scores = site.scores.map((score) =>
      Math.min(100, Math.max(0, Math.round((score + (random() - 0.5) * 6) * 10) / 10)),
    );
  }
}

function siteResult(
  site: SiteState,
  scannedAt: string,
  random: () => number,
  full: boolean,
  churn: Churn,
): SiteResult {
  const failed = random() < 0.02;
  const level = (failed ? 0 : site.level) as MaturityLevel;
  const pages = Array.from({ length: 12 }, (_, p) => `${site.url}pagina-${p}`);
  const criteria: CriterionResult[] = failed
    ? []
    : CRITERION_IDS.map((id, i) => {
        const met = LEVEL_OF[i]! <= site.level && (churn === 'drift' ? !site.unmet.has(i) : random() < 0.9);
        // An unfinished verdict now and then (#17): it neither fixes nor breaks a trend.
        const outcome = random() < 0.02 ? 'inconclusive' : met ? 'pass' : 'fail';
        return {
          id,
          level: LEVEL_OF[i]!,
          outcome,
          met: outcome === 'pass',
          evidence: full
            ? pages.slice(0, 3).map((url) => ({
                url,
                detail: `${id}: texto encontrado en ${url}, con un extracto de la página que lo muestra`,
              }))
            : [],
          reason: {
            es: met ? 'Se encontró evidencia suficiente.' : 'No se encontró evidencia.',
            en: met ? 'Enough evidence was found.' : 'No evidence was found.',
          },
        };
      });
  const checks: CheckResult[] = failed
    ? []
    : CHECK_IDS.map((id, i) => ({
        id,
        area: (['accessibility', 'security', 'usability', 'recommendations'] as const)[i % 4]!,
        outcome: churn === 'drift' ? site.checks[i]! : checkOutcome(random),
        title: { es: `Verificación ${i}`, en: `Check ${i}` },
        implements: {
          es: 'Principio 4: Transparencia y accesibilidad',
          en: 'Principle 4: Transparency and accessibility',
        },
        evidence: full ? [{ url: site.url, detail: `${id}: valor medido` }] : [],
        hint: { es: 'Corrija la configuración del servidor.', en: 'Fix the server configuration.' },
      }));
  const score = (area: number) => (churn === 'drift' ? site.scores[area]! : Math.round(random() * 1000) / 10);
  return {
    url: site.url,
    finalUrl: site.url,
    name: site.name,
    acronym: site.acronym,
    institution: site.institution,
    group: site.group,
    status: failed ? 'error' : 'ok',
    ...(failed ? { error: { code: 'timeout', message: 'La portada no respondió' } } : {}),
    scannedAt,
    maturity: { level, points: level * 20, criteria },
    accessibility: {
      pagesScanned: failed ? 0 : pages.length,
      violations: failed
        ? []
        : [...site.rules].map((ruleId) => ({
            ruleId,
            impact: 'serious' as const,
            wcag: ['wcag2a', 'wcag111'],
            bestPractice: false,
            help: `Regla ${ruleId}`,
            helpUrl: `https://dequeuniversity.com/rules/axe/4.10/${ruleId}`,
            nodes: 1 + Math.floor(random() * 30),
            pages: full ? pages.slice(0, 1 + Math.floor(random() * 12)) : [site.url],
            selectors: full ? ['main > div:nth-child(2) > img', '#menu a', '.footer a'] : [],
          })),
    },
    checks,
    compliance: {
      areas: failed
        ? { accessibility: null, security: null, usability: null, recommendations: null }
        : { accessibility: score(0), security: score(1), usability: score(2), recommendations: score(3) },
      overall: failed ? null : score(4),
    },
  };
}

function runResults(
  sites: SiteState[],
  startedAt: string,
  random: () => number,
  full: boolean,
  churn: Churn,
): ScanResults {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'egov-monitor', version: '0.1.0' },
    startedAt,
    finishedAt: new Date(Date.parse(startedAt) + 3 * 60 * 60 * 1000).toISOString(),
    sites: sites.map((site) => siteResult(site, startedAt, random, full, churn)),
  };
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Writes a history of `runs` runs × `count` sites; only the newest run's full results are kept, as in real use. */
async function generate(dir: string, runs: number, count: number, seed: number, churn: Churn): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const random = prng(seed);
  const sites = sitesOf(count, random);
  const store = openLocalHistory(dir);
  const start = Date.UTC(2026, 0, 5, 6);
  for (let i = 0; i < runs; i += 1) {
    step(sites, random, churn);
    const startedAt = new Date(start + i * DAY).toISOString();
    const last = i === runs - 1;
    const results = runResults(sites, startedAt, random, last, churn);
    const run: HistoryRun = compactRun(results, { rubric: defaultRubric, list: 'sintetica' });
    // Older runs' full results would be replaced by the next append anyway: keep them tiny to generate faster.
    await store.append(
      run,
      await latestResultsBytes(
        last
          ? { ...results, aggregates: aggregate(results.sites, defaultRubric) }
          : { ...results, sites: [] },
      ),
    );
  }
}

/** The child: builds the site and reports time and memory, sampled every 20 ms. */
async function buildOnly(historyDir: string, siteDir: string): Promise<void> {
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  const built = await buildSite({ history: openLocalHistory(historyDir), outDir: siteDir });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  process.send!({
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    built,
  });
}

function measure(
  historyDir: string,
  siteDir: string,
): Promise<{
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  built: { pages: number; files: number };
}> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(new URL(import.meta.url).pathname, ['--build', historyDir, siteDir], {
      execArgv: ['--conditions=@egov-monitor/source', '--import', 'tsx'],
    });
    child.once('message', (message) => resolvePromise(message as never));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the build exited ${code}`)));
  });
}

if (values.build) {
  await buildOnly(positionals[0]!, positionals[1]!);
} else {
  const out = resolve(values.out);
  const count = Number(values.sites);
  const seed = Number(values.seed);
  const churn = values.churn as Churn;
  if (churn !== 'drift' && churn !== 'random')
    throw new Error(`--churn must be drift or random, not ${churn}`);
  await mkdir(out, { recursive: true });
  const rows = [];
  for (const runs of values.runs.split(',').map(Number)) {
    const historyDir = join(out, `history-${runs}x${count}-${churn}`);
    const siteDir = join(out, `site-${runs}x${count}-${churn}`);
    const generatedAt = performance.now();
    await generate(historyDir, runs, count, seed, churn);
    const generation = (performance.now() - generatedAt) / 1000;
    const history = await sizeOf(historyDir);
    const result = await measure(historyDir, siteDir);
    const site = await sizeOf(siteDir);
    const row = {
      runs,
      sites: count,
      churn,
      historyMb: history.bytes / 1024 / 1024,
      generationSeconds: generation,
      buildSeconds: result.seconds,
      peakRssMb: result.peakRssMb,
      peakHeapMb: result.peakHeapMb,
      pages: result.built.pages,
      siteFiles: site.files,
      siteMb: site.bytes / 1024 / 1024,
    };
    rows.push(row);
    console.error(
      `${runs} runs × ${count} sites (${churn}): built in ${row.buildSeconds.toFixed(1)} s, peak RSS ${row.peakRssMb.toFixed(0)} MB`,
    );
    await rm(siteDir, { recursive: true, force: true });
  }
  await writeFile(join(out, `history-bench-${churn}.json`), `${JSON.stringify(rows, null, 2)}\n`);
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    '| runs × sites | churn | history on disk | build time | peak RSS | peak heap | pages | site on disk |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.runs} × ${r.sites} | ${r.churn} | ${f(r.historyMb)} MB | ${f(r.buildSeconds)} s | ${f(r.peakRssMb, 0)} MB | ${f(r.peakHeapMb, 0)} MB | ${r.pages} | ${f(r.siteMb)} MB (${r.siteFiles} files) |`,
    );
  }
}
