import { createHash } from 'node:crypto';

/** Characters of text the fingerprint reads (before folding): the cheap visits keep this much of a page's text. */
export const FINGERPRINT_CHARS = 50_000;

/**
 * A digest of what a page says (its title and visible text, whitespace folded): the same document under two
 * addresses (`/` and `/?vecinos=true`) gets the same fingerprint, so many_pages counts it once. Both the analysed
 * and the cheap visits read `document.body.innerText`, so either way the same page gives the same digest.
 */
export function documentFingerprint(title: string, text: string): string {
  const folded = `${title.replace(/\s+/g, ' ').trim()}\n${text.slice(0, FINGERPRINT_CHARS).replace(/\s+/g, ' ').trim()}`;
  return createHash('sha256').update(folded).digest('hex').slice(0, 16);
}
