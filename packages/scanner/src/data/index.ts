/**
 * Typed loader of the detection vocabularies (words es/en, vendors, stopwords). The JSON files are the single
 * source of truth; this module validates them once at load and compiles their regexes, so a bad entry fails
 * loudly (naming the key) instead of silently never matching.
 */
import institutionalJson from './institutional-topics.json' with { type: 'json' };
import liveStepsJson from './live-steps.json' with { type: 'json' };
import lookupFieldsJson from './lookup-fields.json' with { type: 'json' };
import stopwordsJson from './stopwords.json' with { type: 'json' };
import vendorsJson from './vendors.json' with { type: 'json' };
import verificationJson from './verification.json' with { type: 'json' };
import vocabularyJson from './vocabulary.json' with { type: 'json' };
import { INSTITUTIONAL_TOPICS } from '@egov-monitor/rubric';
import type { InstitutionalTopic } from '@egov-monitor/rubric';
import { normalizeText, PhraseMatcher } from '@egov-monitor/rubric';

export type PhraseListId = Exclude<keyof typeof vocabularyJson.phrases, '$comment'>;
export type PatternListId = keyof typeof vocabularyJson.patterns;
export type VendorGroup = Exclude<keyof typeof vendorsJson, '$comment'>;

export interface Vendor {
  id: string;
  name: string;
  kind: string;
  /** On script, iframe and sub-resource URLs. */
  src: RegExp[];
  /** On inline script bodies. */
  inline: RegExp[];
  /** CSS selectors that find the widget in the live DOM. */
  selectors: string[];
  /** On link hrefs and form actions. */
  links: RegExp[];
}

export interface TopicDefinition {
  id: InstitutionalTopic;
  phrases: PhraseMatcher;
  paths: string[];
}

interface RawVendor {
  id: unknown;
  name: unknown;
  kind: unknown;
  src: unknown;
  inline: unknown;
  selectors: unknown;
  links: unknown;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim().length > 0);
}

function compileErrors(patterns: unknown, where: string, problems: string[]): void {
  if (!isStringList(patterns)) {
    problems.push(`${where}: must be a list of non-empty strings`);
    return;
  }
  for (const pattern of patterns) {
    try {
      new RegExp(pattern, 'iu');
    } catch (error) {
      problems.push(
        `${where}: pattern ${JSON.stringify(pattern)} does not compile (${(error as Error).message})`,
      );
    }
  }
}

