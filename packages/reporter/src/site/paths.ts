/**
 * Where each page of the static site lives, and the relative links between pages: the site works from any base
 * path (GitHub Pages serves it under /<repo>/) and opened from the disk. Page names come from the history's site
 * identity and the institution's name, so a site keeps its address across runs and issues can link to it.
 */
import { createHash } from 'node:crypto';
import { historySiteKey, slugify } from '@egov-monitor/rubric';
import type { Lang } from '../i18n/index.js';

const FOLDERS: Record<Lang, { sites: string; institutions: string }> = {
  es: { sites: 'sitios', institutions: 'instituciones' },
  en: { sites: 'sites', institutions: 'institutions' },
};

/** Readable and stable: `minfin-gob-gt-3f2a9c1e`; the hash keeps two keys that read alike apart. */
export function pageSlug(key: string): string {
  const readable = slugify(key).slice(0, 50).replace(/-+$/, '');
  return `${readable || 'x'}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** The slug of a site's page from any of its URLs (the history's identity decides which URLs are one site). */
export function siteSlug(url: string): string {
  return pageSlug(historySiteKey(url));
}

export function institutionSlug(institution: string): string {
  return pageSlug(institution);
}

/** Paths from the site's root, with `/`. */
export const sitePaths = {
  home: (lang: Lang) => `${lang}/index.html`,
  site: (lang: Lang, slug: string) => `${lang}/${FOLDERS[lang].sites}/${slug}.html`,
  institution: (lang: Lang, slug: string) => `${lang}/${FOLDERS[lang].institutions}/${slug}.html`,
  css: 'assets/site.css',
  data: (name: string) => `data/${name}`,
};

/** The link from the page at `from` to `to`, both paths from the site's root. */
export function relativeLink(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}

/**
 * The absolute address of a site's page under a published base (`https://org.github.io/observatorio/`), for the
 * links GitHub issues carry.
 */
export function sitePageUrl(base: string, lang: Lang, siteUrl: string): string {
  return new URL(sitePaths.site(lang, siteSlug(siteUrl)), base.endsWith('/') ? base : `${base}/`).href;
}
