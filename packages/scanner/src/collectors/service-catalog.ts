import type {
  CatalogEntry,
  CatalogEntryKind,
  CatalogItem,
  ServiceCatalogEvidence,
} from '@egov-monitor/rubric';
import type { PageSnapshot } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { liveSteps, patterns, phrases } from '../data/index.js';
import type { PageFacts } from './live/live.js';
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
} from './live/live.js';
import { clip, normalizeText, pathWords } from '@egov-monitor/rubric';
import type { PhraseMatcher } from '@egov-monitor/rubric';

type Candidate = ServiceCatalogEvidence['candidates'][number];

/** Catalogue links from the menu opened live when no analysed page is a catalogue. */
const MAX_FOLLOWED = 2;
/** Groups and items kept per page in the evidence (the judgement sees them all). */
const MAX_GROUPS = 30;
const MAX_ITEMS = 40;
const MAX_TEXT = 120;

export interface Section {
  heading: string;
  links: { href: string; text: string }[];
}

/**
 * The page's layout as a visitor sees it: each heading (h2–h4) or tab with the content links under it, up to the
 * next heading. Links in a tab panel belong to the tab that controls it. The menu, the site's header and footer
 * are left out: they are the same on every page.
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
          return tab ? clean((tab as HTMLElement).innerText || tab.textContent) : null;
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
          // A heading's own link names the group (a card title), it is not one of its items.
          if (node.closest('h2, h3, h4')) continue;
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
            text: clean(
              (node as HTMLElement).innerText || node.textContent || node.getAttribute('aria-label'),
            ),
          });
        }
        return sections;
      },
      undefined,
    );
  });
}

/** The longest phrase of the list the text starts with (whole words), or null. */
function startsWith(text: string, list: PhraseMatcher): string | null {
  const normal = normalizeText(text).replace(/^[^\p{L}\p{N}]+/u, '');
  return (
    list.phrases.find((p) => normal === p || normal.startsWith(`${p} `) || normal.startsWith(`${p}:`)) ?? null
  );
}

/** "Para empresas", "Soy extranjero", "For businesses" → the audience named, if the text is only that. */
function audienceOf(text: string): string | null {
  const normal = normalizeText(text)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/^(?:para (?:las |los |el |la )?|soy (?:un |una )?|somos |for |i am (?:an? )?)/, '')
    .trim();
  if (!normal || normal.split(' ').length > 6) return null;
  return startsWith(normal, phrases('audience'));
}

/**
 * What an entry names, first match wins: a unit of the org chart ("Dirección de…") before anything else (its
 * name often carries a service word), then a life event (the list, or a first-person situation: "Me mudé"), an
 * audience, a task ("Quiero…", "¿Qué necesita hacer?"), for headings a topic of services, then a service.
 */
export function classifyEntry(
  text: string,
  role: 'heading' | 'item',
): Pick<CatalogEntry, 'kind' | 'matched'> {
  const found = (kind: CatalogEntryKind, matched: string | null | undefined) =>
    matched ? { kind, matched } : null;
  const situation = normalizeText(text).replace(/^[^\p{L}\p{N}]+/u, '');
  return (
    found('org-unit', startsWith(text, phrases('orgUnit'))) ??
    (role === 'heading' ? found('life-event', phrases('lifeEventSection').find(text)[0]) : null) ??
    found('life-event', phrases('lifeEvents').find(text)[0]) ??
    found(
      'life-event',
      patterns('lifeSituation')
        .map((p) => p.exec(situation)?.[0])
        .find(Boolean),
    ) ??
    found('audience', audienceOf(text)) ??
    (role === 'heading'
      ? found('task', phrases('taskHeading').find(text)[0])
      : found('task', startsWith(text, phrases('taskItem')))) ??
    (role === 'heading'
      ? found('topic', phrases('serviceTopics').isExactly(text) ? normalizeText(text) : null)
      : null) ??
    found('service', phrases('serviceItem').find(text)[0]) ?? { kind: 'other' }
  );
}

/** A page that describes one service: a heading says what it requires, costs or takes. */
export function isServicePage(page: Pick<PageFacts, 'headings' | 'text'>): boolean {
  const words = phrases('servicePage');
  if (page.headings.some((h) => h.level >= 2 && words.isExactly(h.text))) return true;
  return words.find(page.text.slice(0, 20_000)).length >= 3;
}

function withoutHash(url: string): string {
  return url.split('#')[0]!.replace(/\/$/, '');
}

/**
 * The page's groups and their items, each named by kind. A link leads to a service when the crawl read its target
 * and found a service description there. A heading that is none of the needs but groups services under a subject
 * ("Licencias de conducir") is a topic of services.
 */
export function describeGroups(
  sections: Section[],
  site: Pick<SiteContext, 'pages' | 'isSameSite'>,
): Candidate['groups'] {
  const analysed = new Map(
    site.pages.filter((p) => p.status < 400 && !p.soft404).map((p) => [withoutHash(p.url), p]),
  );
  const groups: Candidate['groups'] = [];
  for (const section of sections) {
    const items: CatalogItem[] = [];
    const seen = new Set<string>();
    for (const link of section.links) {
      const href = absoluteHttpUrl(link.href);
      const text = link.text.trim();
      if (!href || !text || text.length > MAX_TEXT || seen.has(withoutHash(href))) continue;
      seen.add(withoutHash(href));
      const target = analysed.get(withoutHash(href));
      items.push({
        text: clip(text, MAX_TEXT),
        href,
        ...classifyEntry(text, 'item'),
        leadsToService: target ? isServicePage(target) : null,
      });
    }
    if (!section.heading && items.length === 0) continue;
    let heading = classifyEntry(section.heading, 'heading');
    const services = items.filter(
      (i) => i.leadsToService === true || (i.leadsToService === null && i.kind === 'service'),
    ).length;
    if (heading.kind === 'other' && items.length >= 2 && services * 2 >= items.length)
      heading = { kind: 'topic', matched: `a group of ${services} services` };
    groups.push({ text: clip(section.heading, MAX_TEXT), ...heading, items: items.slice(0, MAX_ITEMS) });
  }
  return groups.slice(0, MAX_GROUPS);
}

