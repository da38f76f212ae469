import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import sax from 'sax';

/**
 * Sitemaps (sitemaps.org protocol: <urlset> and <sitemapindex>, gzip included) read by a streaming XML parser
 * (sax) with bounded cost: linear in the bytes read, at most `maxBytes` of *decompressed* XML per file (a gzip
 * bomb stops there), at most `maxEntries` entries kept per file, each <loc> at most MAX_LOC_CHARS. A regular
 * expression over the whole text was quadratic on a file of unclosed <loc> (68 s for 1 MB); inflating the whole
 * file first took 2 GB for a 0.97 MB gzip.
 */
export interface SitemapResult {
  found: boolean;
  urls: string[];
  /** <loc> entries seen in the urlsets read (within the byte caps), kept or not. */
  urlCount: number;
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export interface ParsedSitemap {
  kind: 'urlset' | 'index' | 'none';
  /** The first `maxEntries` entries, in document order. */
  entries: SitemapEntry[];
  /** Every entry with a <loc> seen before the end or the cap. */
  count: number;
  /** Decompressed bytes handed to the parser. */
  bytesRead: number;
  /** The file was longer than `maxBytes` (or broke off): what was read is used. */
  truncated: boolean;
}

export interface SitemapLimits {
  /** Decompressed bytes read per file. */
  maxBytes: number;
  /** Entries kept per file. */
  maxEntries: number;
}

/** The protocol's own limit on a URL (2,048 characters), with room for sites that ignore it. */
export const MAX_LOC_CHARS = 4_096;
/** A sitemap is three elements deep; a file that nests deeper is not one (or is an attack on the parser). */
const MAX_DEPTH = 16;
/** The parser is fed in slices so a decision to stop (cap, depth, kinds) takes effect within one slice. */
const SLICE_CHARS = 64 * 1024;
export const DEFAULT_SITEMAP_LIMITS: SitemapLimits = { maxBytes: 5 * 1024 * 1024, maxEntries: 50_000 };

/** Local name of an element: `image:loc` is an image sitemap's, not ours. */
const ownName = (name: string) => (name.includes(':') ? null : name.toLowerCase());

/** A streaming reader: write decompressed XML text in, read entries out; stops itself at the limits. */
function createReader(limits: SitemapLimits) {
  const parser = sax.parser(false, { lowercase: true, trim: false, normalize: false, position: false });
  const result: ParsedSitemap = { kind: 'none', entries: [], count: 0, bytesRead: 0, truncated: false };
  const stack: (string | null)[] = [];
  /** The parser decided to stop (not a sitemap, nested too deep, broken XML). */
  let stopped = false;
  /** The byte cap was reached: nothing more is read. */
  let capped = false;
  let field: 'loc' | 'lastmod' | null = null;
  let text = '';
  let overlong = false;
  let entry: { loc?: string; lastmod?: string } | null = null;

  parser.onopentag = (tag) => {
    const name = ownName(tag.name);
    stack.push(name);
    if (stack.length > MAX_DEPTH) {
      stopped = true;
      result.truncated = true;
      return;
    }
    if (stack.length === 1) {
      result.kind = name === 'urlset' ? 'urlset' : name === 'sitemapindex' ? 'index' : 'none';
      if (result.kind === 'none') stopped = true;
      return;
    }
    const parent = stack[stack.length - 2];
    if (stack.length === 2 && (name === 'url' || name === 'sitemap')) entry = {};
    else if (
      entry &&
      stack.length === 3 &&
      (parent === 'url' || parent === 'sitemap') &&
      (name === 'loc' || name === 'lastmod')
    ) {
      field = name;
      text = '';
      overlong = false;
    }
  };
  const collect = (chunk: string) => {
    if (!field || overlong) return;
    // Text beyond the cap is not kept: an unclosed <loc> costs its bytes once, never a growing string.
    if (text.length + chunk.length > MAX_LOC_CHARS) overlong = true;
    else text += chunk;
  };
  parser.ontext = collect;
  parser.oncdata = collect;
  parser.onclosetag = () => {
    const name = stack.pop();
    if (field && (name === 'loc' || name === 'lastmod') && stack.length === 2) {
      const value = text.trim();
      if (entry && value && !overlong) entry[field] = value;
      field = null;
    } else if (entry && stack.length === 1 && (name === 'url' || name === 'sitemap')) {
      if (entry.loc) {
        result.count += 1;
        if (result.entries.length < limits.maxEntries)
          result.entries.push({ loc: entry.loc, ...(entry.lastmod ? { lastmod: entry.lastmod } : {}) });
      }
      entry = null;
    }
  };
  // Malformed beyond what sax forgives (or one of its own buffer caps): keep what was read, stop there.
  parser.onerror = () => {
    stopped = true;
    result.truncated = true;
  };

  const decoder = new StringDecoder('utf8');
  return {
    result,
    /** Feeds decompressed bytes; returns false once the reader wants no more. */
    write(bytes: Buffer): boolean {
      if (stopped || capped) return false;
      let chunk = bytes;
      if (result.bytesRead + chunk.length > limits.maxBytes) {
        chunk = chunk.subarray(0, limits.maxBytes - result.bytesRead);
        result.truncated = true;
        capped = true;
      }
      result.bytesRead += chunk.length;
      const textChunk = decoder.write(chunk);
      for (let start = 0; start < textChunk.length && !stopped; start += SLICE_CHARS)
        parser.write(textChunk.slice(start, start + SLICE_CHARS));
      return !(stopped || capped);
    },
    end() {
      if (!stopped && !capped) parser.close();
    },
  };
}

const isGzip = (body: Buffer) => body[0] === 0x1f && body[1] === 0x8b;

/**
 * Parses one sitemap file (plain or gzip, by its magic bytes) within the limits. Never throws: a corrupt gzip
 * or broken XML gives what was read before the damage.
 */
export async function parseSitemap(
  body: Buffer,
  limits: SitemapLimits = DEFAULT_SITEMAP_LIMITS,
): Promise<ParsedSitemap> {
  const reader = createReader(limits);
  if (!isGzip(body)) {
    reader.write(body);
    reader.end();
    return reader.result;
  }
  await new Promise<void>((resolve) => {
    const gunzip = zlib.createGunzip();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      gunzip.destroy();
      resolve();
    };
    gunzip.on('data', (chunk: Buffer) => {
      // Stop inflating the moment the reader has enough: the rest of a bomb is never produced.
      if (!reader.write(chunk)) finish();
    });
    gunzip.on('end', () => {
      reader.end();
      finish();
    });
    gunzip.on('error', () => {
      reader.result.truncated = true;
      finish();
    });
    gunzip.end(body);
  });
  return reader.result;
}

