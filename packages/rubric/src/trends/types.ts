import type { SiteGroup } from '../evidence/common.js';
import type { HistoryCompliance } from '../history/types.js';
import type { MaturityLevel, Outcome, SiteStatus } from '../results.js';

export interface TrendRun {
  id: string;
  /** The run's start (ISO date-time): every date in the trends is one of these. */
  date: string;
  list: string | null;
  tool: { name: string; version: string };
  sites: number;
}

/** One site in one run. */
export interface SitePoint {
  run: string;
  date: string;
  status: SiteStatus;
  error?: string;
  level: MaturityLevel;
  points: number;
  provisional: boolean;
  compliance: HistoryCompliance;
  accessibility: { pages: number; rules: number; nodes: number };
}

/**
 * A stretch of runs in which a criterion was not met, a check failed or an accessibility rule was violated: first
 * seen failing, last seen failing, and the run that fixed it (a later pass), null while it lasts. Verdicts that
 * are not a pass or a fail (inconclusive, error, not applicable) and runs without the site neither open nor close
 * a stretch: the scanner could not tell.
 */
export interface Episode {
  firstSeen: string;
  lastSeen: string;
  fixed: string | null;
}

export interface ItemTrend {
  id: string;
  /** The verdict in the newest run that had one for this item. */
  latest: Outcome | null;
  latestDate: string | null;
  /** When it was first seen passing (met), null if never. */
  firstPassed: string | null;
  episodes: Episode[];
}

export interface SiteTrend {
  /** historySiteKey of the URL. */
  key: string;
  /** Name, list entry and group as in the newest run that had the site. */
  url: string;
  name: string;
  acronym?: string;
  institution: string;
  group: SiteGroup;
  firstSeen: string;
  lastSeen: string;
  lastRun: string;
  points: SitePoint[];
  criteria: ItemTrend[];
  checks: ItemTrend[];
  accessibilityRules: ItemTrend[];
}

/** A set of sites (all, a group, an institution) in one run, averaged as the report averages them. */
export interface AggregatePoint {
  run: string;
  date: string;
  sites: number;
  /** Sites with a level (scanned, level 1 or more): only these enter the averages. */
  evaluated: number;
  averagePoints: number | null;
  /** Sites per level 0–5 (0: not evaluated). */
  levels: [number, number, number, number, number, number];
  /** Mean compliance per area over evaluated sites with a score. */
  compliance: HistoryCompliance;
  /** Over evaluated sites where axe ran: how many, rules violated and elements in violation (sums). */
  accessibility: { sites: number; rules: number; nodes: number };
}

export interface AggregateTrend {
  kind: 'overall' | 'group' | 'institution';
  key: string;
  label: string;
  points: AggregatePoint[];
}

export interface Trends {
  runs: TrendRun[];
  /** In the order they first appeared. */
  sites: SiteTrend[];
  /** Sorted by name. */
  institutions: AggregateTrend[];
  /** In the report's group order. */
  groups: AggregateTrend[];
  overall: AggregateTrend;
}
