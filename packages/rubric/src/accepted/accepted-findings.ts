/**
 * Accepted findings: a reviewer's YAML list of standards-check failures and axe violations the agency has decided
 * to live with for now (a third-party widget it cannot fix), each with a reason, an author and an optional expiry.
 * An accepted finding is still reported, apart; it does not fail the regression gate. An entry past its expiry
 * accepts nothing and is reported as stale, and so is one that matches nothing the run found.
 */
import { siteIdentity } from '../identity/url-identity.js';
import { createAjv, describeErrors } from '../schema/ajv.js';
import type { SiteResult } from '../results.js';

export interface AcceptedFinding {
  /** The site (any URL of it); absent: every site. */
  site?: string;
  /** The page: a path pattern (`/contacto*`) or a full URL pattern; `*` matches anything. Absent: every page. */
  page?: string;
  /** The axe rule id (`color-contrast`); exactly one of `rule` and `check`. */
  rule?: string;
  /** The standards check id (`security_headers`). */
  check?: string;
  /** The element (`#chat-widget *`), a pattern on axe's CSS selector; `*` matches anything. Absent: every element. */
  selector?: string;
  reason: string;
  author: string;
  /** YYYY-MM-DD: from the day after, the entry accepts nothing and is stale. */
  expires?: string;
}

/** A finding of a run as acceptance sees it. */
export type FindingRef =
  | { kind: 'accessibility'; site: string; ruleId: string; page: string; target?: string }
  | { kind: 'check'; site: string; id: string };

export class AcceptedFindingsError extends Error {
  override name = 'AcceptedFindingsError';
}

const schema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['reason', 'author'],
    oneOf: [{ required: ['rule'] }, { required: ['check'] }],
    properties: {
      site: { type: 'string', pattern: '^https?://' },
      page: { type: 'string', minLength: 1 },
      rule: { type: 'string', minLength: 1 },
      check: { type: 'string', minLength: 1 },
      selector: { type: 'string', minLength: 1 },
      reason: { type: 'string', minLength: 1 },
      author: { type: 'string', minLength: 1 },
      expires: { type: 'string', format: 'date' },
    },
  },
} as const;

const validate = createAjv().compile(schema);

/** Validates the file: a list, or `{ accepted: [...] }`. YAML's unquoted dates (Date objects) become YYYY-MM-DD. */
export function parseAcceptedFindings(raw: unknown): AcceptedFinding[] {
  if (raw === undefined || raw === null) return [];
  let list = raw;
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const unknown = Object.keys(raw).filter((key) => key !== 'accepted');
    if (unknown.length)
      throw new AcceptedFindingsError(
        `invalid accepted findings: ${unknown.map((k) => `${k}: unknown key`).join('; ')}`,
      );
    list = (raw as { accepted?: unknown }).accepted ?? [];
  }
  const normalised = Array.isArray(list)
    ? list.map((entry: unknown) =>
        entry && typeof entry === 'object' && (entry as { expires?: unknown }).expires instanceof Date
          ? { ...entry, expires: (entry as { expires: Date }).expires.toISOString().slice(0, 10) }
          : entry,
      )
    : list;
  if (!validate(normalised)) {
    throw new AcceptedFindingsError(
      `invalid accepted findings: ${describeErrors(validate.errors, 'accepted', normalised).join('; ')}`,
    );
  }
  return normalised as AcceptedFinding[];
}

/** `*` matches any run of characters; everything else literally. */
function pattern(text: string): RegExp {
  return new RegExp(
    `^${text
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function pageMatches(entryPage: string, page: string): boolean {
  if (/^https?:\/\//.test(entryPage)) return pattern(entryPage).test(page);
  let path: string;
  try {
    const url = new URL(page);
    path = `${url.pathname}${url.search}`;
  } catch {
    return false;
  }
  return pattern(entryPage).test(path);
}

/** Past its expiry on `now`'s day (UTC): the entry accepts nothing more. */
export function isExpired(entry: AcceptedFinding, now: Date): boolean {
  return entry.expires !== undefined && now.toISOString().slice(0, 10) > entry.expires;
}

/** Whether the entry covers the finding (its expiry aside). */
export function entryMatches(entry: AcceptedFinding, finding: FindingRef): boolean {
  if (entry.site !== undefined && siteIdentity(entry.site) !== siteIdentity(finding.site)) return false;
  if (finding.kind === 'check')
    return entry.check === finding.id && entry.page === undefined && entry.selector === undefined;
  if (entry.rule !== finding.ruleId) return false;
  if (entry.page !== undefined && !pageMatches(entry.page, finding.page)) return false;
  if (
    entry.selector !== undefined &&
    (finding.target === undefined || !pattern(entry.selector).test(finding.target))
  )
    return false;
  return true;
}

/** The entry that accepts the finding now (the first in the file that matches and has not expired), if any. */
export function acceptedBy(
  entries: readonly AcceptedFinding[],
  finding: FindingRef,
  now: Date,
): AcceptedFinding | undefined {
  return entries.find((entry) => !isExpired(entry, now) && entryMatches(entry, finding));
}

/** Every finding of a site that an entry could accept: its failing checks and its axe violations per element. */
export function siteFindings(site: SiteResult): FindingRef[] {
  if (site.status !== 'ok') return [];
  const found: FindingRef[] = site.checks
    .filter((check) => check.outcome === 'fail')
    .map((check) => ({ kind: 'check' as const, site: site.url, id: check.id }));
  for (const violation of site.accessibility.violations) {
    const recorded =
      violation.occurrences ?? violation.pages.map((page) => ({ page, nodes: 0, targets: [] as string[] }));
    for (const occurrence of recorded) {
      const targets = occurrence.targets.length > 0 ? occurrence.targets : [undefined];
      for (const target of targets) {
        found.push({
          kind: 'accessibility',
          site: site.url,
          ruleId: violation.ruleId,
          page: occurrence.page,
          ...(target ? { target } : {}),
        });
      }
    }
  }
  return found;
}

/** What an entry is about, in one line: "image-alt on /mapa* (#mapa-cuencas) for https://…". */
export function describeEntry(entry: AcceptedFinding): string {
  const what = entry.rule !== undefined ? `rule ${entry.rule}` : `check ${entry.check}`;
  const where = [
    entry.page && `on ${entry.page}`,
    entry.selector && `element ${entry.selector}`,
    entry.site && `of ${entry.site}`,
  ].filter(Boolean);
  return [what, ...where].join(' ');
}

export interface StaleEntry {
  entry: AcceptedFinding;
  why: 'expired' | 'no-longer-matching';
}

/** Entries past their expiry, and live ones that matched nothing this run (their index not in `matched`). */
export function staleEntries(
  entries: readonly AcceptedFinding[],
  matched: ReadonlySet<number>,
  now: Date,
): StaleEntry[] {
  return entries.flatMap((entry, index): StaleEntry[] => {
    if (isExpired(entry, now)) return [{ entry, why: 'expired' }];
    return matched.has(index) ? [] : [{ entry, why: 'no-longer-matching' }];
  });
}

/** Marks in `matched` the entries (by index) that match one of the site's findings, expired or not. */
export function markMatched(
  entries: readonly AcceptedFinding[],
  site: SiteResult,
  matched: Set<number>,
): void {
  if (entries.length === matched.size) return;
  const findings = siteFindings(site);
  entries.forEach((entry, index) => {
    if (!matched.has(index) && findings.some((finding) => entryMatches(entry, finding))) matched.add(index);
  });
}