/** Every problem of the data files, each naming its key; empty when they are sound. */
export function validateData(
  raw: {
    vocabulary: unknown;
    vendors: unknown;
    institutional: unknown;
    stopwords: unknown;
    verification?: unknown;
  } = {
    vocabulary: vocabularyJson,
    vendors: vendorsJson,
    institutional: institutionalJson,
    stopwords: stopwordsJson,
    verification: verificationJson,
  },
): string[] {
  const problems: string[] = [];
  const vocabulary = raw.vocabulary as {
    phrases?: Record<string, unknown>;
    patterns?: Record<string, unknown>;
    obfuscation?: Record<string, unknown>;
  };
  for (const [id, list] of Object.entries(vocabulary.phrases ?? {})) {
    if (id.startsWith('$')) continue;
    const { es, en, description } = (list ?? {}) as { es?: unknown; en?: unknown; description?: unknown };
    if (typeof description !== 'string' || !description) problems.push(`phrases.${id}.description: missing`);
    if (!isStringList(es) || es.length === 0)
      problems.push(`phrases.${id}.es: must be a non-empty list of phrases`);
    if (!isStringList(en) || en.length === 0)
      problems.push(`phrases.${id}.en: must be a non-empty list of phrases`);
    for (const [lang, phrases] of [
      ['es', es],
      ['en', en],
    ] as const) {
      if (!isStringList(phrases)) continue;
      const normal = phrases.map(normalizeText);
      const duplicate = normal.find((p, i) => normal.indexOf(p) !== i);
      if (duplicate) problems.push(`phrases.${id}.${lang}: duplicate phrase "${duplicate}"`);
      const notNormal = phrases.find((p) => normalizeText(p) !== p);
      if (notNormal)
        problems.push(`phrases.${id}.${lang}: "${notNormal}" is not normalised (lower case, no accents)`);
    }
  }
  for (const [id, list] of Object.entries(vocabulary.patterns ?? {})) {
    const { patterns } = (list ?? {}) as { patterns?: unknown };
    if (!isStringList(patterns) || patterns.length === 0)
      problems.push(`patterns.${id}.patterns: must be a non-empty list`);
    else compileErrors(patterns.map(withObfuscation), `patterns.${id}`, problems);
  }
  for (const key of ['at', 'dot']) {
    const list = vocabulary.obfuscation?.[key];
    if (!isStringList(list) || list.length === 0)
      problems.push(`obfuscation.${key}: must be a non-empty list`);
    else compileErrors(list, `obfuscation.${key}`, problems);
  }

  const vendors = raw.vendors as Record<string, unknown>;
  const vendorIds = new Set<string>();
  for (const [group, list] of Object.entries(vendors)) {
    if (group.startsWith('$')) continue;
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`vendors.${group}: must be a non-empty list`);
      continue;
    }
    for (const [index, entry] of (list as RawVendor[]).entries()) {
      const where = `vendors.${group}[${index}]`;
      if (typeof entry.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(entry.id))
        problems.push(`${where}.id: must be a kebab-case id`);
      else if (vendorIds.has(`${group}/${entry.id}`))
        problems.push(`${where}.id: duplicate id "${entry.id}"`);
      else vendorIds.add(`${group}/${entry.id}`);
      if (typeof entry.name !== 'string' || !entry.name) problems.push(`${where}.name: missing`);
      if (typeof entry.kind !== 'string' || !entry.kind) problems.push(`${where}.kind: missing`);
      for (const key of ['src', 'inline', 'links'] as const) {
        if (!Array.isArray(entry[key])) problems.push(`${where}.${key}: must be a list`);
        else compileErrors(entry[key], `${where}.${key}`, problems);
      }
      if (
        !Array.isArray(entry.selectors) ||
        !(entry.selectors as unknown[]).every((s) => typeof s === 'string' && s.trim())
      )
        problems.push(`${where}.selectors: must be a list of CSS selectors`);
      const markers = ['src', 'inline', 'selectors', 'links'].reduce(
        (n, key) =>
          n +
          (Array.isArray(entry[key as keyof RawVendor])
            ? (entry[key as keyof RawVendor] as unknown[]).length
            : 0),
        0,
      );
      if (markers === 0) problems.push(`${where}: has no marker at all (it could never be detected)`);
    }
  }

  const institutional = raw.institutional as {
    topics?: { id?: unknown; es?: unknown; en?: unknown; paths?: unknown }[];
  };
  const topicIds = new Set<string>();
  for (const [index, topic] of (institutional.topics ?? []).entries()) {
    const where = `institutional.topics[${index}]`;
    if (typeof topic.id !== 'string' || !(INSTITUTIONAL_TOPICS as readonly string[]).includes(topic.id))
      problems.push(`${where}.id: must be one of ${INSTITUTIONAL_TOPICS.join(', ')}`);
    else if (topicIds.has(topic.id)) problems.push(`${where}.id: duplicate "${topic.id}"`);
    else topicIds.add(topic.id);
    for (const key of ['es', 'en', 'paths'] as const) {
      if (!isStringList(topic[key]) || (topic[key] as string[]).length === 0)
        problems.push(`${where}.${key}: must be a non-empty list`);
    }
  }
  for (const id of INSTITUTIONAL_TOPICS)
    if (!topicIds.has(id)) problems.push(`institutional.topics: topic "${id}" is missing`);

  const stopwords = raw.stopwords as { es?: unknown; en?: unknown };
  for (const lang of ['es', 'en'] as const) {
    if (!isStringList(stopwords[lang]) || (stopwords[lang] as string[]).length === 0)
      problems.push(`stopwords.${lang}: must be a non-empty list`);
  }
  if (raw.verification !== undefined) {
    for (const [section, caps] of Object.entries(raw.verification as Record<string, unknown>)) {
      if (section.startsWith('$')) continue;
      for (const [key, value] of Object.entries((caps ?? {}) as Record<string, unknown>)) {
        if (key.startsWith('$')) continue;
        if (!Number.isInteger(value) || (value as number) < 1)
          problems.push(`verification.${section}.${key}: must be a whole number >= 1`);
      }
    }
  }
  return problems;
}

const problems = validateData();
if (problems.length > 0) throw new Error(`Invalid scanner data files:\n- ${problems.join('\n- ')}`);

const phraseCache = new Map<string, PhraseMatcher>();

