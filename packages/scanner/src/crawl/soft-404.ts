import { PhraseMatcher, wordText } from '@egov-monitor/rubric';
import rules from './soft-404-phrases.json' with { type: 'json' };

/** What the crawl knows of a page to judge a soft 404. */
export interface PageLook {
  url: string;
  status: number;
  title: string;
  headings: string[];
  text: string;
}

const notFoundPhrases = new PhraseMatcher(rules.phrases, { ignorePunctuation: true });
const says404 = (text: string) => notFoundPhrases.test(text);

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

function shingles(text: string): Set<string> {
  const words = wordText(text).split(' ').slice(0, 5_000);
  const set = new Set<string>();
  for (let i = 0; i + 2 < words.length; i += 1) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (set.size === 0 && words.length > 0) set.add(words.join(' '));
  return set;
}

/** Jaccard similarity of word 3-grams (0–1): the same template with the same message scores close to 1. */
export function textSimilarity(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let shared = 0;
  for (const item of sa) if (sb.has(item)) shared += 1;
  return shared / (sa.size + sb.size - shared);
}

/** The random path asked once per site; nobody links to it, so a correct server answers 404. */
export function probePath(random: () => number = Math.random): string {
  return `/egov-monitor-no-existe-${Math.floor(random() * 1e12).toString(36)}`;
}

/**
 * Soft 404: the server answers 200 (the status alone lies) with a page that says "no encontrada", or with the
 * same page it gives for a random path that cannot exist. A site that redirects unknown paths to its home page
 * is flagged through `probeSoft404`; such pages end on the home URL and are counted once with it.
 */
export function createSoft404Judge(probe: PageLook | null, homeUrl: string) {
  const probeIsHome = probe !== null && probe.status < 400 && probe.url === homeUrl;
  const probeSoft = probe !== null && probe.status >= 200 && probe.status < 300 && !probeIsHome;
  return {
    probeSoft404: probeSoft || probeIsHome,
    isSoft404(page: PageLook, requestedUrl: string): boolean {
      if (page.status < 200 || page.status >= 300) return false;
      // A link that lands on the home page (also how sites "answer" unknown paths) is the home page, counted once.
      if (page.url === homeUrl || requestedUrl === homeUrl) return false;
      const top = [page.title, ...page.headings.slice(0, 3)].join(' \n ');
      if (says404(top)) return true;
      if (wordCount(page.text) <= rules.shortPageWords && says404(page.text)) return true;
      if (probeSoft && probe) {
        const sameTitle = wordText(page.title) === wordText(probe.title);
        return sameTitle && textSimilarity(page.text, probe.text) >= rules.similarityThreshold;
      }
      return false;
    },
  };
}