/**
 * Phrases naming a catalogue: a title segment or a main heading that is one ("Trámites y servicios", "¿Qué necesita
 * hacer?", "Catálogo de servicios en línea") — not a word inside a longer name (the institution's own name,
 * "Secretaría de Servicios Ciudadanos", or a news headline) —, or the page's address ("/tramites/…").
 */
function catalogMatches(page: Pick<PageFacts, 'url' | 'title' | 'headings'>): {
  strong: string[];
  path: string[];
} {
  const catalog = phrases('serviceCatalog');
  const strong = new Set<string>();
  const names = [
    ...page.title.split(/\s+[|–—-]\s+/),
    ...page.headings.filter((h) => h.level <= 2).map((h) => h.text),
  ];
  for (const name of names) {
    const phrase = startsWith(name, catalog);
    if (phrase) strong.add(phrase);
  }
  const path = catalog.find(pathWords(page.url).join(' ')).filter((p) => !strong.has(p));
  return { strong: [...strong], path };
}

/** Same-site content links of a page: how much it offers to go to. */
function contentLinks(page: Pick<PageFacts, 'links'>): number {
  return page.links.filter((l) => !l.inNav && !l.inFooter).length;
}

/**
 * Pages whose organisation is read, best first: the home page (where portals organise services by life event or
 * audience), pages that call themselves a catalogue (title or main heading), then pages under a catalogue's
 * address; by how much they link to, then address.
 */
function candidatePages(
  site: SiteContext,
): { page: PageFacts & Partial<Pick<PageSnapshot, 'depth'>>; matched: string[] }[] {
  const usable = site.pages.filter((p) => !p.soft404 && p.status < 400);
  const byLinks = (a: { page: PageFacts }, b: { page: PageFacts }) =>
    contentLinks(b.page) - contentLinks(a.page) || a.page.url.localeCompare(b.page.url);
  const strong: { page: PageSnapshot; matched: string[] }[] = [];
  const path: { page: PageSnapshot; matched: string[] }[] = [];
  for (const page of usable.slice(1)) {
    const matched = catalogMatches(page);
    if (matched.strong.length) strong.push({ page, matched: [...matched.strong, ...matched.path] });
    else if (matched.path.length) path.push({ page, matched: matched.path });
  }
  const home =
    usable[0] && usable[0] === site.pages[0]
      ? [{ page: usable[0], matched: ['home page', ...catalogMatches(usable[0]).strong] }]
      : [];
  return [...home, ...strong.sort(byLinks), ...path.sort(byLinks)];
}

/**
 * citizen_centric_portal: reads how the site presents its services — the catalogue pages and the home page, each
 * heading or tab and the links under it — and names every group and link: a need of the person (life event,
 * audience, task, topic of services), a service, or a unit of the org chart; and whether each link leads to a page
 * that describes a service. The rubric judges the organisation from that, not from a count of links. Work bounded
 * by data (pages read per site), in a fixed order.
 */
export async function collectServiceCatalog(site: SiteContext): Promise<ServiceCatalogEvidence> {
  const pages = candidatePages(site);

  // No analysed page calls itself a catalogue: the menu's catalogue links are opened, as a visitor would.
  if (!pages.some((p) => !p.matched.includes('home page'))) {
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
      pages.unshift({ page: opened.facts, matched: ['menu link', ...catalogMatches(opened.facts).strong] });
    }
  }

  const candidates: Candidate[] = [];
  for (const { page, matched } of pages.slice(0, liveSteps.catalog.layoutReads)) {
    const notFound = looksNotFound(page);
    const soon = looksComingSoon(page);
    const base = { url: page.url, title: clip(page.title, 160), matched };
    if (notFound || soon) {
      candidates.push({ ...base, groups: [], detail: `the page says "${notFound ?? soon}"` });
      continue;
    }
    if (!hasTime(site, 8_000)) {
      candidates.push({
        ...base,
        groups: [],
        unread: 'not read: the safety time limit was reached',
        detail: 'layout not read',
      });
      continue;
    }
    try {
      const groups = describeGroups(await readSections(site, page.url), site);
      candidates.push({ ...base, groups, detail: summarize(groups) });
    } catch (error) {
      const reason = clip((error as Error).message.split('\n')[0] ?? 'failed', 160);
      site.log(`serviceCatalog: layout of ${page.url} not read (${reason})`);
      candidates.push({ ...base, groups: [], unread: reason, detail: `layout not read: ${reason}` });
    }
  }
  return { candidates };
}

/** One line a reviewer reads: the groups, what each is, and a few of its links. */
function summarize(groups: Candidate['groups']): string {
  if (groups.length === 0) return 'no groups of links under headings';
  return clip(
    groups
      .map(
        (g) =>
          `"${g.text}" (${g.kind}): ${g.items
            .slice(0, 4)
            .map((i) => `${i.text} [${i.kind}${i.leadsToService ? ', service page' : ''}]`)
            .join(', ')}${g.items.length > 4 ? `, … ${g.items.length} links` : ''}`,
      )
      .join('; '),
    900,
  );
}

export const serviceCatalogCollector: Collector<'serviceCatalog'> = {
  kind: 'serviceCatalog',
  collect: (site) => collectServiceCatalog(withBudget(site)),
};
