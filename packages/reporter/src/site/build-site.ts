/**
 * Builds the public static site from a history (docs/history.md): an index with the ranking, the report's charts
 * and the averages against the references; a page per institution and per site with its evidence and trends; CSV
 * and JSON downloads; Spanish and English trees. Runs are read one at a time and folded into the trends, so
 * memory grows with sites × runs in small numbers, not with the runs' files; pages are written one by one.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { HistoryRun, Reference, ScanResults, SiteResult, SiteTrend, Trends } from '@egov-monitor/rubric';
import {
  CRITERION_IDS,
  createTrendBuilder,
  defaultRubric,
  historySiteKey,
  outcomeOfCode,
} from '@egov-monitor/rubric';
import { HistoryStoreError, readRuns } from '../history/store.js';
import type { HistoryStore } from '../history/store.js';
import { LANGS } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { csvField, renderCsv } from '../render/csv.js';
import { renderTemplate } from '../render/templates.js';
import { institutionSlug, sitePaths, siteSlug } from './paths.js';
import { STYLESHEET } from './stylesheet.js';
import type { SiteData } from './views.js';
import {
  DOWNLOADS,
  indexView,
  institutionView,
  latestByKey,
  rootView,
  siteFilesBase,
  sitePageView,
} from './views.js';

export interface BuildSiteOptions {
  history: HistoryStore;
  /** Created if missing; a folder an earlier build made is replaced whole, any other non-empty folder refused. */
  outDir: string;
  langs?: readonly Lang[];
  /** Where a result's screenshot files are (the run's output folder), to copy them next to the pages. */
  screenshotsDir?: string;
  tool?: { name: string; version: string };
  log?: (message: string) => void;
}

export interface BuildSiteResult {
  outDir: string;
  runs: number;
  sites: number;
  institutions: number;
  pages: number;
  files: number;
}

/** Marks a folder as one this function built, so a rebuild may empty it and nothing else is ever deleted. */
const MARKER = '.egov-monitor-site';

/** Collapses whitespace the way the report does, so a page's bytes do not depend on template indentation. */
function tidyHtml(html: string): string {
  return `${html
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()}\n`;
}

async function prepare(outDir: string): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new HistoryStoreError(
      `${outDir}: not empty and not a site egov-monitor built; choose an empty or new folder`,
    );
  }
  for (const entry of entries) await rm(join(outDir, entry), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, MARKER), 'Built by egov-monitor site; rebuilt whole on every build.\n');
}

/** A CSV file written row by row (RFC 4180, CRLF), waiting when the disk is slower than we are. */
class CsvWriter {
  private readonly stream: WriteStream;
  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path);
    this.stream.write(`${header.map(csvField).join(',')}\r\n`);
  }
  async row(cells: readonly (string | number | null | undefined)[]): Promise<void> {
    if (!this.stream.write(`${cells.map(csvField).join(',')}\r\n`))
      await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  close(): Promise<void> {
    return new Promise((resolveClose, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolveClose())),
    );
  }
}

const AREAS = ['accessibility', 'security', 'usability', 'recommendations', 'overall'] as const;

export const HISTORY_CSV_COLUMNS: readonly string[] = [
  'run_id',
  'date',
  'url',
  'name',
  'acronym',
  'institution',
  'group',
  'status',
  'error_code',
  'level',
  'points',
  'provisional',
  ...CRITERION_IDS,
  ...AREAS.map((a) => `compliance_${a}`),
  'axe_pages',
  'axe_rules',
  'axe_nodes',
  'fingerprint',
];

