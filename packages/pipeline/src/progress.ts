import type { MaturityLevel, SiteStatus } from '@egov-monitor/rubric';
import type { SiteProgress } from '@egov-monitor/scanner';

/**
 * What the pipeline tells its caller while it runs. The pipeline never writes to the console: the CLI draws a
 * progress bar or log lines from these, the GitHub Action writes its log.
 */
export type RunProgressEvent =
  | {
      type: 'run-start';
      total: number;
      /** Sites that will be scanned (not resumed, not list problems). */
      toScan: number;
      concurrency: number;
      outDir: string;
    }
  | { type: 'site-start'; position: number; total: number; url: string }
  | {
      type: 'site-progress';
      position: number;
      total: number;
      url: string;
      phase: SiteProgress['phase'];
      pagesAnalysed: number;
      pagesDiscovered: number;
    }
  | {
      type: 'site-done';
      position: number;
      total: number;
      /** Sites finished so far, this one included. */
      done: number;
      url: string;
      name: string;
      /** `scanned` now, `resumed` from an earlier interrupted run, or `list` (a bad list entry, not scanned). */
      source: 'scanned' | 'resumed' | 'list';
      status: SiteStatus;
      level: MaturityLevel;
      errorCode?: string;
      /** Pages analysed in the browser (0 when not scanned). */
      pages: number;
      elapsedMs: number;
      file: string;
    }
  | {
      /**
       * A safety net cut the site's scan: it is scanned again at the end, alone (`start`), and the better-finished
       * of the two results is kept (`done`: `kept` says which, `level` is the retry's).
       */
      type: 'site-retry';
      position: number;
      total: number;
      url: string;
      stage: 'start' | 'done';
      kept?: 'retry' | 'first';
      level?: MaturityLevel;
    }
  | { type: 'browser-restart'; reason: string }
  | { type: 'report'; files: string[] }
  | { type: 'run-done'; elapsedMs: number };
