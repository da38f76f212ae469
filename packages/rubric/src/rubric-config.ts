/**
 * The rubric: level requirements, per-criterion thresholds and word lists, compliance weights and the
 * references reports compare with. All of it is data (data/*.json); a user's file overrides any part of it.
 */
import type { ComplianceConfig } from './compliance-config.js';
import { defaultComplianceConfig } from './compliance-config.js';
import { CRITERIA } from './criteria/index.js';
import type { CriteriaSettings } from './criteria/index.js';
import defaultRubricData from './data/default-rubric.json' with { type: 'json' };
import type { Localized } from './evidence/common.js';
import type { CriterionId } from './results.js';
import { createAjv, describeErrors } from './schema/ajv.js';
import { rubricSchema } from './schema/rubric-schema.js';
import type { CountryProfile } from './profiles/profile.js';
import { defaultProfile } from './profiles/profile.js';

export type LevelNumber = 1 | 2 | 3 | 4 | 5;

/** What a site needs to reach one level (on top of every level below it: levels are cumulative). */
export interface LevelRequirement {
  name: Localized;
  points: number;
  /** The criteria of this level. */
  criteria: CriterionId[];
  /** Criteria of this level that must be met whatever the count. */
  mandatory: CriterionId[];
  /** How many of `criteria` must be met. */
  minMet: number;
}

export interface Reference {
  id: string;
  label: Localized;
  value: number;
}

export interface Rubric {
  version: 1;
  levels: Record<`${LevelNumber}`, LevelRequirement>;
  criteria: CriteriaSettings;
  compliance: ComplianceConfig;
  references: Reference[];
}

export const LEVEL_NUMBERS: readonly LevelNumber[] = [1, 2, 3, 4, 5];

