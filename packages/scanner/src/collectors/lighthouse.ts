import type { LighthouseEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import type { PageSnapshot } from '../page-snapshot.js';
import { usabilityData } from '../data/standards.js';
import { PhraseMatcher } from '@egov-monitor/rubric';

/**
 * Lighthouse accessibility, best practices, SEO and performance (mobile, slow 4G) on the home page and the
 * pages a citizen reaches first (principles 1 *Igualdad* and 4 *Transparencia y accesibilidad*; "standards
 * for design and usability"; access from rural areas). Runs only when the site scan provides
 * `SiteContext.lighthouse` (ScanOptions.lighthouse.enabled): otherwise `enabled` is false and the kind is absent.
 */
export const lighthouseCollector: Collector<'lighthouse'> & { enabled(site: SiteContext): boolean } = {
  kind: 'lighthouse',
  // One run per key page, each seconds to tens of seconds on a slow site; the site's deadline still bounds it.
  timeoutMs: 300_000,
  runsAlone: true,
  enabled: (site) => site.lighthouse !== undefined,
  async collect(site: SiteContext): Promise<LighthouseEvidence> {
    const hook = site.lighthouse;
    if (!hook) throw new Error('Lighthouse is switched off for this scan (no SiteContext.lighthouse)');
    const pages: LighthouseEvidence['pages'] = [];
    let version: string | null = null;
    for (const url of keyPageUrls(site, hook.keyPages)) {
      // The safety net fired: start no run past it, and say the evidence is partial.
      if (Date.now() >= site.deadline) {
        site.markIncomplete?.({
          code: 'collector-timeout',
          message: 'Lighthouse reached its safety time limit before auditing every key page',
        });
        pages.push({
          url,
          scores: { accessibility: null, bestPractices: null, seo: null, performance: null },
          error: 'safety time limit reached',
        });
        continue;
      }
      site.log(`lighthouse ${url}`);
      const run = await hook.run(url);
      version ??= run.lighthouseVersion;
      pages.push({ url, scores: run.scores, ...(run.error ? { error: run.error } : {}) });
    }
    return { lighthouseVersion: version ?? 'unknown', pages };
  },
};

const groups = usabilityData.keyPages.groups.map((group) => ({
  id: group.id,
  phrases: new PhraseMatcher(group.phrases),
}));

const usable = (page: PageSnapshot) => page.status === 200 && !page.soft404;
const withoutHash = (url: string) => url.split('#')[0] ?? url;

/**
 * The home page, then for each key-page group (trámites, servicios, contacto — data) the first analysed page a
 * home-page link with that text leads to (or whose own title/h1 says so), then the first other analysed pages,
 * until `keyPages` more are chosen.
 */
export function keyPageUrls(site: SiteContext, keyPages: number): string[] {
  const home = site.pages[0];
  const chosen: string[] = [withoutHash(home?.url ?? site.homeUrl)];
  const candidates = site.pages.slice(1).filter(usable);
  const byUrl = new Map<string, PageSnapshot>();
  for (const page of candidates) {
    byUrl.set(withoutHash(page.url), page);
    byUrl.set(withoutHash(page.requestedUrl), page);
  }
  const add = (page: PageSnapshot | undefined) => {
    if (!page || chosen.length > keyPages) return;
    const url = withoutHash(page.url);
    if (!chosen.includes(url)) chosen.push(url);
  };
  for (const group of groups) {
    const linked = (home?.links ?? [])
      .filter((link) => group.phrases.first(link.text || link.label) !== null)
      .map((link) => byUrl.get(withoutHash(link.href)))
      .find((page) => page !== undefined && !chosen.includes(withoutHash(page.url)));
    const titled = candidates.find(
      (page) =>
        !chosen.includes(withoutHash(page.url)) &&
        (group.phrases.first(page.title) !== null ||
          group.phrases.first(page.headings.find((h) => h.level === 1)?.text) !== null),
    );
    add(linked ?? titled);
  }
  for (const page of candidates) add(page);
  return chosen;
}
