/**
 * Text helpers shared by the collectors: every phrase list is matched on normalised text (lower case, accents
 * removed, whitespace collapsed) and on whole words, so "Trámites" matches "tramites" but "consultar" does not
 * match "consul".
 */

/** Lower case, no diacritics (NFD), one space between words. "Misión y Visión" → "mision y vision". */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches any phrase of a list on whole words of normalised text. Longer phrases are tried first so the match
 * reported is the most specific one ("tramites y servicios" rather than "tramites").
 */
export class PhraseMatcher {
  readonly phrases: string[];
  private readonly pattern: RegExp | null;

  constructor(phrases: readonly string[]) {
    this.phrases = [...new Set(phrases.map(normalizeText).filter((p) => p.length > 0))].sort(
      (a, b) => b.length - a.length || a.localeCompare(b),
    );
    this.pattern =
      this.phrases.length === 0
        ? null
        : new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${this.phrases.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
            'gu',
          );
  }

  /** Distinct phrases found, in order of first appearance. */
  find(text: string): string[] {
    if (!this.pattern || !text) return [];
    const found: string[] = [];
    for (const match of normalizeText(text).matchAll(this.pattern)) {
      if (!found.includes(match[0])) found.push(match[0]);
    }
    return found;
  }

  test(text: string): boolean {
    if (!this.pattern || !text) return false;
    this.pattern.lastIndex = 0;
    const hit = this.pattern.test(normalizeText(text));
    this.pattern.lastIndex = 0;
    return hit;
  }

  /** The text equals one of the phrases (ignoring case, accents and surrounding punctuation). */
  isExactly(text: string): boolean {
    const normal = normalizeText(text).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return this.phrases.includes(normal);
  }
}

/** Trim and shorten a string for evidence (one line, at most `max` characters). */
export function clip(value: string, max = 160): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Words of normalised text: letters only (Spanish included), at least `minLength` long. */
export function words(text: string, minLength = 1): string[] {
  return (normalizeText(text).match(/\p{L}+/gu) ?? []).filter((w) => w.length >= minLength);
}

/** Path segments of a URL split into words ("/tramites/licencia-de-conducir" → tramites licencia de conducir). */
export function pathWords(url: string): string[] {
  try {
    return normalizeText(decodeURIComponent(new URL(url).pathname))
      .split(/[/\-_.+\s]+/)
      .filter(Boolean);
  } catch {
    return [];
  }
}