/** The es + en phrases of one list, as a matcher. */
export function phrases(...ids: PhraseListId[]): PhraseMatcher {
  const key = ids.join('+');
  let matcher = phraseCache.get(key);
  if (!matcher) {
    const lists = vocabularyJson.phrases as unknown as Record<string, { es: string[]; en: string[] }>;
    matcher = new PhraseMatcher(ids.flatMap((id) => [...(lists[id]?.es ?? []), ...(lists[id]?.en ?? [])]));
    phraseCache.set(key, matcher);
  }
  return matcher;
}

/** Compiled regexes of one pattern list (case-insensitive, Unicode). */
export function patterns(id: PatternListId): RegExp[] {
  return vocabularyJson.patterns[id].patterns.map((p) => new RegExp(withObfuscation(p), 'iu'));
}

/** Patterns may say {AT} and {DOT}: the alternations of the obfuscation lists. */
function withObfuscation(pattern: string): string {
  return pattern
    .replaceAll('{AT}', `(?:${vocabularyJson.obfuscation.at.join('|')})`)
    .replaceAll('{DOT}', `(?:${vocabularyJson.obfuscation.dot.join('|')})`);
}

/** Regexes that stand for "@" and "." in obfuscated e-mail addresses. */
export const obfuscation = {
  at: vocabularyJson.obfuscation.at.map((p) => new RegExp(p, 'giu')),
  dot: vocabularyJson.obfuscation.dot.map((p) => new RegExp(p, 'giu')),
};

function toVendor(raw: RawVendor): Vendor {
  const compile = (list: unknown) => (list as string[]).map((p) => new RegExp(p, 'i'));
  return {
    id: raw.id as string,
    name: raw.name as string,
    kind: raw.kind as string,
    src: compile(raw.src),
    inline: compile(raw.inline),
    selectors: [...(raw.selectors as string[])],
    links: compile(raw.links),
  };
}

export const vendors: Record<VendorGroup, Vendor[]> = {
  chat: vendorsJson.chat.map(toVendor),
  messaging: vendorsJson.messaging.map(toVendor),
  forums: vendorsJson.forums.map(toVendor),
  comments: vendorsJson.comments.map(toVendor),
  payment: vendorsJson.payment.map(toVendor),
  identityProviders: vendorsJson.identityProviders.map(toVendor),
  forms: vendorsJson.forms.map(toVendor),
  search: vendorsJson.search.map(toVendor),
};

/** Chat, forum and comment vendors whose widget can be found in the rendered DOM by a CSS selector. */
export const widgetVendors: Vendor[] = [...vendors.chat, ...vendors.forums, ...vendors.comments].filter(
  (vendor) => vendor.selectors.length > 0,
);

export const institutionalTopics: TopicDefinition[] = institutionalJson.topics.map((topic) => ({
  id: topic.id as InstitutionalTopic,
  phrases: new PhraseMatcher([...topic.es, ...topic.en]),
  paths: topic.paths.map(normalizeText),
}));

type Caps<T> = { [K in Exclude<keyof T, '$comment'>]: number };

/** The fixed amounts of work of the verifying collectors (data/verification.json): the same on every machine. */
export const verificationBudgets: {
  downloads: Caps<typeof verificationJson.downloads>;
  accounts: Caps<typeof verificationJson.accounts>;
  participation: Caps<typeof verificationJson.participation>;
} = verificationJson;

export const stopwords: ReadonlySet<string> = new Set(
  [...stopwordsJson.es, ...stopwordsJson.en].map(normalizeText),
);

/** Safety bounds of a reaction to an action on a live page (see collectors/live/interaction.ts). */
export interface ReactionSettings {
  idleMs: number;
  boundMs: number;
  quietMs: number;
}

/** Work bounds of the collectors that act on live pages (data/live-steps.json): counts, in a fixed order. */
export interface LiveSteps {
  search: {
    pages: number;
    queries: number;
    revealToggles: number;
    firstResults: number;
    reaction: ReactionSettings;
  };
  lookup: { stepsPerSite: number; reaction: ReactionSettings };
  forum: { indexesPerSite: number; threadsPerForum: number };
  chat: { pagesPerSite: number; launchersPerPage: number; reaction: ReactionSettings };
  catalog: { layoutReads: number };
}

/** One kind of identifier a lookup form asks for, with the plausible values tried for it. */
export interface LookupFieldKind {
  id: string;
  phrases: PhraseMatcher;
  values: string[];
  /** False for kinds that only filter (a year): a lookup asks for at least one identifier. */
  identifier: boolean;
}

