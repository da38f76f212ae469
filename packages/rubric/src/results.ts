/**
 * The judgments the rubric produces and results.json carries (validated by schema/results.schema.json).
 */
import type { CollectorError, EvidencePointer, Localized, SiteGroup } from './evidence/common.js';
import type { CRITERIA } from './criteria/index.js';

/** The id of a criterion of the registry (criteria/index.ts): derived from the modules, never written twice. */
export type CriterionId = (typeof CRITERIA)[number]['meta']['id'];

export type MaturityLevel = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * More than two outcomes, as axe and Lighthouse have: `not-applicable`, `error` and `inconclusive` weigh 0 in
 * scores. `error` says the evidence could not be gathered (a collector failed: never a silent "not met");
 * `inconclusive` says the scanner could not finish the work the verdict needs (a safety time limit fired, a page
 * could not be loaded, a search box could not be operated). An inconclusive verdict is never reported as a
 * failure or a regression, and a level that depends on one is provisional (methodology).
 */
export type Outcome = 'pass' | 'fail' | 'not-applicable' | 'error' | 'inconclusive';

/** What a criterion's `evaluate` returns: the verdict, before the evaluator adds who gave it. */
export interface Verdict {
  outcome: Outcome;
  met: boolean;
  evidence: EvidencePointer[];
  /** Why it is met or not, in plain words. */
  reason: Localized;
}

export interface CriterionResult extends Verdict {
  id: CriterionId;
  level: 1 | 2 | 3 | 4 | 5;
  /** The criterion's title (its meta), so a report names it without a copy of the registry. Absent in older files. */
  title?: Localized;
  /** Set when a reviewer's override decided `met` (see overrides). */
  override?: { met: boolean; reason: string; author: string; stale: boolean };
}

export interface Maturity {
  level: MaturityLevel;
  points: number;
  criteria: CriterionResult[];
  /**
   * Set when inconclusive criteria could raise the level: `level` is then a floor, not a verdict (the methodology's
   * "nivel provisional"). Absent when the level stands whatever the inconclusive criteria turn out to be.
   */
  provisional?: true;
  /** The inconclusive criteria that could raise the level (with `provisional`), in the model's order. */
  couldRaise?: CriterionId[];
  /** The level the site would reach if every one of them were met (with `provisional`). */
  couldReach?: MaturityLevel;
}

export interface MergedAxeViolation {
  ruleId: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  /** WCAG tags of the rule, e.g. wcag2a, wcag143. */
  wcag: string[];
  bestPractice: boolean;
  help: string;
  helpUrl: string;
  /** Nodes across all pages. */
  nodes: number;
  pages: string[];
  selectors: string[];
  /**
   * Per page (sorted): how many elements failed the rule there and the selectors of the first few, so a comparison
   * can tell a new failing element from one that was already there. Absent in older files.
   */
  occurrences?: AxeOccurrence[];
}

export interface AxeOccurrence {
  page: string;
  nodes: number;
  targets: string[];
}

export interface AccessibilitySummary {
  pagesScanned: number;
  /** URLs axe ran on (sorted). A violation gone from a page that was not scanned again is not "fixed". */
  pages?: string[];
  violations: MergedAxeViolation[];
  /**
   * axe's "needs review" (incomplete) results merged the same way: elements a person must look at. Never a
   * violation, never counted in a check or a score. Absent in results written before it existed.
   */
  needsReview?: MergedAxeViolation[];
}

/** The four areas of standards compliance; each a weighted mean of its checks' outcomes. */
export type ComplianceArea = 'accessibility' | 'security' | 'usability' | 'recommendations';

/** Result of one standards check (one file per check under checks/, like a criterion). */
export interface CheckResult {
  id: string;
  area: ComplianceArea;
  outcome: Outcome;
  title: Localized;
  /** The Carta Iberoamericana principle or the report's recommendation it implements. */
  implements: Localized;
  evidence: EvidencePointer[];
  /** What to do to pass, when it does not. */
  hint?: Localized;
  /** Optional measured value (e.g. a Lighthouse score, days until expiry). */
  value?: number | string | boolean | null;
}

export interface ComplianceScores {
  /** 0–100 per area; null when every check of the area was not-applicable or error. */
  areas: Record<ComplianceArea, number | null>;
  /** Weighted mean of the areas: 0–100, reported beside the maturity level, never mixed into it. */
  overall: number | null;
}

export type SiteStatus = 'ok' | 'error';

export interface SiteResult {
  url: string;
  finalUrl: string;
  name: string;
  acronym?: string;
  institution?: string;
  group: SiteGroup;
  status: SiteStatus;
  error?: CollectorError;
  scannedAt: string;
  maturity: Maturity;
  accessibility: AccessibilitySummary;
  checks: CheckResult[];
  compliance: ComplianceScores;
  /** Lighthouse category scores (0–100) of the key pages, when Lighthouse ran. */
  lighthouse?: { url: string; scores: Record<string, number | null> }[];
}

/**
 * What the aggregates, the comparison's averages, the gates and the report's tables read of a site: its identity,
 * standing and scores, without criteria, checks and findings. A run keeps one per site in memory (a few hundred
 * bytes) and reads the full result back from disk when it writes it, so a 50,000-site list fits in memory.
 */
export interface SiteSummary {
  url: string;
  finalUrl: string;
  name: string;
  acronym?: string;
  institution?: string;
  group: SiteGroup;
  status: SiteStatus;
  error?: CollectorError;
  scannedAt: string;
  maturity: Pick<Maturity, 'level' | 'points' | 'provisional' | 'couldRaise' | 'couldReach'>;
  compliance: ComplianceScores;
}

