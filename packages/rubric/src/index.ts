// Public entry point of @egov-monitor/rubric: pure functions from evidence to judgments. No I/O.
export type * from './evidence/index.js';
// shared vocabularies, each an `as const` list exported once (types derive from them)
export { LANGUAGES, isLanguage } from './evidence/common.js';
export { CHANNEL_KINDS, INSTITUTIONAL_TOPICS, PARTICIPATION_KINDS } from './evidence/maturity.js';
export * from './results.js';

// maturity: criteria, rubric data, levels, overrides, one site's evaluation
export type { Criterion, CriterionMeta, CriterionSettings, DeclaredEvidence } from './criteria/criterion.js';
export { defineCriterion } from './criteria/criterion.js';
export { CRITERIA, CRITERION_IDS } from './criteria/index.js';
export type * from './criteria/index.js';
export { RubricError, defaultRubric, parseRubric, rubricForProfile, LEVEL_NUMBERS } from './rubric-config.js';
export type { LevelNumber, LevelRequirement, Reference, Rubric } from './rubric-config.js';
export { checkLevels, computeLevel, provisionalLevel } from './levels.js';
export { SAFETY_NET_CODES, isSafetyNetCode, unfinishedEvidence } from './unfinished.js';
export type { Unfinished } from './unfinished.js';
export type { LevelCheck } from './levels.js';
export { OverridesError, evidenceFingerprint, parseOverrides } from './overrides.js';
export type { Override } from './overrides.js';
export { evaluateSite } from './evaluate.js';

// a country as data: profiles/<country>.json (docs/profiles.md)
export {
  BUILTIN_PROFILES,
  DEFAULT_PROFILE_ID,
  ProfileError,
  builtinProfile,
  defaultProfile,
  parseProfile,
} from './profiles/profile.js';
export type { CountryProfile, ProfileReference } from './profiles/profile.js';

// results.json
export { SCHEMA_VERSION, resultsSchema, validateResults, validateSiteResult } from './schema/results.js';
export type { ResultsValidation } from './schema/results.js';

// standards checks, compliance, accessibility, aggregates, comparison (rubric-standards)
export { CHECKS, evaluateChecks } from './checks/index.js';
export type { Check } from './checks/index.js';
export { complianceScores } from './compliance.js';
export { defaultComplianceConfig } from './compliance-config.js';
export type { ComplianceConfig } from './compliance-config.js';
export { summarizeAccessibility } from './accessibility-summary.js';
export { aggregate } from './aggregate.js';
export {
  compareRuns,
  compareSite,
  describeFinding,
  groupDeltas,
  matchSites,
  siteRegressions,
} from './compare/index.js';
export type { Regression, SitePair } from './compare/index.js';

// one identity for a page and a site (the crawl, duplicates, comparison, overrides, the issue marker)
export { canonicalUrl, pageIdentity, siteIdentity, siteIdentityHash } from './identity/url-identity.js';
export { STATUS_CODES, LIST_PROBLEM_CODES, isStatusCode } from './status-codes.js';
export type { StatusCode, ListProblemCode } from './status-codes.js';

// the history the tool keeps (compact runs, index) and the trends built from it
export * from './history/index.js';
export * from './trends/index.js';

// one text normaliser and phrase matcher (the scanner's word lists, the criteria's settings)
export {
  PhraseMatcher,
  clip,
  escapeRegExp,
  foldAccents,
  normalizeText,
  pathWords,
  slugify,
  wordText,
  words,
} from './text/index.js';
export type { PhraseMatcherOptions } from './text/index.js';

// accepted findings (an agency's decisions on checks and axe rules it lives with, with reason, author, expiry)
export {
  AcceptedFindingsError,
  acceptedBy,
  describeEntry,
  entryMatches,
  isExpired,
  markMatched,
  parseAcceptedFindings,
  siteFindings,
  staleEntries,
} from './accepted/accepted-findings.js';
export type { AcceptedFinding, FindingRef, StaleEntry } from './accepted/accepted-findings.js';
