import { gunzipSync } from 'node:zlib';

/** A tiny, forgiving sitemap reader: <loc> of <urlset> and of <sitemapindex> (one level), gzip included. */
export interface SitemapResult {
  found: boolean;
  urls: string[];
  urlCount: number;
}

const decodeXml = (text: string) =>
  text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .trim();

export function readSitemapXml(body: Buffer): { kind: 'urlset' | 'index' | 'none'; locs: string[] } {
  let buffer = body;
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) {
    try {
      buffer = gunzipSync(buffer);
    } catch {
      return { kind: 'none', locs: [] };
    }
  }
  const text = buffer.toString('utf8');
  const kind = /<sitemapindex[\s>]/i.test(text) ? 'index' : /<urlset[\s>]/i.test(text) ? 'urlset' : 'none';
  if (kind === 'none') return { kind, locs: [] };
  const locs = [...text.matchAll(/<loc>([\s\S]*?)<\/loc>/gi)].map((match) => decodeXml(match[1] ?? '')).filter(Boolean);
  return { kind, locs };
}

/**
 * Reads the sitemaps named in robots.txt, or /sitemap.xml, following one level of sitemap index; stops at `cap`
 * URLs. `fetchBody` returns null when the file is missing or not a sitemap.
 */
export async function loadSitemaps(
  candidates: string[],
  fetchBody: (url: string) => Promise<Buffer | null>,
  cap: number,
  maxFiles = 10,
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
    const { kind, locs } = readSitemapXml(body);
    if (kind === 'none') continue;
    found = true;
    if (kind === 'index') queue.push(...locs);
    else {
      total += locs.length;
      for (const loc of locs) if (urls.size < cap) urls.add(loc);
    }
  }
  return { found, urls: [...urls], urlCount: total };
}