/** The summary of a full result (a copy: it keeps no reference to the criteria, checks or findings). */
export function summarizeSite(site: SiteResult): SiteSummary {
  return {
    url: site.url,
    finalUrl: site.finalUrl,
    name: site.name,
    ...(site.acronym === undefined ? {} : { acronym: site.acronym }),
    ...(site.institution === undefined ? {} : { institution: site.institution }),
    group: site.group,
    status: site.status,
    ...(site.error ? { error: { code: site.error.code, message: site.error.message } } : {}),
    scannedAt: site.scannedAt,
    maturity: {
      level: site.maturity.level,
      points: site.maturity.points,
      ...(site.maturity.provisional ? { provisional: true as const } : {}),
      ...(site.maturity.couldRaise ? { couldRaise: [...site.maturity.couldRaise] } : {}),
      ...(site.maturity.couldReach === undefined ? {} : { couldReach: site.maturity.couldReach }),
    },
    compliance: { areas: { ...site.compliance.areas }, overall: site.compliance.overall },
  };
}

export interface ScanResults {
  schemaVersion: string;
  tool: { name: string; version: string };
  /** The country profile the run used (docs/profiles.md); absent in results written before profiles existed. */
  profile?: { id: string; country: string };
  startedAt: string;
  finishedAt: string;
  /** Present when the run scanned one shard of a list (`scan --shard K/N`): what `merge` checks and orders by. */
  shard?: ShardInfo;
  sites: SiteResult[];
  /** Averages per institution and group, like the report's tables; absent while sites are still streaming. */
  aggregates?: Aggregates;
  /** Change since the previous run, when one was given. */
  comparison?: RunComparison;
}

/**
 * One shard of a run (`scan --shard K/N`, docs/scale-out.md). Shards merge only when they share the run, the list,
 * the rubric and the profile; `sites` says which entries of the list this shard owns, so the merge can restore list
 * order and report an owned site that is absent instead of dropping it.
 */
export interface ShardInfo {
  /** K, from 1. */
  index: number;
  /** N. */
  count: number;
  /** The run the shards belong to (`--run-id`; in the Action, GITHUB_RUN_ID). */
  runId: string;
  /** The whole list: a fingerprint of its site identities (order-independent) and its number of entries. */
  list: { fingerprint: string; entries: number };
  /** The rubric's format version and a fingerprint of its content. */
  rubric: { version: number; fingerprint: string };
  /** A fingerprint of the country profile's content (locale, words, domains the scanner used). */
  profileFingerprint: string;
  /** This shard's entries of the list, in list order: their place in the whole list, URL and site file name. */
  sites: { position: number; url: string; slug: string }[];
}

// ---------------------------------------------------------------- aggregates (the report's tables and charts)

export interface AverageRow {
  key: string;
  label: string;
  /** Sites with a level (status ok). */
  evaluated: number;
  /** Sites left out of the average (level 0: could not be evaluated). */
  notEvaluated: number;
  /** Mean of points of evaluated sites; null when none. */
  averagePoints: number | null;
  /** Mean overall compliance score of evaluated sites. */
  averageCompliance: number | null;
}

export interface Aggregates {
  overall: AverageRow;
  byGroup: AverageRow[];
  byInstitution: AverageRow[];
  /** Count of sites per level 0–5. */
  sitesPerLevel: Record<'0' | '1' | '2' | '3' | '4' | '5', number>;
  /** Sites that could not be evaluated, with their reasons. */
  notEvaluated: { url: string; name: string; code: string; message: string }[];
  /** References to compare with (UN EGDI, the report's 2019 averages). */
  references: { id: string; label: Localized; value: number }[];
  charts: {
    scorePerSite: { name: string; url: string; points: number }[];
    sitesPerLevel: { level: number; count: number }[];
    institutionEvaluatedVsScore: { institution: string; evaluated: number; averagePoints: number | null }[];
  };
}

// ---------------------------------------------------------------- comparison of two runs

/**
 * `provisional`: the level is lower than before but provisional (inconclusive criteria could raise it), so it is not
 * reported as a regression, and the comparison keeps the previous level for the averages, as for `unreachable`.
 */
export type SiteChangeKind =
  'new' | 'removed' | 'improved' | 'regressed' | 'unchanged' | 'unreachable' | 'recovered' | 'provisional';

export interface SiteComparison {
  url: string;
  name: string;
  kind: SiteChangeKind;
  previous: { level: MaturityLevel; points: number; status: SiteStatus } | null;
  current: { level: MaturityLevel; points: number; status: SiteStatus } | null;
  criteriaGained: CriterionId[];
  criteriaLost: CriterionId[];
  accessibility: {
    /** By rule, page and (when both runs recorded the elements) target. */
    new: AccessibilityFinding[];
    fixed: AccessibilityFinding[];
    persisting: AccessibilityFinding[];
  };
  checksChanged: { id: string; from: Outcome; to: Outcome }[];
  /** Human summary, e.g. "no se pudo cargar en esta corrida; se conserva el nivel anterior". */
  note?: Localized;
}

/**
 * One axe finding as a comparison names it: the rule on a page, and the element (`target`, a CSS selector) when both
 * runs recorded the elements. `moreNodes` says that many more elements fail the rule on the page than before, when
 * the new ones are beyond the selectors recorded (axe's first few per page).
 */
export interface AccessibilityFinding {
  ruleId: string;
  page: string;
  target?: string;
  moreNodes?: number;
}

export interface RunComparison {
  previousStartedAt: string;
  sites: SiteComparison[];
  groups: {
    key: string;
    label: string;
    previousAverage: number | null;
    currentAverage: number | null;
    delta: number | null;
  }[];
}
