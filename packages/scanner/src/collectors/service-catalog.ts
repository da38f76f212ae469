import type { ServiceCatalogEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import { phrases } from '../data/index.js';
import type { PageFacts } from './support/live.js';
import {
  absoluteHttpUrl,
  hasTime,
  inPage,
  looksComingSoon,
  looksNotFound,
  navigationTimeout,
  openAndRead,
  settle,
  withBudget,
  withPage,
} from './support/live.js';
import { clip, pathWords } from './support/text.js';

type Candidate = ServiceCatalogEvidence['candidates'][number];

const MAX_CANDIDATES = 10;
/** Catalogue links from the menu opened live when no analysed page is a catalogue. */
const MAX_FOLLOWED = 2;
const MAX_LINK_TEXT = 120;
/** Catalogue pages re-read live for their layout (sections and tabs). */
const MAX_LAYOUT_READS = 2;
/** A group is a heading or tab with at least this many content links under it. */
const MIN_LINKS_PER_GROUP = 2;

export interface Section {
  heading: string;
  links: { href: string; text: string }[];
}

/**
 * The catalogue's layout as a visitor sees it: each heading (h2–h4) or tab with the content links under it,
 * up to the next heading. Links in a tab panel belong to the tab that controls it.
 */
export async function readSections(site: SiteContext, url: string): Promise<Section[]> {
  return withPage(site, async (page) => {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) });
    await settle(page, site, 3_000);
    return inPage(
      page,
      (): Section[] => {
        const clean = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
        const sections: Section[] = [];
        let current: Section | null = null;
        const tabLabel = (panel: Element): string | null => {
          const labelledBy = panel.getAttribute('aria-labelledby');
          const byLabel = labelledBy ? document.getElementById(labelledBy) : null;
          const byControls = panel.id
            ? document.querySelector(`[role=tab][aria-controls="${CSS.escape(panel.id)}"]`)
            : null;
          const tab = byLabel ?? byControls;
          return tab ? clean((tab as HTMLElement).innerText) : null;
        };
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
        for (
          let node = walker.nextNode() as Element | null;
          node;
          node = walker.nextNode() as Element | null
        ) {
          if (node.closest('nav, footer, [role=navigation], [role=banner], [role=contentinfo]')) continue;
          // The site's header, not an article's <header>.
          const header = node.closest('header');
          if (header && !header.closest('main, article, section')) continue;
          if (/^H[2-4]$/.test(node.tagName)) {
            current = { heading: clean((node as HTMLElement).innerText), links: [] };
            sections.push(current);
            continue;
          }
          if (node.tagName !== 'A' || !(node as HTMLAnchorElement).href) continue;
          const panel = node.closest('[role=tabpanel]');
          const label = panel ? tabLabel(panel) : null;
          let section: Section | null = current;
          if (label) {
            section = sections.find((s) => s.heading === label) ?? null;
            if (!section) {
              section = { heading: label, links: [] };
              sections.push(section);
            }
          }
          section?.links.push({
            href: (node as HTMLAnchorElement).href,
            text: clean((node as HTMLElement).innerText || node.getAttribute('aria-label')),
          });
        }
        return sections;
      },
      undefined,
    );
  });
}

/** Topic groups and life events from the catalogue's layout. */
export function groupsFromSections(sections: Section[]): { topics: string[]; lifeEvents: string[] } {
  const lifeSection = phrases('lifeEventSection');
  const topics: string[] = [];
  const lifeEvents: string[] = [];
  for (const section of sections) {
    const links = section.links.filter((l) => l.text);
    if (!section.heading || links.length < MIN_LINKS_PER_GROUP) continue;
    if (lifeSection.test(section.heading)) {
      // "Cumplí 18 años: Obtener la primera licencia" — the event is what comes before the procedure.
      for (const link of links) lifeEvents.push(clip(link.text.split(/[:—–]/)[0] ?? link.text, 60));
    } else {
      topics.push(clip(section.heading, 60));
    }
  }
  return { topics: [...new Set(topics)], lifeEvents: [...new Set(lifeEvents)] };
}

/** Phrases naming a catalogue in the page's title, main headings or URL. */
function catalogMatches(page: Pick<PageFacts, 'url' | 'title' | 'headings'>): string[] {
  const catalog = phrases('serviceCatalog');
  const found = new Set<string>();
  for (const phrase of catalog.find(page.title)) found.add(phrase);
  for (const heading of page.headings.filter((h) => h.level <= 2))
    for (const phrase of catalog.find(heading.text)) found.add(phrase);
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
export function describeCatalog(
  page: PageFacts,
  matched: string[],
  isSameSite: (url: string) => boolean,
): Candidate {
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
      candidates.set(
        opened.facts.url,
        describeCatalog(
          opened.facts,
          matched.length ? matched : [catalog.find(opened.facts.title)[0] ?? 'menu link'],
          site.isSameSite,
        ),
      );
    }
  }

  const sorted = [...candidates.values()]
    .sort((a, b) => b.serviceLinks - a.serviceLinks || a.url.localeCompare(b.url))
    .slice(0, MAX_CANDIDATES);
  // The layout tells what words cannot: which headings or tabs group services, and which section lists life events.
  for (const [index, candidate] of sorted.entries()) {
    if (index >= MAX_LAYOUT_READS || candidate.serviceLinks === 0 || !hasTime(site, 8_000)) break;
    try {
      const layout = groupsFromSections(await readSections(site, candidate.url));
      const lifeEvents = [...new Set([...candidate.lifeEvents, ...layout.lifeEvents])].sort();
      sorted[index] = {
        ...candidate,
        topicGroups: Math.max(candidate.topicGroups, layout.topics.length),
        lifeEvents,
        detail: clip(
          `${candidate.detail}; layout: ${layout.topics.length} groups of services${layout.topics.length ? ` (${layout.topics.join(', ')})` : ''}${
            layout.lifeEvents.length ? `, life events section: ${layout.lifeEvents.join(', ')}` : ''
          }`,
          700,
        ),
      };
    } catch (error) {
      site.log(
        `serviceCatalog: layout of ${candidate.url} not read (${(error as Error).message.split('\n')[0]})`,
      );
    }
  }
  return { candidates: sorted };
}

export const serviceCatalogCollector: Collector<'serviceCatalog'> = {
  kind: 'serviceCatalog',
  collect: (site) => collectServiceCatalog(withBudget(site)),
};
