import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { isAlias, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { foldAccents, siteIdentity, slugify } from '@egov-monitor/rubric';
import type { ListProblemCode, SiteGroup, SiteTarget } from '@egov-monitor/rubric';
import groupSpellings from './data/groups.json' with { type: 'json' };

export type { ListProblemCode };

/** One bad entry of a URL list. It becomes a site with status `error` in results.json; the run goes on. */
export interface ListProblem {
  /** 1-based line of the entry in the list file, when it came from a file. */
  line?: number;
  /** 0-based position of the entry among all entries of the list (good and bad), to keep the list order. */
  position: number;
  /** The entry as written (its URL, or the whole entry when it has none). */
  entry: string;
  code: ListProblemCode;
  message: string;
  /** What the entry said about the site, so the error row in the report still names the institution. */
  target: SiteTarget;
}

export interface ParsedUrlList {
  targets: SiteTarget[];
  problems: ListProblem[];
}

/** The file as a whole cannot be read as a URL list (bad YAML/CSV, no `url` column). */
export class UrlListError extends Error {
  override name = 'UrlListError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export type UrlListFormat = 'yaml' | 'csv';

/** `.csv` is CSV; `.yaml`, `.yml` and `.json` (JSON is YAML) are YAML. */
export function urlListFormatOf(path: string): UrlListFormat {
  return /\.csv$/i.test(path) ? 'csv' : 'yaml';
}

const SUPPORTED_SCHEMES = new Set(['http:', 'https:']);

interface RawEntry {
  line?: number;
  fields: Record<string, unknown>;
  /** The entry as written, for messages. */
  text: string;
}

/**
 * Parses a URL list. YAML: a sequence (or `sites:` holding one) of URLs or mappings with `url`, `name`,
 * `acronym`, `institution`, `group` and `domains` (the institution's other domains: a list, or names separated by
 * spaces, commas or semicolons). CSV: a header row naming the same columns. Other keys/columns (e.g. the
 * report's `dependencies2019`) are allowed and ignored: they document the list for people, not the scan.
 */
export function parseUrlList(text: string, format: UrlListFormat): ParsedUrlList {
  const raw = format === 'csv' ? readCsv(text) : readYaml(text);
  const targets: SiteTarget[] = [];
  const problems: ListProblem[] = [];
  const seen = new Map<string, number | undefined>();
  raw.forEach((entry, position) => {
    const target = toTarget(entry.fields);
    const problem = (code: ListProblemCode, message: string) =>
      problems.push({ line: entry.line, position, entry: entry.text, code, message, target });
    const urlText = stringField(entry.fields.url);
    if (!urlText) return problem('missing-url', 'the entry has no url');
    const url = normaliseTargetUrl(urlText);
    if (!url.ok) return problem(url.code, url.message);
    target.url = url.href;
    const groupText = stringField(entry.fields.group);
    if (groupText !== undefined) {
      const group = parseGroup(groupText);
      if (!group) {
        return problem(
          'invalid-group',
          `group "${groupText}" is not one of ministerio, secretaria, other (or ministry, secretariat)`,
        );
      }
      target.group = group;
    }
    if (entry.fields.domains !== undefined && entry.fields.domains !== null && entry.fields.domains !== '') {
      const domains = parseDomains(entry.fields.domains);
      if (!domains.ok) return problem('invalid-domain', domains.message);
      if (domains.list.length > 0) target.domains = domains.list;
    }
    const key = siteKey(url.href);
    if (seen.has(key)) {
      const first = seen.get(key);
      return problem(
        'duplicate-url',
        `same site as an earlier entry${first === undefined ? '' : ` (line ${first})`}`,
      );
    }
    seen.set(key, entry.line);
    targets.push(target);
  });
  return { targets, problems };
}

/** Parses the URLs given on the command line like list entries (so a bad one becomes an error site too). */
export function urlListFromArguments(urls: string[]): ParsedUrlList {
  return parseUrlList(JSON.stringify(urls.map((url) => ({ url }))), 'yaml');
}

type UrlCheck =
  { ok: true; href: string } | { ok: false; code: 'invalid-url' | 'unsupported-scheme'; message: string };

/** A bare host (`www.maga.gob.gt`) means https://; anything else must be an absolute http(s) URL. */
export function normaliseTargetUrl(text: string): UrlCheck {
  const trimmed = text.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^/:]+:\d+(\/|$)/.test(trimmed);
  const candidate = hasScheme ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, code: 'invalid-url', message: `"${trimmed}" is not a URL` };
  }
  if (!SUPPORTED_SCHEMES.has(url.protocol)) {
    return {
      ok: false,
      code: 'unsupported-scheme',
      message: `${url.protocol} URLs cannot be scanned (http or https only)`,
    };
  }
  // A host without a dot is a typo ("https://minfin") unless it is an IP literal or localhost.
  if (
    !url.hostname ||
    /\s/.test(trimmed) ||
    (!url.hostname.includes('.') && !url.hostname.includes(':') && url.hostname !== 'localhost')
  ) {
    return { ok: false, code: 'invalid-url', message: `"${trimmed}" has no valid host name` };
  }
  url.hash = '';
  return { ok: true, href: url.href };
}

/**
 * Two entries are the same site when they differ only in scheme, a leading `www.`, a trailing slash,
 * `/index.html`, tracking parameters or the fragment: a list that names both is a mistake, and scanning twice
 * would count it twice. The rubric's `siteIdentity`, the same rule the comparison and the issue marker use.
 */