/**
 * Reads the sitemaps named in robots.txt, or /sitemap.xml, following one level of sitemap index; keeps at most
 * `cap` URLs. `fetchBody` returns null when the file is missing or not a sitemap.
 */
export async function loadSitemaps(
  candidates: string[],
  fetchBody: (url: string) => Promise<Buffer | null>,
  cap: number,
  maxFiles = 10,
  limits: SitemapLimits = DEFAULT_SITEMAP_LIMITS,
): Promise<SitemapResult> {
  const urls = new Set<string>();
  let found = false;
  let total = 0;
  const queue = [...new Set(candidates)];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < maxFiles) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const body = await fetchBody(url);
    if (!body) continue;
    // Only as many entries as can still be used; the count goes on to the byte cap.
    const { kind, entries, count } = await parseSitemap(body, {
      ...limits,
      maxEntries: usefulEntries(limits, maxFiles, cap),
    });
    if (kind === 'none') continue;
    found = true;
    if (kind === 'index') queue.push(...entries.map((entry) => entry.loc));
    else {
      total += count;
      for (const entry of entries) if (urls.size < cap) urls.add(entry.loc);
    }
  }
  return { found, urls: [...urls], urlCount: total };
}

/** Entries worth keeping from one file: enough child sitemaps to fill `maxFiles`, or the URL cap. */
function usefulEntries(limits: SitemapLimits, maxFiles: number, cap: number): number {
  return Math.min(limits.maxEntries, Math.max(maxFiles, cap));
}
