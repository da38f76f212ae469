/**
 * The end of a run, shared by `scan` and `merge`: aggregate the summaries, compare with the previous run, stream
 * results.json and the reports from the site files, evaluate the gates and append the run to the history, once.
 */
import { aggregate } from '@egov-monitor/rubric';
import type {
  AcceptedFinding,
  ResultsValidation,
  Rubric,
  ScanResults,
  SiteResult,
  SiteSummary,
} from '@egov-monitor/rubric';
import { recordStreamedRun, writeRunReport } from '@egov-monitor/reporter';
import type { AppendResult, HistoryStore } from '@egov-monitor/reporter';
import { evaluateGates } from './gates.js';
import type { GateOptions, GateResult } from './gates.js';
import type { RunCollector } from './run-collector.js';
import { readJsonFile } from './site-store.js';

/**
 * results.json as the run keeps it in memory: everything but the full sites, one summary per site instead (list
 * order). The full results are on disk: `readSites()` yields them one at a time, `readResults()` loads them all.
 */
export type RunResults = Omit<ScanResults, 'sites'> & { sites: SiteSummary[] };

export interface FinishInput {
  /** results.json's head: everything before `sites` (schemaVersion, tool, profile, times, shard). */
  head: Omit<RunResults, 'sites' | 'aggregates' | 'comparison'>;
  collected: RunCollector;
  /** One file per list entry, in list order. */
  siteFiles: string[];
  rubric: Rubric;
  previous?: ScanResults;
  outDir: string;
  lang: 'es' | 'en';
  history?: HistoryStore;
  listName?: string | null;
  gates: GateOptions;
  /** The accepted findings (--accepted): they do not fail the regression gate; unused or expired ones are stale. */
  accepted?: readonly AcceptedFinding[];
  /** The run's "today", for the accepted findings' expiry. */
  now?: Date;
}

export interface FinishedRun {
  results: RunResults;
  readSites(): AsyncIterable<SiteResult>;
  readResults(): Promise<ScanResults>;
  reportFiles: string[];
  validation: ResultsValidation;
  gates: GateResult[];
  history?: { appended: AppendResult } | { error: string };
}

export async function finishRun(input: FinishInput): Promise<FinishedRun> {
  // Only the summaries stay in memory; the full results stream from their files into results.json and the
  // reports, one site at a time, so a list of 50,000 sites writes in bounded memory.
  const sites = input.collected.summaries();
  const results: RunResults = { ...input.head, sites, aggregates: aggregate(sites, input.rubric) };
  if (input.previous) results.comparison = input.collected.comparison(input.previous);
  const readSites = () => readSiteFiles(input.siteFiles);
  const written = await writeRunReport({ results, sites: readSites }, input.outDir, { lang: input.lang });
  const finished: FinishedRun = {
    results,
    readSites,
    readResults: async () => {
      const full: SiteResult[] = [];
      for await (const site of readSites()) full.push(site);
      return { ...results, sites: full };
    },
    reportFiles: written.files,
    validation: written.validation,
    gates: evaluateGates(
      sites,
      {
        ...input.gates,
        ...(input.accepted?.length
          ? {
              acceptance: {
                entries: input.accepted,
                now: input.now ?? new Date(),
                matched: input.collected.matchedAccepted,
              },
            }
          : {}),
      },
      results.comparison,
    ),
  };
  if (input.history) {
    // Only results that match their schema enter the history: a broken run must not become tomorrow's baseline.
    if (!written.validation.valid) {
      finished.history = { error: `not saved to the history: results.json does not match its schema` };
    } else {
      try {
        // Streamed like the report: each site read back from its file and reduced, results.json compressed as written.
        const appended = await recordStreamedRun(
          input.history,
          { results, sites: readSites, resultsJson: written.files[0]! },
          { rubric: input.rubric, list: input.listName ?? null },
        );
        finished.history = { appended };
      } catch (error) {
        finished.history = {
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        };
      }
    }
  }
  return finished;
}

/** The site files in list order, parsed one at a time. A file that is gone or broken yields null (schema error). */
async function* readSiteFiles(files: readonly string[]): AsyncGenerator<SiteResult> {
  for (const file of files) yield (await readJsonFile(file)) as SiteResult;
}