export const siteKey: (href: string) => string = siteIdentity;

/** A file name for a site that is stable between runs (resume, diffs) and unique within a run. */
export function siteSlug(href: string, discriminator = ''): string {
  let readable: string;
  try {
    const url = new URL(href);
    readable = `${url.hostname}${url.port ? `-${url.port}` : ''}${url.pathname}`;
  } catch {
    readable = href;
  }
  readable = slugify(readable).slice(0, 60);
  const hash = createHash('sha256').update(`${href}\u0000${discriminator}`).digest('hex').slice(0, 8);
  return `${readable || 'site'}-${hash}`;
}

/** A group or column name as people type it: case, accents and surrounding spaces do not matter. */
function foldName(text: string): string {
  return foldAccents(text).trim().toLowerCase();
}

const GROUPS: [SiteGroup, string[]][] = [
  ['ministerio', groupSpellings.ministerio],
  ['secretaria', groupSpellings.secretaria],
  ['other', groupSpellings.other],
];

export function parseGroup(text: string): SiteGroup | undefined {
  const folded = foldName(text);
  return GROUPS.find(([, spellings]) => spellings.includes(folded))?.[0];
}

const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;

/**
 * `domains`: the institution's other domains (its service portal on another domain, its old domain), so links to
 * them are its own, never "another agency". A YAML list, or names separated by spaces, commas or semicolons.
 */
export function parseDomains(value: unknown): { ok: true; list: string[] } | { ok: false; message: string } {
  const items = Array.isArray(value) ? value.map((v) => String(v)) : String(value).split(/[\s,;]+/);
  const list: string[] = [];
  for (const item of items) {
    const domain = item
      .trim()
      .toLowerCase()
      .replace(/^\.|\.$/g, '');
    if (!domain) continue;
    if (!DOMAIN_NAME.test(domain))
      return { ok: false, message: `domains: "${item.trim()}" is not a domain name (e.g. sat.gob.gt)` };
    if (!list.includes(domain)) list.push(domain);
  }
  return { ok: true, list: list.sort() };
}

function stringField(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function toTarget(fields: Record<string, unknown>): SiteTarget {
  const target: SiteTarget = { url: stringField(fields.url) ?? '' };
  for (const key of ['name', 'acronym', 'institution'] as const) {
    const value = stringField(fields[key]);
    if (value !== undefined) target[key] = value;
  }
  return target;
}

/**
 * Anchors and aliases (`- *ministerio`, `<<: *defaults`) are read like any YAML reader reads them, within the
 * `yaml` library's alias limit: a "billion laughs" list, whose aliases expand to more than this many nodes, is
 * refused as a whole instead of filling the memory.
 */
const MAX_ALIAS_COUNT = 100;

function readYaml(text: string): RawEntry[] {
  const lineCounter = new LineCounter();
  // `merge`: the `<<` key of YAML 1.1, which most readers (PyYAML, js-yaml) still apply to shared defaults.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const [firstError] = doc.errors;
  if (firstError) {
    throw new UrlListError(
      `not valid YAML: ${firstError.message.split('\n')[0]}`,
      lineCounter.linePos(firstError.pos[0]).line,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new UrlListError(`not a usable YAML list: ${(error as Error).message.split('\n')[0]}`);
  }
  const notAList = 'a YAML URL list is a sequence of entries, or a mapping with a `sites:` sequence';
  let list: unknown = doc.contents;
  if (value === null || value === undefined) return [];
  if (isMap(list)) {
    if (!list.has('sites')) throw new UrlListError(notAList);
    list = list.get('sites', true);
    value = (value as Record<string, unknown>).sites;
    if (value === null || value === undefined) return [];
  }
  if (isAlias(list)) list = list.resolve(doc);
  if (!isSeq(list) || !Array.isArray(value)) throw new UrlListError(notAList);
  const nodes = list.items;
  return value.map((item: unknown, index): RawEntry => {
    // The entry's own place in the file (for an alias, where the alias is written, not its anchor).
    const range = (nodes[index] as { range?: [number, number, number] } | null | undefined)?.range;
    const line = range ? lineCounter.linePos(range[0]).line : undefined;
    if (item === null || item === undefined || typeof item !== 'object') {
      const url = stringField(item) ?? '';
      return { line, fields: { url }, text: url };
    }
    if (!Array.isArray(item) && !(item instanceof Date)) {
      const fields = item as Record<string, unknown>;
      return { line, fields, text: stringField(fields.url) ?? JSON.stringify(fields) };
    }
    return { line, fields: {}, text: JSON.stringify(item) };
  });
}

function readCsv(text: string): RawEntry[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => (columns = header.map((name) => foldName(name))),
      info: true,
      trim: true,
      skip_empty_lines: true,
      comment: '#',
      // A "#" inside a URL fragment is not a comment; only a line that starts with one is.
      comment_no_infix: true,
      relax_column_count: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UrlListError(`not valid CSV: ${(error as Error).message.split('\n')[0]}`, line);
  }
  if (columns.length > 0 && !columns.includes('url')) {
    throw new UrlListError(`the CSV header has no "url" column (found: ${columns.join(', ')})`, 1);
  }
  return records.map(({ record, info }) => ({
    line: info.lines,
    fields: record,
    text: stringField(record.url) ?? Object.values(record).join(','),
  }));
}
