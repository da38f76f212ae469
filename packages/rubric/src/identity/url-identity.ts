/**
 * One rule for "the same page" and "the same site" (#18): the scanner's crawl, the URL list's duplicates, the
 * comparison with the previous run, the overrides, the page counts and the GitHub issue marker all build on
 * `canonicalUrl`. Before, five rules disagreed: `www.x.gob.gt` and `x.gob.gt` were one site for duplicates and
 * comparison but got two issue markers.
 */
import { createHash } from 'node:crypto';

const TRACKING_PARAMS =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid|ref_src)$/i;
const SESSION_PARAMS = /^(phpsessid|jsessionid|sid|sessionid|aspsessionid[a-z]*)$/i;
/** A folder's index file is the folder: `/` and `/index.html`, `/tramites/default.aspx` and `/tramites/`. */
const INDEX_FILE = /\/(index|default)\.(html?|php|aspx?|jsp)$/i;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The crawl's URL of a page: absolute, no fragment, no credentials, lower-case host without a trailing dot, no
 * default port, index files folded into their folder, repeated slashes collapsed, tracking and session parameters
 * dropped and the rest sorted. Scheme and `www.` are kept: this is a URL the browser opens. Null for anything
 * that is not an http(s) URL (mail, phone, script links, text that does not parse).
 */
export function canonicalUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = base ? new URL(href.trim(), base) : new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443'))
    url.port = '';
  url.pathname = url.pathname.replace(INDEX_FILE, '/').replace(/\/{2,}/g, '/') || '/';
  const kept = [...url.searchParams.entries()].filter(
    ([key]) => !TRACKING_PARAMS.test(key) && !SESSION_PARAMS.test(key),
  );
  kept.sort(([a, av], [b, bv]) => byCodeUnit(a, b) || byCodeUnit(av, bv));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  return url.toString();
}

/**
 * The identity of a page, whatever the scheme, a leading `www.`, the other port spelling of the scheme's default
 * (`https://x:80`) or a trailing slash: `x.gob.gt/tramites?a=1`. A text that is not an http(s) URL (the
 * `urn:` of a bad list entry) is its own identity, trimmed and in lower case.
 */
export function pageIdentity(href: string): string {
  const canonical = canonicalUrl(href);
  if (canonical === null) return href.trim().toLowerCase();
  const url = new URL(canonical);
  const host = url.hostname.replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return `${host}${port}${path}${url.search}`;
}

/**
 * The identity of a site: its home page's identity without the root slash (`x.gob.gt`, `x.gob.gt/visas`). Pure;
 * the same for `https://www.x.gob.gt/`, `http://X.gob.gt/index.html` and `x.gob.gt/?utm_source=fb`.
 */
export function siteIdentity(href: string): string {
  const page = pageIdentity(href);
  return page.replace(/^([^/?]*)\/(?=\?|$)/, '$1');
}

/**
 * A fixed-length fingerprint of a site's identity (128 bits of SHA-256, hex), for places that cannot hold a
 * URL of any length: the GitHub issue marker must survive a 60,000-character URL and the body's length cap.
 */
export function siteIdentityHash(href: string): string {
  return createHash('sha256').update(siteIdentity(href)).digest('hex').slice(0, 32);
}