function historyRows(run: HistoryRun): (string | number | null | undefined)[][] {
  return run.sites.map((site) => [
    run.id,
    run.startedAt,
    site.url,
    site.name,
    site.acronym,
    site.institution,
    site.group,
    site.status,
    site.error,
    site.level,
    site.points,
    site.provisional ? 1 : 0,
    // As report.csv: 1 met, 0 not met, blank when it could not be judged.
    ...CRITERION_IDS.map((id) => {
      const outcome = outcomeOfCode(site.criteria[run.criteria.indexOf(id)]);
      return outcome === 'pass' ? 1 : outcome === 'fail' ? 0 : null;
    }),
    ...AREAS.map((a) => site.compliance[a]),
    site.accessibility.pages,
    site.accessibility.rules,
    site.accessibility.nodes,
    site.fingerprint,
  ]);
}

const AGGREGATE_COLUMNS = [
  'kind',
  'key',
  'label',
  'run_id',
  'date',
  'sites',
  'evaluated',
  'average_points',
  ...[0, 1, 2, 3, 4, 5].map((l) => `level_${l}`),
  ...AREAS.map((a) => `compliance_${a}`),
  'axe_sites',
  'axe_rules',
  'axe_nodes',
];

const SITE_CSV_COLUMNS = [
  'run_id',
  'date',
  'status',
  'error_code',
  'level',
  'points',
  'provisional',
  ...AREAS.map((a) => `compliance_${a}`),
  'axe_pages',
  'axe_rules',
  'axe_nodes',
];

