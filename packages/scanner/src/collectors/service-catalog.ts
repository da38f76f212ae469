import type { ServiceCatalogEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import { phrases } from '../data/index.js';
import type { PageFacts } from './support/live.js';
import { absoluteHttpUrl, hasTime, looksComingSoon, looksNotFound, openAndRead } from './support/live.js';
import { clip, pathWords } from './support/text.js';

type Candidate = ServiceCatalogEvidence['candidates'][number];

const MAX_CANDIDATES = 10;
/** Catalogue links from the menu opened live when no analysed page is a catalogue. */
const MAX_FOLLOWED = 2;
const MAX_LINK_TEXT = 120;

/** Phrases naming a catalogue in the page's title, main headings or URL. */
function catalogMatches(page: Pick<PageFacts, 'url' | 'title' | 'headings'>): string[] {
  const catalog = phrases('serviceCatalog');
  const found = new Set<string>();
  for (const phrase of catalog.find(page.title)) found.add(phrase);
  for (const heading of page.headings.filter((h) => h.level <= 2)) for (const phrase of catalog.find(heading.text)) found.add(phrase);
  const path = pathWords(page.url).join(' ');
  for (const phrase of catalog.find(path)) found.add(phrase);
  return [...found];
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** What a catalogue page offers: links to individual services, topic groups, life events. */
export function describeCatalog(page: PageFacts, matched: string[], isSameSite: (url: string) => boolean): Candidate {
  const item = phrases('serviceItem');
  const topics = phrases('serviceTopics');
  const events = phrases('lifeEvents');
  const base = pathOf(page.url);
  const serviceLinks = new Set<string>();
  const topicNames = new Set<string>();
  const lifeEvents = new Set<string>();

  for (const link of page.links) {
    const href = absoluteHttpUrl(link.href);
    const text = (link.text || link.label).trim();
    if (!href || !text || link.inFooter || text.length > MAX_LINK_TEXT) continue;
    const target = href.split('#')[0]!;
    if (target === page.url.split('#')[0]) continue;
    for (const event of events.find(text)) lifeEvents.add(event);
    if (topics.isExactly(text) && !link.inNav) topicNames.add(topics.find(text)[0]!);
    if (link.inNav) continue;
    // A service link names a procedure ("Renovación de licencia", "Solicitar antecedentes penales") or lives under
    // the catalogue's own path (/tramites/licencia-de-conducir).
    const underCatalog = base.length > 1 && pathOf(target).startsWith(`${base}/`) && isSameSite(target);
    if (underCatalog || item.test(text) || item.test(pathWords(target).join(' '))) serviceLinks.add(target);
  }
  for (const heading of page.headings.filter((h) => h.level >= 2 && h.text.length <= MAX_LINK_TEXT)) {
    const topic = topics.find(heading.text)[0];
    if (topic) topicNames.add(topic);
    for (const event of events.find(heading.text)) lifeEvents.add(event);
  }

  const notFound = looksNotFound(page);
  const soon = looksComingSoon(page);
  const notes = [
    `matched ${matched.map((m) => `"${m}"`).join(', ')}`,
    `${serviceLinks.size} service links${serviceLinks.size ? `, e.g. ${[...serviceLinks].slice(0, 3).join(', ')}` : ''}`,
    topicNames.size ? `topics: ${[...topicNames].sort().join(', ')}` : 'no topic groups',
  ];
  if (notFound) notes.push(`the page says "${notFound}"`);
  if (soon) notes.push(`the page says "${soon}"`);
  return {
    url: page.url,
    title: clip(page.title, 160),
    serviceLinks: notFound || soon ? 0 : serviceLinks.size,
    topicGroups: topicNames.size,
    lifeEvents: [...lifeEvents].sort(),
    matched,
    detail: clip(notes.join('; '), 500),
  };
}

/**
 * citizen_centric_portal: pages organised around what people need ("Trámites y servicios", "Catálogo de
 * servicios", "¿Qué necesitas hacer?", "I want to…"): how many individual services they link to, grouped by
 * which topics, and which life events they name. When no analysed page is a catalogue, the menu's catalogue
 * links are opened live (bounded).
 */
export async function collectServiceCatalog(site: SiteContext): Promise<ServiceCatalogEvidence> {
  const candidates = new Map<string, Candidate>();
  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    const matched = catalogMatches(page);
    if (matched.length) candidates.set(page.url, describeCatalog(page, matched, site.isSameSite));
  }

  if (candidates.size === 0) {
    const catalog = phrases('serviceCatalog');
    const analysed = new Set(site.pages.map((p) => p.url));
    const menuLinks = [
      ...new Set(
        site.pages
          .flatMap((p) => p.links)
          .filter((l) => l.inNav && catalog.isExactly(l.text || l.label))
          .map((l) => absoluteHttpUrl(l.href))
          .filter((u): u is string => !!u && site.isSameSite(u) && !analysed.has(u)),
      ),
    ];
    for (const url of menuLinks.slice(0, MAX_FOLLOWED)) {
      if (!hasTime(site, 5_000)) break;
      const opened = await openAndRead(site, url);
      if (!opened.facts || opened.status >= 400) {
        site.log(`serviceCatalog: ${url} → ${opened.status} ${opened.error ?? ''}`);
        continue;
      }
      const matched = catalogMatches(opened.facts);
      candidates.set(opened.facts.url, describeCatalog(opened.facts, matched.length ? matched : [catalog.find(opened.facts.title)[0] ?? 'menu link'], site.isSameSite));
    }
  }

  return {
    candidates: [...candidates.values()]
      .sort((a, b) => b.serviceLinks - a.serviceLinks || a.url.localeCompare(b.url))
      .slice(0, MAX_CANDIDATES),
  };
}

export const serviceCatalogCollector: Collector<'serviceCatalog'> = {
  kind: 'serviceCatalog',
  collect: collectServiceCatalog,
};
