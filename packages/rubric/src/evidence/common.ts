/**
 * Shared shapes of the evidence contract between the scanner (which gathers) and the rubric (which judges).
 * Everything here is plain JSON: it is written to results.json and validated by schema/results.schema.json.
 */

/** The languages every text shown to people is written in, Spanish first (the report's language). */
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text shown to people, one string per language of LANGUAGES. */
export type Localized = { [L in Language]: string };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** One claim a reviewer can verify in one click: where, and what was seen there. */
export interface EvidencePointer {
  url: string;
  detail: string;
}

export interface CollectorError {
  /** Stable machine code, e.g. `timeout`, `navigation-failed`, `collector-crashed`. */
  code: string;
  message: string;
}

/**
 * What one collector returned. A collector that throws is stored as `error`, so a criterion that reads it
 * gives an `error` outcome instead of a silent "not met".
 */
export type Gathered<T> =
  { status: 'ok'; data: T; incomplete?: Incompleteness } | { status: 'error'; error: CollectorError };

/**
 * Why a collector's data is partial: the work it needed was not finished (a safety time limit fired, a page could
 * not be loaded, a control could not be operated). What was found still counts; what was not found proves nothing,
 * so a criterion that would fail on partial data is `inconclusive` instead.
 */
export interface Incompleteness {
  /** Stable machine code, e.g. `site-timeout`, `page-timeout`, `collector-timeout`, `page-failed`, `not-operable`. */
  code: string;
  message: string;
}

export type SiteGroup = 'ministerio' | 'secretaria' | 'other';

/** One entry of a URL list (`--urls`) or a URL given on the command line. */
export interface SiteTarget {
  url: string;
  name?: string;
  acronym?: string;
  institution?: string;
  group?: SiteGroup;
  /**
   * Other domains of the same institution (e.g. its service portal on another domain): links to them are the
   * institution's own, never "another agency", and its sign-in pages there are its own service.
   */
  domains?: string[];
}
