/**
 * Text matching for the standards collectors: phrases are compared on normalised text (lower case, accents
 * removed, whitespace collapsed) and on whole words, so "Política de Privacidad" matches "politica de
 * privacidad" and "quejas" does not match inside "quejasmente".
 */
export function normalize(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list of phrases (data) compiled once; longest first, so the most specific phrase is the one reported. */
export class Phrases {
  private readonly pattern: RegExp | null;

  constructor(phrases: readonly string[]) {
    const list = [...new Set(phrases.map(normalize).filter(Boolean))].sort((a, b) => b.length - a.length || a.localeCompare(b));
    // Whitespace inside a phrase matches any run of spaces or punctuation-free gaps between the same words.
    this.pattern =
      list.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map((p) => escape(p).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  }

  /** The first phrase found in the text (normalised), or null. */
  match(text: string | null | undefined): string | null {
    if (!this.pattern || !text) return null;
    const found = this.pattern.exec(normalize(text));
    return found ? found[0] : null;
  }
}

/** One line for evidence, at most `max` characters. */
export function clip(value: string, max = 120): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Lower-case extension of a URL's path ("/docs/Ley.PDF?x=1" → "pdf"), '' when none. */
export function extensionOf(url: string): string {
  try {
    const path = decodeURIComponent(new URL(url).pathname);
    const match = /\.([a-z0-9]{1,6})$/i.exec(path);
    return match?.[1]?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
