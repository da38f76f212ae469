/**
 * The stable identity of a site across runs, written into its issue as a hidden marker. It comes from the URL in
 * the list (not the name, which a site controls, nor the title, which changes with the level), through the
 * rubric's `siteIdentity`, the rule the list's duplicates and the comparison use too: `http://www.Example.gob.gt`,
 * `https://example.gob.gt/` and `https://example.gob.gt/index.html` are one site everywhere.
 */
import { siteIdentity, siteIdentityHash } from '@egov-monitor/rubric';

/** The readable identity (`example.gob.gt/visas`): what the summary table and the logs name a site by. */
export function siteId(url: string): string {
  return siteIdentity(url);
}

/**
 * The key an issue is found by: a hash of the identity, so the marker stays short whatever the URL's length (a
 * 60,000-character URL once pushed the marker past the body's length cap, and every run opened a new issue).
 */
export function siteKey(url: string): string {
  return siteIdentityHash(url);
}

export function siteMarker(url: string): string {
  return `<!-- egov-monitor:site-key:${siteKey(url)} -->`;
}

const MARKER = /<!-- egov-monitor:site-key:([0-9a-f]{32}) -->/;
/**
 * The marker versions before #11 wrote: the normalised URL itself, percent-encoded where unsafe in a comment
 * (`www.minfin.gob.gt/tramites`). Read to find the issues they created; never written any more.
 */
const LEGACY_MARKER = /<!-- egov-monitor:site:(\S+?) -->/;

/**
 * The site key an issue body's marker names, or null. An old-style marker is turned into today's key by reading
 * its URL again through `siteIdentity`, so the issue an older version opened for `www.x.gob.gt` is found by the
 * run that lists `x.gob.gt`, and is rewritten with the new marker on its next update.
 */
export function markerSiteKey(body: string | null | undefined): string | null {
  const text = body ?? '';
  const current = MARKER.exec(text)?.[1];
  if (current) return current;
  const legacy = LEGACY_MARKER.exec(text)?.[1];
  if (!legacy) return null;
  let decoded = legacy;
  try {
    decoded = decodeURIComponent(legacy);
  } catch {
    // A marker edited by hand into invalid escapes: read as written.
  }
  return siteIdentityHash(`https://${decoded}`);
}

export const SUMMARY_MARKER = '<!-- egov-monitor:summary -->';

export function runMarker(runId: string): string {
  return `<!-- egov-monitor:run:${String(runId)
    .replace(/[^A-Za-z0-9._:-]/g, '_')
    .replace(/--/g, '-_')} -->`;
}
