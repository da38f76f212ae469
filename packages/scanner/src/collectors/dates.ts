import type { DatedItem, DatesEvidence } from '@egov-monitor/rubric';
import type { PageSnapshot } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { patterns, phrases } from '../data/index.js';
import { hasTime, inPage, navigationTimeout, settle, withBudget, withPage } from './live/live.js';
import { dateFromValue, datesInText, daysBetween } from './recognize/dates-in-text.js';
import { parseSitemap } from '../crawl/sitemap.js';
import { normalizeUrl } from '../url/normalize.js';
import { clip, pathWords } from '@egov-monitor/rubric';

/** Bounds: dates kept per page and per site, pages re-rendered with a shifted clock, sitemap entries read. */
const MAX_DATES_PER_PAGE = 60;
const MAX_ITEMS = 600;
const MAX_CLOCK_PAGES = 3;
const MAX_SITEMAP_ENTRIES = 300;
/** The visitor's clock is moved this far back; a JS-written "today" moves with it. */
const CLOCK_SHIFT_DAYS = 400;

const META_DATE_KEYS = [
  'article:published_time',
  'article:modified_time',
  'og:updated_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'dc.date.modified',
  'dcterms.date',
  'dcterms.modified',
  'dcterms.issued',
  'last-modified',
  'pubdate',
  'publishdate',
];

const NEWS_PATH_WORDS = new Set([
  'noticias',
  'noticia',
  'news',
  'prensa',
  'comunicados',
  'comunicado',
  'boletin',
  'boletines',
  'blog',
  'publicaciones',
  'articulos',
  'articulo',
  'novedades',
  'actualidad',
  'sala',
  'press',
  'avisos',
  'convocatorias',
  'post',
  'posts',
]);

/** The page is a news or publications page (by its URL or title). */
function isNewsPage(page: Pick<PageSnapshot, 'url' | 'title'>): boolean {
  return (
    pathWords(page.url).some((w) => NEWS_PATH_WORDS.has(w)) || phrases('publicationContext').test(page.title)
  );
}

function isCopyrightLine(line: string): boolean {
  return phrases('copyright').test(line) || patterns('copyrightLine').some((p) => p.test(line));
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

/** Dates in a page's visible text, with the publication context of each (its line and the lines around it). */
export function visibleTextDates(
  page: Pick<PageSnapshot, 'url' | 'title' | 'text'>,
  reference: Date,
): DatedItem[] {
  const items: DatedItem[] = [];
  const lines = linesOf(page.text);
  const newsPage = isNewsPage(page);
  let lineIndex = 0;
  for (const found of datesInText(page.text, reference)) {
    while (lineIndex < lines.length - 1 && lines[lineIndex]!.end < found.index) lineIndex++;
    const line = lines[lineIndex]?.text ?? '';
    // "© 2026 Ministerio … Actualizado 14/11/2026" is still a footer line: a copyright line is not freshness.
    if (isCopyrightLine(line)) continue;
    const around = lines
      .slice(Math.max(0, lineIndex - 2), lineIndex + 2)
      .map((l) => l.text)
      .join(' \n ');
    items.push({
      url: page.url,
      date: found.date,
      source: 'visible-text',
      text: clip(line.trim() || found.text, 200),
      publication: newsPage || phrases('publicationContext').test(around),
      clientClock: false,
    });
    if (items.length >= MAX_DATES_PER_PAGE) break;
  }
  return items;
}

/** Dates from <time>, meta tags, JSON-LD (the snapshot's) and the Last-Modified header. */
export function markupDates(page: PageSnapshot, reference: Date): DatedItem[] {
  const items: DatedItem[] = [];
  const newsPage = isNewsPage(page);
  for (const found of page.dates) {
    const date = dateFromValue(found.value, reference);
    if (!date || isCopyrightLine(found.context)) continue;
    items.push({
      url: page.url,
      date,
      source: found.source,
      text: clip(found.context ? `${found.value} — ${found.context}` : found.value, 200),
      // <time> marks up an item's date (news lists, articles); meta and JSON-LD dates describe the page itself.
      publication:
        found.source === 'time-element' ||
        newsPage ||
        phrases('publicationContext').test(found.context) ||
        /published|publicado|datepublished/i.test(found.context),
      clientClock: false,
    });
  }
  for (const key of META_DATE_KEYS) {
    const value = page.meta[key];
    if (!value) continue;
    const date = dateFromValue(value, reference);
    if (!date || items.some((i) => i.source === 'meta' && i.date === date)) continue;
    items.push({
      url: page.url,
      date,
      source: 'meta',
      text: `<meta ${key}="${clip(value, 60)}">`,
      publication: key.startsWith('article:') || newsPage,
      clientClock: false,
    });
  }
  const lastModified = page.headers['last-modified'];
  if (lastModified) {
    const date = dateFromValue(lastModified, reference);
    if (date)
      items.push({
        url: page.url,
        date,
        source: 'http-header',
        text: `Last-Modified: ${lastModified}`,
        publication: false,
        clientClock: false,
      });
  }
  return items;
}

/**
 * Pages the crawl found dead: an error status (4xx/5xx), no answer, or a 200 "not found" (soft 404). A date on
 * such a page, or in its address, is not content anyone can read: it never counts as fresh.
 */
export function deadPages(site: Pick<SiteContext, 'crawl'>): Set<string> {
  const dead = new Set<string>();
  for (const record of site.crawl?.pages ?? []) {
    if (record.status !== 200 || record.soft404) dead.add(record.url);
  }
  return dead;
}

function isDead(url: string, dead: Set<string>): boolean {
  return dead.has(normalizeUrl(url) ?? url);
}

/**
 * News permalinks carry their date: "/noticias/2026/11/14/ministro-inaugura…" (WordPress and most CMSs). Only
 * links to pages the crawl did not find dead: a dated address answering 404 is a broken link, not a publication.
 */
export function urlPathDates(site: Pick<SiteContext, 'pages' | 'isSameSite' | 'crawl'>): DatedItem[] {
  const items: DatedItem[] = [];
  const seen = new Set<string>();
  const dead = deadPages(site);
  for (const page of site.pages) {
    for (const link of page.links) {
      if (seen.has(link.href) || !site.isSameSite(link.href) || isDead(link.href, dead)) continue;
      let path: string;
      try {
        path = new URL(link.href).pathname;
      } catch {
        continue;
      }
      const match = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|-|$)/.exec(path);
      if (!match) continue;
      const date = dateFromValue(`${match[1]}-${match[2]}-${match[3]}`, new Date());
      if (!date) continue;
      seen.add(link.href);
      items.push({
        url: link.href,
        date,
        source: 'url-path',
        text: clip(`${path} — ${link.text}`, 200),
        publication: !link.inFooter,
        clientClock: false,
      });
    }
  }
  return items;
}

