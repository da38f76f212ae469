import { escapeRegExp, normalizeText, wordText } from './normalize.js';

export interface PhraseMatcherOptions {
  /**
   * Treat punctuation as a space in the text and in the phrases, so "derechos-reservados" matches "derechos
   * reservados". Off by default: a word list written with a hyphen or a dot ("e-mail", "no.") means it.
   */
  ignorePunctuation?: boolean;
}

/**
 * A list of phrases (data) matched on whole words of normalised text, so "Trámites" matches "tramites" but
 * "consul" does not match inside "consultar". Compiled once. Longer phrases are tried first, so the match reported
 * is the most specific one ("tramites y servicios" rather than "tramites").
 */
export class PhraseMatcher {
  readonly phrases: string[];
  private readonly fold: (value: string) => string;
  private readonly pattern: RegExp | null;

  constructor(phrases: readonly string[], options: PhraseMatcherOptions = {}) {
    this.fold = options.ignorePunctuation ? wordText : normalizeText;
    this.phrases = [...new Set(phrases.map(this.fold).filter((p) => p.length > 0))].sort(
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
  find(text: string | null | undefined): string[] {
    if (!this.pattern || !text) return [];
    const found: string[] = [];
    for (const match of this.fold(text).matchAll(this.pattern)) {
      if (!found.includes(match[0])) found.push(match[0]);
    }
    return found;
  }

  /** The first phrase found in the text (the leftmost; the longest there), or null. */
  first(text: string | null | undefined): string | null {
    if (!this.pattern || !text) return null;
    this.pattern.lastIndex = 0;
    const match = this.pattern.exec(this.fold(text));
    this.pattern.lastIndex = 0;
    return match ? match[0] : null;
  }

  test(text: string | null | undefined): boolean {
    return this.first(text) !== null;
  }

  /** The text equals one of the phrases (ignoring case, accents and surrounding punctuation). */
  isExactly(text: string | null | undefined): boolean {
    if (!text) return false;
    const normal = this.fold(text).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return this.phrases.includes(normal);
  }
}