/** A user's rubric file is invalid; `issues` has one line per problem, each naming its key path. */
export class RubricError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`invalid rubric: ${issues.join('; ')}`);
    this.name = 'RubricError';
    this.issues = issues;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace (a list in the user's file is the whole list). */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return structuredClone(base);
  if (isPlainObject(base) && isPlainObject(override)) {
    const out: Record<string, unknown> = structuredClone(base);
    for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
    return out;
  }
  return structuredClone(override);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const ajv = createAjv();
const validateShape = ajv.compile(rubricSchema);

/** Checks between parts of the data that a schema cannot express: references resolve, ids are unique. */
function crossCheck(rubric: Rubric): string[] {
  const issues: string[] = [];
  const owner = new Map<CriterionId, LevelNumber>();
  let previousPoints = -Infinity;
  for (const n of LEVEL_NUMBERS) {
    const level = rubric.levels[`${n}`];
    for (const id of level.criteria) {
      const other = owner.get(id);
      if (other !== undefined)
        issues.push(`levels.${n}.criteria: ${id} is already a criterion of level ${other}`);
      else owner.set(id, n);
    }
    for (const id of level.mandatory) {
      if (!level.criteria.includes(id))
        issues.push(`levels.${n}.mandatory: ${id} is not one of levels.${n}.criteria`);
    }
    if (level.minMet > level.criteria.length) {
      issues.push(
        `levels.${n}.minMet: must be <= ${level.criteria.length} (the number of criteria of the level)`,
      );
    }
    if (level.points < previousPoints)
      issues.push(`levels.${n}.points: must be >= the points of level ${n - 1}`);
    previousPoints = level.points;
  }
  const seen = new Set<string>();
  rubric.references.forEach((reference, i) => {
    if (seen.has(reference.id)) issues.push(`references[${i}].id: duplicate id ${reference.id}`);
    seen.add(reference.id);
  });
  return issues;
}

function validate(candidate: unknown): Rubric {
  if (!validateShape(candidate)) throw new RubricError(describeErrors(validateShape.errors, '', candidate));
  const rubric = candidate as unknown as Rubric;
  const issues = crossCheck(rubric);
  if (issues.length) throw new RubricError(issues);
  return rubric;
}

/** What data/default-rubric.json holds: edited by hand (levels' names and rules) or generated. */
export interface DefaultRubricData {
  version: 1;
  levels: Record<`${LevelNumber}`, Omit<LevelRequirement, 'criteria'> & { criteria?: string[] }>;
}

/**
 * The default rubric's parts the criteria modules own: each criterion's settings (its `settings.defaults`) and the
 * level it belongs to (its `meta.level`), in the registry's order.
 */
export function criteriaDefaults(): Pick<Rubric, 'criteria'> & {
  levels: Record<`${LevelNumber}`, { criteria: CriterionId[] }>;
} {
  const levels = Object.fromEntries(
    LEVEL_NUMBERS.map((n) => [
      `${n}`,
      { criteria: CRITERIA.filter((c) => c.meta.level === n).map((c) => c.meta.id) },
    ]),
  ) as Record<`${LevelNumber}`, { criteria: CriterionId[] }>;
  const criteria = Object.fromEntries(CRITERIA.map((c) => [c.meta.id, structuredClone(c.settings.defaults)]));
  return { levels, criteria: criteria as CriteriaSettings };
}

/**
 * data/default-rubric.json as `npm run docs` writes it: the hand-edited parts as they are, the criteria's settings
 * and level membership from the modules (a test fails when the file on disk differs).
 */
export function renderDefaultRubricFile(
  data: DefaultRubricData = defaultRubricData as DefaultRubricData,
): string {
  const owned = criteriaDefaults();
  const file = {
    $comment:
      "Generated in part by `npm run docs`: levels.*.criteria and criteria come from packages/rubric/src/criteria/*.ts (meta.level, settings.defaults); edit the modules for those. Edit the levels' names, points, mandatory and minMet here; references come from the country profile (profiles/*.json).",
    version: data.version,
    levels: Object.fromEntries(
      LEVEL_NUMBERS.map((n) => {
        const { name, points, mandatory, minMet } = data.levels[`${n}`];
        return [`${n}`, { name, points, criteria: owned.levels[`${n}`].criteria, mandatory, minMet }];
      }),
    ),
    criteria: owned.criteria,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// Only the hand-edited parts of the file are read: the modules' parts come from the modules themselves.
const { version, levels } = defaultRubricData as DefaultRubricData;
/** The rubric without a country: the criteria modules' settings and levels, data/default-rubric.json, compliance. */
const shared = deepMerge(
  { version, levels, criteria: {}, compliance: defaultComplianceConfig, references: [] },
  criteriaDefaults(),
);

/**
 * The country's part of the rubric (issue #18): its government suffixes and public bodies come first in
 * links_to_agencies' lists (before other countries'), and its references are the report's. Pure: the profile is data.
 */
function withProfile(base: unknown, profile: CountryProfile): unknown {
  const agencies = (
    base as {
      criteria: {
        links_to_agencies: Pick<
          Rubric['criteria']['links_to_agencies'],
          'governmentSuffixes' | 'agencyDomains'
        >;
      };
    }
  ).criteria.links_to_agencies;
  const suffixes = [...new Set([...agencies.governmentSuffixes, ...profile.government.suffixes])];
  const own = profile.government.agencyDomains.map((agency) => ({ ...agency, country: profile.country }));
  const ownDomains = new Set(own.map((agency) => agency.domain));
  return deepMerge(base, {
    criteria: {
      links_to_agencies: {
        governmentSuffixes: suffixes,
        agencyDomains: [...own, ...agencies.agencyDomains.filter((agency) => !ownDomains.has(agency.domain))],
      },
    },
    references: profile.references,
  });
}

/** The rubric the product ships for a country: the shared data and the profile's part, validated. */
export function rubricForProfile(profile: CountryProfile): Rubric {
  return validate(withProfile(shared, profile));
}

/** The rubric the product ships (for the default profile, Guatemala). */
export const defaultRubric: Rubric = deepFreeze(rubricForProfile(defaultProfile));

/**
 * The rubric a user's file yields: `raw` is the *partial* document (already parsed from YAML or JSON), merged
 * over the defaults of `profile` (Guatemala unless given) and validated. Throws `RubricError` naming each bad key
 * path, e.g. `criteria.many_pages.minPages: must be >= 1` or `criteria.many_pages.minPagez: unknown key`.
 */
export function parseRubric(raw: unknown, profile: CountryProfile = defaultProfile): Rubric {
  const base = profile === defaultProfile ? defaultRubric : rubricForProfile(profile);
  if (raw === undefined || raw === null) return structuredClone(base) as Rubric;
  if (!isPlainObject(raw)) throw new RubricError([`(root): wrong type, must be object`]);
  return validate(deepMerge(base, raw));
}