/** lastmod of the sitemap's entries (bounded; one level of sitemap index, news/post sitemaps first). */
async function sitemapDates(site: SiteContext): Promise<DatedItem[]> {
  const origin = new URL(site.homeUrl).origin;
  // The streaming parser with the fetch's own 64 KiB as its byte cap: linear, whatever the file holds.
  const read = async (url: string) => {
    const response = await site.fetch(url, { method: 'GET', maxBytes: 64 * 1024 });
    if (response.error || response.status !== 200) return null;
    const parsed = await parseSitemap(response.head, { maxBytes: 64 * 1024, maxEntries: 5_000 });
    return parsed.kind === 'none' ? null : parsed;
  };
  let sitemap = await read(`${origin}/sitemap.xml`);
  if (sitemap?.kind === 'index') {
    const children = sitemap.entries.map((entry) => entry.loc);
    const child = children.find((c) => /news|noticia|post|articul|page/i.test(c)) ?? children[0];
    sitemap = child && hasTime(site, 5_000) ? await read(child) : null;
  }
  if (!sitemap || sitemap.kind !== 'urlset') return [];
  const items: DatedItem[] = [];
  const dead = deadPages(site);
  for (const { loc, lastmod } of sitemap.entries) {
    // A sitemap entry the crawl found dead is an outdated list, not an update.
    if (!lastmod || /\s/.test(loc) || isDead(loc, dead)) continue;
    const date = dateFromValue(lastmod, new Date(site.scannedAt));
    if (!date) continue;
    items.push({
      url: loc,
      date,
      source: 'sitemap-lastmod',
      text: `<lastmod>${lastmod}</lastmod>`,
      publication: pathWords(loc).some((w) => NEWS_PATH_WORDS.has(w)),
      clientClock: false,
    });
    if (items.length >= MAX_SITEMAP_ENTRIES) break;
  }
  return items;
}

function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Dates written by JavaScript from the visitor's clock ("Guatemala, 20 de noviembre de 2026" in the header)
 * look fresh on every visit. Re-render the page with the browser clock moved back CLOCK_SHIFT_DAYS: a date that
 * disappears while a date near the fake "today" appears was the clock, not the content.
 */
