import { createHash } from 'node:crypto';
import { francAll } from 'franc-min';
import type { UsabilityEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import { usabilityData } from '../data/standards.js';

/**
 * Evidence for the usability check ("standards for design, usability and development"; access from rural
 * areas): per analysed page the mobile viewport, the declared and the detected language, title and
 * description, small text and tap targets (WCAG 2.2 SC 2.5.8) measured by the snapshot, and page weight; plus
 * whether the site answers a path that does not exist with a real 404.
 */
export const usabilityCollector: Collector<'usability'> = {
  kind: 'usability',
  async collect(site: SiteContext): Promise<UsabilityEvidence> {
    const pages = site.pages.map((page) => ({
      url: page.url,
      viewport: page.viewport.trim() || null,
      lang: page.lang.trim() || null,
      contentLang: detectLanguage(page.text),
      title: page.title.trim(),
      description: page.metaDescription.trim() || null,
      smallTextRatio: page.layout.smallTextRatio,
      smallTapTargets: page.layout.smallTapTargets,
      pageBytes: page.transferBytes,
    }));
    // The crawl probes a random path once per site (it needs the answer for its own soft-404 verdicts); reuse it.
    return { pages, notFoundProbe: site.notFoundProbe ?? (await notFoundProbe(site)) };
  },
};

const { contentLanguage } = usabilityData;

/**
 * ISO 639-1 code of the page's prose (franc-min), or null when the text is too short or two languages score
 * too close to call (Spanish and Portuguese, for instance, on a page that is mostly names).
 */
export function detectLanguage(text: string): string | null {
  // Menus, footers and button rows are lists of names, not language: prefer lines that read like sentences.
  const lines = text.split(/\n+/).map((line) => line.replace(/\s+/g, ' ').trim());
  const prose = lines
    .filter((line) => line.split(' ').length >= contentLanguage.minWordsPerProseLine)
    .join('\n');
  const sample = (prose.length >= contentLanguage.minCharacters ? prose : lines.join('\n')).slice(
    0,
    contentLanguage.maxCharacters,
  );
  if (sample.replace(/\s+/g, '').length < contentLanguage.minCharacters) return null;
  const [best, second] = francAll(sample, { minLength: contentLanguage.minCharacters });
  if (!best || best[0] === 'und') return null;
  if (second && best[1] - second[1] < contentLanguage.minScoreGap) return null;
  return contentLanguage.iso6393to6391[best[0]] ?? null;
}

/**
 * Requests a path no site has. A correct server answers 404 (or 410); a "soft 404" answers 200 with a page
 * (often the home page), which misleads search engines and people following broken links alike.
 */
async function notFoundProbe(site: SiteContext): Promise<UsabilityEvidence['notFoundProbe']> {
  const home = site.pages[0]?.url ?? site.homeUrl;
  // Varies with the scan (no cache can answer it) yet is reproducible for a pinned clock.
  const token = createHash('sha256').update(`${site.scannedAt} ${home}`).digest('hex').slice(0, 12);
  const url = new URL(usabilityData.notFoundProbe.pathTemplate.replace('{token}', token), home).href;
  const response = await site.fetch(url, { method: 'GET', maxBytes: 64 * 1024 });
  const isPage = /html|xml|text\/plain/i.test(response.contentType) || looksLikeHtml(response.head);
  return { url, status: response.status, soft404: response.status >= 200 && response.status < 300 && isPage };
}

function looksLikeHtml(head: Buffer): boolean {
  return /<(!doctype html|html|body|title)\b/i.test(head.subarray(0, 2048).toString('utf8'));
}
