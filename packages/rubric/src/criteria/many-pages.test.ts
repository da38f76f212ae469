import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import {
  SITE,
  crawlEvidence,
  evidenceMeeting,
  ok,
  pageRecord,
  withGathered,
} from '../test-support/evidence-builders.js';
import { manyPages } from './many-pages.js';

const settings = defaultRubric.criteria.many_pages;

function withPages(pages: PageRecord[]) {
  return withGathered(evidenceMeeting([]), { crawl: ok({ ...crawlEvidence(SITE, 0), pages }) });
}

const content = (n: number) => Array.from({ length: n }, (_, i) => pageRecord(`${SITE}seccion-${i}`));

describe('many_pages', () => {
  it('passes with exactly 15 distinct pages and fails with 14', () => {
    expect(settings.minPages).toBe(15);
    expect(manyPages.evaluate(withPages(content(15)), settings).outcome).toBe('pass');
    const result = manyPages.evaluate(withPages(content(14)), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('Only 14');
  });

  it('counts / and /index.html (and http/https, www, trailing slash) as one page', () => {
    const pages = [
      ...content(13),
      pageRecord(SITE, { foundVia: 'start', linkedFromSite: false, depth: 0 }),
      pageRecord(`${SITE}index.html`),
      pageRecord(SITE.replace('https://www.', 'http://')),
      pageRecord(`${SITE}seccion-1/`),
    ];
    const result = manyPages.evaluate(withPages(pages), settings);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]!.detail).toMatch(/^14 distinct .*duplicate: 3/);
  });

  it('does not count soft 404s, search results, sitemap-only, thin, non-HTML or non-200 pages', () => {
    const pages = [
      ...content(14),
      pageRecord(`${SITE}no-existe`, { soft404: true }),
      pageRecord(`${SITE}?s=salud`, { isSearchResult: true }),
      pageRecord(`${SITE}solo-sitemap`, { foundVia: 'sitemap', linkedFromSite: false }),
      pageRecord(`${SITE}vacia`, { words: settings.minWords - 1 }),
      pageRecord(`${SITE}doc.pdf`, { contentType: 'application/pdf' }),
      pageRecord(`${SITE}roto`, { status: 500 }),
    ];
    const result = manyPages.evaluate(withPages(pages), settings);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]!.detail).toContain('soft404: 1');
    expect(result.evidence[0]!.detail).toContain('sitemap-only: 1');
    expect(result.evidence[0]!.detail).toContain('thin: 1');
  });

  it('counts a query-string address that shows the same document once (content fingerprint), however many there are', () => {
    const pages = [
      ...content(13).map((page, i) => ({ ...page, fingerprint: `doc-${i}` })),
      pageRecord(SITE, { foundVia: 'start', depth: 0, fingerprint: 'home' }),
      pageRecord(`${SITE}?vecinos=true`, { fingerprint: 'home' }),
      pageRecord(`${SITE}?lang=es&vecinos=1`, { fingerprint: 'home' }),
      pageRecord(`${SITE}seccion-3?vista=completa`, { fingerprint: 'doc-3' }),
    ];
    const result = manyPages.evaluate(withPages(pages), settings);
    expect(result.outcome).toBe('fail');
    expect(result.evidence[0]!.detail).toMatch(/^14 distinct .*duplicate: 3/);
    // A query that changes the document (another page of a list) is another page.
    const paged = [...pages, pageRecord(`${SITE}noticias?pagina=2`, { fingerprint: 'news-2' })];
    expect(manyPages.evaluate(withPages(paged), settings).outcome).toBe('pass');
  });

  it('minWords is met exactly at the threshold', () => {
    const pages = content(15).map((p) => ({ ...p, words: settings.minWords }));
    expect(manyPages.evaluate(withPages(pages), settings).outcome).toBe('pass');
  });

  it('says when the crawl stopped early', () => {
    const evidence = withGathered(evidenceMeeting([]), {
      crawl: ok(crawlEvidence(SITE, 3, { budget: { maxPages: 4, maxDepth: 3, exhausted: 'page-budget' } })),
    });
    expect(manyPages.evaluate(evidence, settings).evidence[0]!.detail).toContain('page-budget');
  });
});
