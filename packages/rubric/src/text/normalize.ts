/**
 * The one text normaliser of the project: the scanner matches its word lists and the rubric its settings on the
 * same folded text, so "Trámites", "TRAMITES" and "trámites" are one word everywhere. Pure functions only.
 *
 * Accents are the combining marks U+0300–U+036F left by NFD (the Latin diacritics Spanish and English use: á, é,
 * ñ's tilde, ü); other scripts' marks are kept.
 */

/** Accents removed, case and spacing kept: "Dirección General" → "Direccion General". */
export function foldAccents(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower case, no accents, one space between words. "Misión y  Visión" → "mision y vision". */
export function normalizeText(value: string): string {
  return foldAccents(value).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Normalised text with every run of punctuation turned into one space, so only letters and digits remain:
 * "Trámites-y_Servicios / Guía" → "tramites y servicios guia". For text whose separators vary (URL paths, titles,
 * button names) and for comparing two titles.
 */
export function wordText(value: string): string {
  return normalizeText(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of normalised text: letters only, at least `minLength` long. */
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

/** Lower-case ASCII letters and digits joined by single dashes, for file and page names: "Ministerio de Economía" → "ministerio-de-economia". */
export function slugify(value: string): string {
  return foldAccents(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One line for evidence, at most `max` characters (an ellipsis marks the cut). */
export function clip(value: string, max = 160): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
