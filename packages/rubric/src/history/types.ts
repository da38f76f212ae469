/**
 * The history the tool keeps itself (docs/history.md): one compact file per run and a small index. Compact means
 * what trends and the public site need over years, not the evidence: verdicts as one letter per criterion and
 * check, scores, accessibility counts and a fingerprint of the evidence. The newest run's full results are kept
 * beside them for the comparison and the site's evidence.
 */
import type { SiteGroup } from '../evidence/common.js';
import type { MaturityLevel, SiteStatus } from '../results.js';

/** Version of the history files' format; a reader refuses a format it does not know. */
export const HISTORY_FORMAT = 1;

/**
 * One letter per verdict, in the order of the run's `criteria` / `checks` lists: `p` pass (a criterion met),
 * `f` fail (not met), `n` not applicable, `e` error, `i` inconclusive, `-` absent (the site did not get it).
 */
export type OutcomeCode = 'p' | 'f' | 'n' | 'e' | 'i' | '-';

export interface HistoryCompliance {
  accessibility: number | null;
  security: number | null;
  usability: number | null;
  recommendations: number | null;
  overall: number | null;
}

export interface HistoryAccessibility {
  /** Pages axe ran on. */
  pages: number;
  /** Rules violated. */
  rules: number;
  /** Elements in violation, over all rules and pages. */
  nodes: number;
  /** Per rule: [pages where it was violated, elements]. */
  byRule: Record<string, [number, number]>;
}

export interface HistorySite {
  /** The site's identity when the run was written (historySiteKey); readers recompute it from `url`. */
  id: string;
  url: string;
  name: string;
  acronym?: string;
  institution?: string;
  group: SiteGroup;
  status: SiteStatus;
  /** The error code when the site could not be evaluated. */
  error?: string;
  level: MaturityLevel;
  points: number;
  /** The level depends on inconclusive verdicts (#17): set only then. */
  provisional?: true;
  /** One OutcomeCode per id of the run's `criteria`. */
  criteria: string;
  /** One OutcomeCode per id of the run's `checks`. */
  checks: string;
  compliance: HistoryCompliance;
  accessibility: HistoryAccessibility;
  /** Fingerprint of the evidence behind every criterion (8 hex digits): a change says the evidence changed. */
  fingerprint: string;
}

export interface HistoryRun {
  format: typeof HISTORY_FORMAT;
  id: string;
  startedAt: string;
  finishedAt: string;
  tool: { name: string; version: string };
  /** results.json's schema version of the run. */
  schemaVersion: string;
  /** The rubric's format version and a fingerprint of its content (a user's rubric file changes it). */
  rubric: { version: number; fingerprint: string };
  /** The URL list the run scanned (its file name), null when the sites came from the command line. */
  list: string | null;
  /** Criterion ids in the order of every site's `criteria` letters. */
  criteria: string[];
  /** Check ids in the order of every site's `checks` letters. */
  checks: string[];
  sites: HistorySite[];
}

export interface HistoryIndexEntry {
  id: string;
  startedAt: string;
  finishedAt: string;
  /** Path of the run's file, relative to the history's root (`runs/2026/20260302T150000Z-1a2b3c.json`). */
  file: string;
  tool: { name: string; version: string };
  rubric: { version: number; fingerprint: string };
  list: string | null;
  sites: number;
  evaluated: number;
  averagePoints: number | null;
}

export interface HistoryIndex {
  format: typeof HISTORY_FORMAT;
  /** Id of the run whose full results are kept in LATEST_RESULTS_FILE (the newest by start time). */
  latest: string | null;
  /** Oldest first. */
  runs: HistoryIndexEntry[];
}

export const HISTORY_INDEX_FILE = 'index.json';
/** The newest run's results.json, gzip-compressed (a few MB for 300 sites, read whole by the comparison). */
export const LATEST_RESULTS_FILE = 'latest/results.json.gz';