export async function clientClockDates(
  site: SiteContext,
  page: PageSnapshot,
  items: DatedItem[],
): Promise<Set<string>> {
  const moved = new Set<string>();
  const fakeNow = shiftDays(new Date(site.scannedAt), -CLOCK_SHIFT_DAYS);
  const shifted = await withPage(
    site,
    async (live) => {
      await live.clock.setFixedTime(fakeNow);
      await live.goto(page.url, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) });
      await settle(live, site, 3_000);
      return inPage(
        live,
        () => ({
          text: document.body?.innerText ?? '',
          times: Array.from(document.querySelectorAll('time')).map(
            (t) => `${t.getAttribute('datetime') ?? ''} ${t.textContent ?? ''}`,
          ),
        }),
        undefined,
      );
    },
    { fresh: true },
  ); // the clock cannot be put back: this tab is not reused
  const shiftedDates = new Set([
    ...datesInText(shifted.text, fakeNow).map((d) => d.date),
    ...shifted.times.map((t) => dateFromValue(t.trim(), fakeNow)).filter((d): d is string => d !== null),
  ]);
  const fakeDay = isoDay(fakeNow);
  const followedClock = [...shiftedDates].some((d) => Math.abs(daysBetween(fakeDay, d)) <= 1);
  if (!followedClock) return moved;
  for (const item of items) {
    if (item.url !== page.url || (item.source !== 'visible-text' && item.source !== 'time-element')) continue;
    if (!shiftedDates.has(item.date)) moved.add(`${item.source}|${item.date}`);
  }
  return moved;
}

/** A date the visitor's clock could have written: today (± a day for time zones) on the scan or the machine clock. */
function couldBeClock(date: string, scannedAt: string): boolean {
  return [isoDay(new Date(scannedAt)), isoDay(new Date())].some(
    (today) => Math.abs(daysBetween(today, date)) <= 1,
  );
}

function itemKey(item: DatedItem): string {
  return `${item.url}|${item.source}|${item.date}|${item.text}`;
}

export async function collectDates(site: SiteContext): Promise<DatesEvidence> {
  const reference = new Date(site.scannedAt);
  const items: DatedItem[] = [];
  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    items.push(...markupDates(page, reference), ...visibleTextDates(page, reference));
  }
  items.push(...urlPathDates(site));
  if (hasTime(site, 10_000)) {
    try {
      items.push(...(await sitemapDates(site)));
    } catch (error) {
      site.log(`dates: sitemap not read (${(error as Error).message})`);
    }
  }

  // Only pages showing "today" can carry a clock-written date, and only if something on them runs JavaScript (a
  // script of the page or an embedded frame): re-render those (home first), bounded.
  const clockPages = site.pages
    .filter((page) => page.scripts.length + page.inlineScripts.length + page.iframes.length > 0)
    .filter((page) =>
      items.some(
        (i) =>
          i.url === page.url &&
          (i.source === 'visible-text' || i.source === 'time-element') &&
          couldBeClock(i.date, site.scannedAt),
      ),
    )
    .slice(0, MAX_CLOCK_PAGES);
  for (const page of clockPages) {
    if (!hasTime(site, 8_000)) break;
    try {
      const moved = await clientClockDates(site, page, items);
      for (const item of items)
        if (item.url === page.url && moved.has(`${item.source}|${item.date}`)) item.clientClock = true;
    } catch (error) {
      site.log(`dates: clock re-render of ${page.url} failed (${(error as Error).message.split('\n')[0]})`);
    }
  }

  // The clock-written line sits in the template, so it repeats on pages that were not re-rendered: same line, same date.
  const clockLines = new Set(items.filter((i) => i.clientClock).map((i) => `${i.date}|${i.text}`));
  for (const item of items) if (clockLines.has(`${item.date}|${item.text}`)) item.clientClock = true;

  const unique = new Map<string, DatedItem>();
  for (const item of items) if (!unique.has(itemKey(item))) unique.set(itemKey(item), item);
  const sorted = [...unique.values()].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      a.url.localeCompare(b.url) ||
      a.source.localeCompare(b.source) ||
      a.text.localeCompare(b.text),
  );
  // Newest first, so the bound keeps the dates that decide freshness.
  return { items: sorted.slice(0, MAX_ITEMS) };
}

export const datesCollector: Collector<'dates'> = {
  kind: 'dates',
  collect: (site) => collectDates(withBudget(site)),
};
