/**
 * A country as data (issue #18): the facts of one country that the scan and the rubric need, one file per country
 * under profiles/ at the repository root (docs/profiles.md). Pure: the built-in profiles are embedded
 * (builtin.generated.ts); a user's file is read by the pipeline and validated here.
 */
import type { Localized } from '../evidence/common.js';
import { createAjv, describeErrors } from '../schema/ajv.js';
import profileSchema from '../schema/profile.schema.json' with { type: 'json' };
import { BUILTIN_PROFILE_DATA } from './builtin.generated.js';

export interface ProfileReference {
  id: string;
  label: Localized;
  value: number;
}

export interface CountryProfile {
  /** The name `--profile` takes (`guatemala`); the file is profiles/<id>.json. */
  id: string;
  /** ISO 3166-1 alpha-2 code (`GT`). */
  country: string;
  name: Localized;
  /** The browser's locale (`es-GT`): navigator.language, and the dates a site writes from the visitor's settings. */
  locale: string;
  /** The browser's IANA time zone (`America/Guatemala`). */
  timezone: string;
  /** Accept-Language of the scanner's own HTTP requests. */
  acceptLanguage: string;
  /** ISO 639-1 codes of the languages the country's government sites are written in, main first. */
  languages: string[];
  /** Only these exact hosts are the national portal (national-portal-link). */
  nationalPortals: { name: string; hosts: string[] }[];
  /** The country's own government suffixes and public bodies outside them (links_to_agencies). */
  government: { suffixes: string[]; agencyDomains: { domain: string; name: string }[] };
  /** The access-to-information law's name and the phrases of its items and offices (public-information). */
  publicInformation: {
    law: Localized;
    linkPhrases: string[];
    textPhrases: string[];
    contextualPhrases: { phrase: string; requires: string[] }[];
  };
  /** What the report's averages are compared with (UN EGDI, an earlier diagnostic). */
  references: ProfileReference[];
}

/** The profile used when none is named: the country of the diagnostic this tool automates. */
export const DEFAULT_PROFILE_ID = 'guatemala';

/** A profile file is invalid; `issues` has one line per problem, each naming its key path. */
export class ProfileError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`invalid country profile: ${issues.join('; ')}`);
    this.name = 'ProfileError';
    this.issues = issues;
  }
}

const validateShape = createAjv().compile(profileSchema);

/** What a schema cannot say: the locale and time zone exist, ids and hosts are not listed twice. */
function crossCheck(profile: CountryProfile): string[] {
  const issues: string[] = [];
  try {
    Intl.getCanonicalLocales(profile.locale);
  } catch {
    issues.push(`locale: "${profile.locale}" is not a BCP 47 locale (e.g. es-GT)`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: profile.timezone });
  } catch {
    issues.push(`timezone: "${profile.timezone}" is not an IANA time zone (e.g. America/Guatemala)`);
  }
  const duplicates = (values: string[], path: string) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) issues.push(`${path}[${i}]: "${value}" is listed twice`);
      seen.add(value);
    });
  };
  duplicates(
    profile.nationalPortals.flatMap((portal) => portal.hosts),
    'nationalPortals.hosts',
  );
  duplicates(
    profile.government.agencyDomains.map((agency) => agency.domain),
    'government.agencyDomains.domain',
  );
  duplicates(
    profile.references.map((reference) => reference.id),
    'references.id',
  );
  return issues;
}

/**
 * A country profile from a parsed file (JSON or YAML). Throws `ProfileError` naming each bad key path, e.g.
 * `timezone: missing` or `government.agencyDomains[2].domain: must match pattern …`. `$schema` and `$comment`
 * document the file and are dropped.
 */
export function parseProfile(raw: unknown): CountryProfile {
  if (!validateShape(raw)) throw new ProfileError(describeErrors(validateShape.errors, '', raw));
  const {
    $schema: _schema,
    $comment: _comment,
    ...profile
  } = raw as unknown as CountryProfile & {
    $schema?: string;
    $comment?: string;
  };
  const issues = crossCheck(profile);
  if (issues.length) throw new ProfileError(issues);
  return profile;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The profiles shipped in profiles/*.json, by id; a broken one fails here, at load, not in a scan. */
export const BUILTIN_PROFILES: Readonly<Record<string, CountryProfile>> = Object.freeze(
  Object.fromEntries(
    Object.entries(BUILTIN_PROFILE_DATA).map(([id, data]) => {
      const profile = parseProfile(data);
      if (profile.id !== id)
        throw new ProfileError([`profiles/${id}.json: id "${profile.id}" must be "${id}"`]);
      return [id, deepFreeze(profile)];
    }),
  ),
);

/** The built-in profile called `id`, or undefined. */
export function builtinProfile(id: string): CountryProfile | undefined {
  return Object.hasOwn(BUILTIN_PROFILES, id) ? BUILTIN_PROFILES[id] : undefined;
}

export const defaultProfile: CountryProfile = BUILTIN_PROFILES[DEFAULT_PROFILE_ID] as CountryProfile;