function siteCsv(site: SiteTrend): string {
  const lines = [
    SITE_CSV_COLUMNS,
    ...site.points.map((p) => [
      p.run,
      p.date,
      p.status,
      p.error,
      p.level,
      p.points,
      p.provisional ? 1 : 0,
      ...AREAS.map((a) => p.compliance[a]),
      p.accessibility.pages,
      p.accessibility.rules,
      p.accessibility.nodes,
    ]),
  ];
  return `${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** trends.json written site by site: the whole document never sits in memory as one string. */
async function writeTrendsJson(path: string, trends: Trends): Promise<void> {
  const stream = createWriteStream(path);
  const write = async (text: string) => {
    if (!stream.write(text)) await new Promise<void>((r) => stream.once('drain', () => r()));
  };
  const { sites, ...rest } = trends;
  await write(`${JSON.stringify(rest).slice(0, -1)},"sites":[\n`);
  for (let i = 0; i < sites.length; i += 1)
    await write(`${JSON.stringify(sites[i])}${i < sites.length - 1 ? ',' : ''}\n`);
  await write(']}\n');
  await new Promise<void>((resolveEnd, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolveEnd())),
  );
}

/** Copies a result's screenshot files next to its pages; drops those that are missing, so no image is broken. */
async function withScreenshots(
  site: SiteResult,
  from: string | undefined,
  outDir: string,
  slug: string,
): Promise<SiteResult> {
  const raw = (site as SiteResult & { screenshots?: unknown }).screenshots;
  if (!Array.isArray(raw)) return site;
  const kept = [];
  for (const shot of raw as { file?: unknown }[]) {
    if (!from || typeof shot?.file !== 'string') continue;
    const source = resolve(from, shot.file);
    if (
      !(await stat(source).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      continue;
    const target = join(outDir, 'assets', 'screenshots', slug, shot.file.split('/').pop()!);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
    kept.push(shot);
  }
  return { ...site, screenshots: kept } as SiteResult;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const outDir = resolve(options.outDir);
  const langs = options.langs ?? LANGS;
  const log = options.log ?? (() => {});
  const index = await options.history.readIndex();
  if (index.runs.length === 0)
    throw new HistoryStoreError(`${options.history.description}: the history has no runs yet`);
  await prepare(outDir);
  await mkdir(join(outDir, 'data', 'sites'), { recursive: true });
  let files = 1;

  // One pass over the runs, oldest first: trends folded in, the history CSV streamed out.
  const builder = createTrendBuilder();
  const historyCsv = new CsvWriter(join(outDir, 'data', DOWNLOADS.historyCsv), HISTORY_CSV_COLUMNS);
  let newest: HistoryRun | undefined;
  for await (const run of readRuns(options.history, index)) {
    builder.add(run);
    for (const row of historyRows(run)) await historyCsv.row(row);
    newest = run;
  }
  await historyCsv.close();
  files += 1;
  const trends = builder.result();
  log(
    `egov-monitor: ${trends.runs.length} run(s), ${trends.sites.length} site(s) read from ${options.history.description}`,
  );

  const latest: ScanResults | null = await options.history.readLatestResults();
  // The kept results must be the newest run's, or they would put another day's evidence on today's page.
  const latestRun = trends.runs[trends.runs.length - 1]!;
  const usable = latest && latest.startedAt === latestRun.date ? latest : null;
  const references: Reference[] = usable?.aggregates?.references ?? defaultRubric.references;
  const data: SiteData = { trends, latest: usable, references, tool: options.tool ?? newest!.tool };
  const bySite = latestByKey(usable);

  const write = async (path: string, content: string | Buffer) => {
    const target = join(outDir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    files += 1;
  };
  let pages = 0;
  const page = async (path: string, template: string, context: object) => {
    await write(path, tidyHtml(renderTemplate(template, context)));
    pages += 1;
  };

  await write(sitePaths.css, STYLESHEET);
  await page('index.html', 'site/root.html', rootView());
  for (const lang of langs) await page(sitePaths.home(lang), 'site/index.html', indexView(data, lang));
  for (const institution of trends.institutions) {
    for (const lang of langs)
      await page(
        sitePaths.institution(lang, institutionSlug(institution.key)),
        'site/institution.html',
        institutionView(data, institution, lang),
      );
  }
  for (const site of trends.sites) {
    const slug = siteSlug(site.url);
    const found = bySite.get(historySiteKey(site.url)) ?? null;
    const result = found ? await withScreenshots(found, options.screenshotsDir, outDir, slug) : null;
    for (const lang of langs)
      await page(sitePaths.site(lang, slug), 'site/site.html', sitePageView(data, site, result, lang));
    await write(
      sitePaths.data(`${siteFilesBase(slug)}.json`),
      `${JSON.stringify({ trend: site, latest: result }, null, 2)}\n`,
    );
    await write(sitePaths.data(`${siteFilesBase(slug)}.csv`), siteCsv(site));
  }

  if (usable) {
    await write(sitePaths.data(DOWNLOADS.latestJson), `${JSON.stringify(usable, null, 2)}\n`);
    await write(sitePaths.data(DOWNLOADS.latestCsv), renderCsv(usable));
  } else {
    // Without the newest full results the downloads still exist (pages link to them): the newest compact run.
    await write(sitePaths.data(DOWNLOADS.latestJson), `${JSON.stringify(newest, null, 2)}\n`);
    const lines = [HISTORY_CSV_COLUMNS, ...historyRows(newest!)].map((cells) =>
      cells.map(csvField).join(','),
    );
    await write(sitePaths.data(DOWNLOADS.latestCsv), `${lines.join('\r\n')}\r\n`);
  }
  const aggregates = [trends.overall, ...trends.groups, ...trends.institutions];
  const aggregateLines = [AGGREGATE_COLUMNS.map(csvField).join(',')];
  for (const a of aggregates) {
    for (const p of a.points) {
      aggregateLines.push(
        [
          a.kind,
          a.key,
          a.label,
          p.run,
          p.date,
          p.sites,
          p.evaluated,
          p.averagePoints,
          ...p.levels,
          ...AREAS.map((x) => p.compliance[x]),
          p.accessibility.sites,
          p.accessibility.rules,
          p.accessibility.nodes,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  await write(sitePaths.data(DOWNLOADS.aggregatesCsv), `${aggregateLines.join('\r\n')}\r\n`);
  await writeTrendsJson(join(outDir, 'data', DOWNLOADS.trendsJson), trends);
  files += 1;

  return {
    outDir,
    runs: trends.runs.length,
    sites: trends.sites.length,
    institutions: trends.institutions.length,
    pages,
    files,
  };
}
