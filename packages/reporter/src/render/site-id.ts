/**
 * The stable identity of a site across runs, written into its issue as a hidden marker. It comes from the URL in
 * the list (not the name, which a site controls, nor the title, which changes with the level), normalised so
 * that `http://Example.gob.gt`, `https://example.gob.gt/` and `https://example.gob.gt/index.html` are one site.
 */
const INDEX_PAGE = /\/(index|default|inicio)\.(html?|php|aspx?)$/i;

export function normaliseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim().toLowerCase();
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
  const path = url.pathname.replace(INDEX_PAGE, '/').replace(/\/+$/, '');
  return `${host}${port}${path}`;
}

/**
 * Safe inside an HTML comment (no `--`, no `>`) and readable: a reviewer can search the repository's issues for it.
 */
export function siteId(url: string): string {
  return normaliseSiteUrl(url)
    .replace(/[^a-z0-9._~/:%-]/gi, (c) => encodeURIComponent(c))
    .replace(/--/g, '-%2D');
}

export function siteMarker(url: string): string {
  return `<!-- egov-monitor:site:${siteId(url)} -->`;
}

export const SUMMARY_MARKER = '<!-- egov-monitor:summary -->';

export function runMarker(runId: string): string {
  return `<!-- egov-monitor:run:${String(runId).replace(/[^A-Za-z0-9._:-]/g, '_').replace(/--/g, '-_')} -->`;
}
