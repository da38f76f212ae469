import { compareSite, groupDeltas, markMatched, matchSites, summarizeSite } from '@egov-monitor/rubric';
import type {
  AcceptedFinding,
  ScanResults,
  SiteComparison,
  SitePair,
  SiteResult,
  SiteSummary,
} from '@egov-monitor/rubric';

/** A list entry as the collector knows it: its place in the run's list and its URL. */
export interface CollectedEntry {
  position: number;
  url: string;
}

/**
 * What the run keeps of each finished site: its summary, and its change since the previous run (compared while
 * the full result is at hand, so it is never read back for that). Sites are paired with the previous run by
 * identity up front, from the list's URLs. Used by a scan as sites finish, and by a merge as shards are read.
 */
export class RunCollector {
  private readonly summaryAt: (SiteSummary | undefined)[];
  private readonly changeAt: (SiteComparison | undefined)[];
  private readonly pairs: SitePair<SiteResult, CollectedEntry>[] = [];
  private readonly pairAt = new Map<number, SitePair<SiteResult, CollectedEntry>>();

  /** The accepted-findings entries (by index) that matched a finding of a site of this run. */
  readonly matchedAccepted = new Set<number>();

  constructor(
    entries: readonly CollectedEntry[],
    previous: ScanResults | undefined,
    private readonly accepted: readonly AcceptedFinding[] = [],
  ) {
    this.summaryAt = new Array<SiteSummary | undefined>(entries.length);
    this.changeAt = new Array<SiteComparison | undefined>(entries.length);
    if (!previous) return;
    this.pairs = matchSites(
      previous.sites,
      entries.map((entry) => ({ url: entry.url, position: entry.position })),
    );
    for (const pair of this.pairs) if (pair.current) this.pairAt.set(pair.current.position, pair);
  }

  record(position: number, result: SiteResult): void {
    this.summaryAt[position] = summarizeSite(result);
    if (this.accepted.length > 0) markMatched(this.accepted, result, this.matchedAccepted);
    const pair = this.pairAt.get(position);
    if (pair)
      this.changeAt[position] = compareSite({ key: pair.key, previous: pair.previous, current: result });
  }

  /** One per entry, in list order (every entry was recorded once the scan ran to its end). */
  summaries(): SiteSummary[] {
    return this.summaryAt.map((summary, position) => {
      if (!summary) throw new Error(`internal: no result for list entry ${position}`);
      return summary;
    });
  }

  /** compareRuns' answer, built from what was recorded: current sites in list order, then the removed ones. */
  comparison(previous: ScanResults): NonNullable<ScanResults['comparison']> {
    const summaries = this.summaries();
    const sites = this.pairs.map((pair) =>
      pair.current
        ? this.changeAt[pair.current.position]!
        : compareSite({ key: pair.key, previous: pair.previous, current: null }),
    );
    const standings: SitePair<SiteSummary, SiteSummary>[] = this.pairs.map((pair) => ({
      key: pair.key,
      previous: pair.previous,
      current: pair.current ? summaries[pair.current.position]! : null,
    }));
    return { previousStartedAt: previous.startedAt, sites, groups: groupDeltas(previous.sites, standings) };
  }
}