/** Every problem of live-steps.json and lookup-fields.json, each naming its key; empty when they are sound. */
export function validateLiveData(
  raw: { liveSteps: unknown; lookupFields: unknown } = {
    liveSteps: liveStepsJson,
    lookupFields: lookupFieldsJson,
  },
): string[] {
  const problems: string[] = [];
  const positive = (value: unknown, where: string) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      problems.push(`${where}: must be a positive integer`);
  };
  const steps = (raw.liveSteps ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const expected: Record<string, string[]> = {
    search: ['pages', 'queries', 'revealToggles', 'firstResults'],
    lookup: ['stepsPerSite'],
    forum: ['indexesPerSite', 'threadsPerForum'],
    chat: ['pagesPerSite', 'launchersPerPage'],
    catalog: ['layoutReads'],
  };
  for (const [section, keys] of Object.entries(expected)) {
    for (const key of keys) positive(steps[section]?.[key], `liveSteps.${section}.${key}`);
    if (['search', 'lookup', 'chat'].includes(section)) {
      const reaction = steps[section]?.reaction as Record<string, unknown> | undefined;
      for (const key of ['idleMs', 'boundMs', 'quietMs'])
        positive(reaction?.[key], `liveSteps.${section}.reaction.${key}`);
      if (reaction && Number(reaction.idleMs) >= Number(reaction.boundMs))
        problems.push(`liveSteps.${section}.reaction: idleMs must be below boundMs`);
    }
  }
  const lookup = (raw.lookupFields ?? {}) as {
    kinds?: { id?: unknown; es?: unknown; en?: unknown; values?: unknown; identifier?: unknown }[];
    unsafeSubmit?: { es?: unknown; en?: unknown };
    placeholderOptions?: { es?: unknown; en?: unknown };
  };
  const ids = new Set<string>();
  for (const [index, kind] of (lookup.kinds ?? []).entries()) {
    const where = `lookupFields.kinds[${index}]`;
    if (typeof kind.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(kind.id))
      problems.push(`${where}.id: must be a kebab-case id`);
    else if (ids.has(kind.id)) problems.push(`${where}.id: duplicate id "${kind.id}"`);
    else ids.add(kind.id);
    for (const key of ['es', 'en', 'values'] as const)
      if (!isStringList(kind[key]) || (kind[key] as string[]).length === 0)
        problems.push(`${where}.${key}: must be a non-empty list`);
    for (const lang of ['es', 'en'] as const) {
      const notNormal = isStringList(kind[lang]) ? kind[lang].find((p) => normalizeText(p) !== p) : undefined;
      if (notNormal)
        problems.push(`${where}.${lang}: "${notNormal}" is not normalised (lower case, no accents)`);
    }
    if (typeof kind.identifier !== 'boolean') problems.push(`${where}.identifier: must be true or false`);
  }
  if (ids.size === 0) problems.push('lookupFields.kinds: must be a non-empty list');
  for (const list of ['unsafeSubmit', 'placeholderOptions'] as const)
    for (const lang of ['es', 'en'] as const)
      if (!isStringList(lookup[list]?.[lang]) || (lookup[list]![lang] as string[]).length === 0)
        problems.push(`lookupFields.${list}.${lang}: must be a non-empty list`);
  return problems;
}

const liveProblems = validateLiveData();
if (liveProblems.length > 0) throw new Error(`Invalid scanner data files:\n- ${liveProblems.join('\n- ')}`);

export const liveSteps: LiveSteps = liveStepsJson as LiveSteps;

export const lookupFieldKinds: LookupFieldKind[] = lookupFieldsJson.kinds.map((kind) => ({
  id: kind.id,
  phrases: new PhraseMatcher([...kind.es, ...kind.en]),
  values: [...kind.values],
  identifier: kind.identifier,
}));

/** Submit texts of forms that would create, pay or send: such a form is never sent. */
export const unsafeSubmit = new PhraseMatcher([
  ...lookupFieldsJson.unsafeSubmit.es,
  ...lookupFieldsJson.unsafeSubmit.en,
]);

/** Select options that prompt ("Seleccione…") rather than choose. */
export const placeholderOptions = new PhraseMatcher([
  ...lookupFieldsJson.placeholderOptions.es,
  ...lookupFieldsJson.placeholderOptions.en,
]);
