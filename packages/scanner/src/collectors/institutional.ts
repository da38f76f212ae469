import type { InstitutionalEvidence, InstitutionalTopic } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import { institutionalTopics } from '../data/index.js';
import { clip, pathWords } from '@egov-monitor/rubric';

type Entry = { topics: Set<InstitutionalTopic>; matched: Set<string> };

/** The topics a short text (heading, title, link text) is about, with the phrase that matched each. */
function topicsOf(text: string): { topic: InstitutionalTopic; phrase: string }[] {
  const hits: { topic: InstitutionalTopic; phrase: string }[] = [];
  for (const topic of institutionalTopics) {
    const phrase = topic.phrases.find(text)[0];
    if (phrase) hits.push({ topic: topic.id, phrase });
  }
  return hits;
}

/** Topics named by a URL path: "/institucion/mision-y-vision" → mission, vision. */
function topicsOfPath(url: string): { topic: InstitutionalTopic; segment: string }[] {
  const segments = pathWords(url);
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname).toLowerCase();
  } catch {
    return [];
  }
  const hits: { topic: InstitutionalTopic; segment: string }[] = [];
  for (const topic of institutionalTopics) {
    const segment = topic.paths.find((p) => (p.includes('-') ? path.includes(p) : segments.includes(p)));
    if (segment) hits.push({ topic: topic.id, segment });
  }
  return hits;
}

/**
 * static_info: pages about the institution (misión, visión, autoridades, organigrama, funciones, historia, marco
 * legal, servicios, contacto), read like a visitor does: from the page's title and headings, its URL, and the
 * menu links that lead to such pages (the target page need not have been analysed: the link names it).
 */
export function collectInstitutional(site: Pick<SiteContext, 'pages' | 'isSameSite'>): InstitutionalEvidence {
  const byUrl = new Map<string, Entry>();
  const add = (url: string, topic: InstitutionalTopic, matched: string) => {
    const entry = byUrl.get(url) ?? { topics: new Set(), matched: new Set() };
    entry.topics.add(topic);
    entry.matched.add(matched);
    byUrl.set(url, entry);
  };

  // A menu repeats on every page: one entry per link text and target, from the first page it was seen on.
  const linksSeen = new Set<string>();
  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    for (const { topic, phrase } of topicsOf(page.title))
      add(page.url, topic, `título: "${clip(page.title, 80)}" (${phrase})`);
    for (const heading of page.headings) {
      for (const { topic, phrase } of topicsOf(heading.text))
        add(page.url, topic, `h${heading.level}: "${clip(heading.text, 80)}" (${phrase})`);
    }
    for (const { topic, segment } of topicsOfPath(page.url)) add(page.url, topic, `URL: /${segment}`);

    for (const link of page.links) {
      if (!site.isSameSite(link.href)) continue;
      const text = link.text || link.label;
      // A menu or a short link text names the page it leads to; a long sentence in a news item does not.
      if (!text || text.length > 60) continue;
      const url = link.href.split('#')[0] ?? link.href;
      const key = `${url}|${text.toLowerCase()}`;
      if (linksSeen.has(key)) continue;
      linksSeen.add(key);
      for (const { topic, phrase } of topicsOf(text))
        add(url, topic, `enlace "${clip(text, 60)}" en ${page.url} (${phrase})`);
    }
  }

  const pages = [...byUrl.entries()]
    .map(([url, entry]) => ({ url, topics: [...entry.topics].sort(), matched: [...entry.matched].sort() }))
    .sort((a, b) => a.url.localeCompare(b.url));
  return { pages };
}

export const institutionalCollector: Collector<'institutional'> = {
  kind: 'institutional',
  async collect(site) {
    return collectInstitutional(site);
  },
};
