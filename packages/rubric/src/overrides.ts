/**
 * A reviewer's corrections: a YAML list (already parsed) of `{site, criterion, met, reason, author, date?,
 * basedOn?}`. An override decides `met`; it is flagged `stale` when the automatic verdict it was written against
 * (`basedOn`: the automatic met and the evidence fingerprint a report printed) has changed since.
 */
import type { CriterionId, CriterionResult } from './results.js';
import { CRITERION_IDS } from './criteria/index.js';
import { siteIdentity } from './identity/url-identity.js';
import { createAjv, describeErrors } from './schema/ajv.js';

export interface Override {
  site: string;
  criterion: CriterionId;
  met: boolean;
  reason: string;
  author: string;
  date?: string;
  basedOn?: { met: boolean; fingerprint: string };
}

export class OverridesError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`invalid overrides: ${issues.join('; ')}`);
    this.name = 'OverridesError';
    this.issues = issues;
  }
}

export const overridesSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['site', 'criterion', 'met', 'reason', 'author'],
    properties: {
      site: { type: 'string', pattern: '^https?://' },
      criterion: { type: 'string', enum: [...CRITERION_IDS] },
      met: { type: 'boolean' },
      reason: { type: 'string', minLength: 1 },
      author: { type: 'string', minLength: 1 },
      date: { type: 'string', format: 'date' },
      basedOn: {
        type: 'object',
        additionalProperties: false,
        required: ['met', 'fingerprint'],
        properties: { met: { type: 'boolean' }, fingerprint: { type: 'string', pattern: '^[0-9a-f]{8}$' } },
      },
    },
  },
} as const;

const validateOverrides = createAjv().compile(overridesSchema);

/**
 * Validates a reviewer's file: a list, or `{ overrides: [...] }`. YAML turns an unquoted date into a Date, so a
 * Date is accepted and written back as YYYY-MM-DD. Throws `OverridesError` naming each bad entry and key.
 */
export function parseOverrides(raw: unknown): Override[] {
  if (raw === undefined || raw === null) return [];
  let list = raw;
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const keys = Object.keys(raw);
    const unknown = keys.filter((k) => k !== 'overrides');
    if (unknown.length) throw new OverridesError(unknown.map((k) => `${k}: unknown key`));
    list = (raw as { overrides?: unknown }).overrides ?? [];
  }
  const normalised = Array.isArray(list)
    ? list.map((entry: unknown) =>
        entry && typeof entry === 'object' && (entry as { date?: unknown }).date instanceof Date
          ? { ...entry, date: (entry as { date: Date }).date.toISOString().slice(0, 10) }
          : entry,
      )
    : list;
  if (!validateOverrides(normalised))
    throw new OverridesError(describeErrors(validateOverrides.errors, 'overrides', normalised));
  const overrides = normalised as Override[];
  const issues: string[] = [];
  const seen = new Map<string, number>();
  overrides.forEach((o, i) => {
    const key = `${siteIdentity(o.site)} ${o.criterion}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push(`overrides[${i}]: duplicate of overrides[${first}] (same site and criterion)`);
    else seen.set(key, i);
  });
  if (issues.length) throw new OverridesError(issues);
  return overrides;
}

/** Keys sorted at every level, so equal values give equal text whatever order their keys were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 32-bit FNV-1a over the UTF-8 bytes, as 8 hex digits: short enough for a reviewer to copy. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A stable fingerprint of a criterion's *automatic* verdict: its id, outcome and evidence (sorted). It leaves out
 * `met` and `override`, so it is the same before and after an override is applied, and the reason text, so a
 * rewording of messages does not mark every override stale.
 */
export function evidenceFingerprint(result: Pick<CriterionResult, 'id' | 'outcome' | 'evidence'>): string {
  const evidence = [...result.evidence]
    .map((e) => ({ url: e.url, detail: e.detail }))
    .sort((a, b) =>
      a.url !== b.url ? (a.url < b.url ? -1 : 1) : a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0,
    );
  return fnv1a(canonicalJson({ id: result.id, outcome: result.outcome, evidence }));
}

/** The overrides that concern a site, matched on its list URL or its final URL (scheme, `www.`, `/` ignored). */
export function overridesForSite(
  overrides: readonly Override[],
  urls: readonly string[],
): Map<CriterionId, Override> {
  const keys = new Set(urls.map(siteIdentity));
  const out = new Map<CriterionId, Override>();
  for (const o of overrides) if (keys.has(siteIdentity(o.site))) out.set(o.criterion, o);
  return out;
}

/** The criterion result with the reviewer's decision applied (automatic outcome and evidence kept). */
export function applyOverride(result: CriterionResult, override: Override | undefined): CriterionResult {
  if (!override) return result;
  const automaticMet = result.outcome === 'pass';
  const stale = override.basedOn
    ? override.basedOn.met !== automaticMet || override.basedOn.fingerprint !== evidenceFingerprint(result)
    : false;
  return {
    ...result,
    met: override.met,
    override: { met: override.met, reason: override.reason, author: override.author, stale },
  };
}
