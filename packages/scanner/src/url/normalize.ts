import { canonicalUrl } from '@egov-monitor/rubric';

/**
 * One URL per page: the crawl counts `/` and `/index.html` once, ignores fragments and tracking parameters, and
 * never opens mail, phone or script links.
 */

/** Extensions of documents and files that are downloaded rather than opened as pages (recorded as links). */
export const DOWNLOAD_EXTENSIONS = new Set([
  'pdf',
  'doc',
  'docx',
  'odt',
  'rtf',
  'xls',
  'xlsx',
  'ods',
  'csv',
  'ppt',
  'pptx',
  'odp',
  'txt',
  'xml',
  'json',
  'zip',
  'rar',
  '7z',
  'gz',
  'tgz',
  'tar',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'svg',
  'bmp',
  'tif',
  'tiff',
  'ico',
  'mp3',
  'mp4',
  'avi',
  'mov',
  'wmv',
  'webm',
  'ogg',
  'wav',
  'flv',
  'mkv',
  'exe',
  'msi',
  'dmg',
  'apk',
  'iso',
  'kml',
  'kmz',
  'shp',
  'dwg',
  'epub',
  'p7s',
  'xsd',
  'css',
  'js',
]);

/**
 * Lower-cased extension of the URL's last path segment, decoded ("/docs/Ley%20final.PDF?x=1" → "pdf"); '' when
 * there is none or it is not a file type (letters and digits, at most six).
 */
export function fileExtension(url: string): string {
  let last: string;
  try {
    last = new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    return '';
  }
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: the raw segment still tells the type
  }
  const dot = last.lastIndexOf('.');
  const extension = dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
  return /^[a-z0-9]{1,6}$/.test(extension) ? extension : '';
}

/** Host of a URL in lower case, '' when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function isDownloadUrl(url: string): boolean {
  return DOWNLOAD_EXTENSIONS.has(fileExtension(url));
}

/** http(s) URLs only: mailto:, tel:, javascript:, data: and the like are not pages. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * The crawl's URL of a page: absolute, no fragment, lower-case host, no default port, index files folded into
 * their directory, tracking and session parameters dropped, remaining parameters sorted. Null for non-web links.
 * The rubric's `canonicalUrl`, the one normaliser every page and site identity is built on (#18).
 */
export const normalizeUrl: (href: string, base?: string) => string | null = canonicalUrl;

const SEARCH_PARAMS = new Set([
  'q',
  's',
  'search',
  'buscar',
  'busqueda',
  'query',
  'keys',
  'keyword',
  'keywords',
  'k',
  'term',
  'texto',
  'searchword',
  'search_api_fulltext',
  'termino',
]);
const SEARCH_PATH = /\/(search|buscar|busqueda|búsqueda|resultados?-de-busqueda|search-results?)(\/|$|\.)/i;

/** A page that shows search results: counting them as pages would inflate many_pages without limit. */
export function isSearchResultUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    for (const key of parsed.searchParams.keys()) if (SEARCH_PARAMS.has(key.toLowerCase())) return true;
    return SEARCH_PATH.test(decodeURIComponent(parsed.pathname));
  } catch {
    return false;
  }
}
