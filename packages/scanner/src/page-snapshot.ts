/**
 * What the crawl extracts from every analysed page, once, in the browser (after JavaScript ran). Collectors read
 * snapshots instead of each re-querying the DOM, so adding a collector costs no extra page visits.
 */
import type { SearchBoxFound } from './snapshot/search-box.js';

export interface SnapshotLink {
  /** Absolute URL (resolved against the page). */
  href: string;
  text: string;
  /** aria-label or title when the link has no text (icons). */
  label: string;
  rel: string;
  /** Inside <nav>, a header menu or role=navigation. */
  inNav: boolean;
  /** Inside <footer> or role=contentinfo. */
  inFooter: boolean;
  /** Nearest heading or list-item/table-row text around the link, trimmed (≤ 300 chars). */
  context: string;
  download: boolean;
}

export interface SnapshotFormField {
  tag: 'input' | 'textarea' | 'select' | 'button';
  type: string;
  name: string;
  id: string;
  placeholder: string;
  autocomplete: string;
  label: string;
  required: boolean;
}

export interface SnapshotForm {
  /** Absolute action URL ('' when the form has none and submits to the page itself). */
  action: string;
  method: string;
  role: string;
  id: string;
  name: string;
  /** CSS selector that finds this form again on the live page. */
  selector: string;
  fields: SnapshotFormField[];
  /** Text of the form's submit buttons. */
  submitTexts: string[];
  /**
   * True for controls outside any <form> (search boxes and widgets built by JavaScript), grouped by their nearest
   * container; `selector` then finds the container and `action` is ''.
   */
  formless?: boolean;
}

export interface SnapshotDate {
  source: 'time-element' | 'meta' | 'json-ld';
  /** Raw attribute or text, e.g. "2026-11-14T10:00:00-06:00". */
  value: string;
  /** Text around it (the item's heading), to tell news from other dates. */
  context: string;
}

export interface PageSnapshot {
  url: string;
  /** URL requested before redirects. */
  requestedUrl: string;
  status: number;
  contentType: string;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  title: string;
  lang: string;
  metaDescription: string;
  viewport: string;
  /** Meta tags by name/property, lower-cased (e.g. article:modified_time, dc.date). */
  meta: Record<string, string>;
  headings: { level: number; text: string }[];
  /** Visible text (innerText of body), capped at 200 000 characters. */
  text: string;
  links: SnapshotLink[];
  forms: SnapshotForm[];
  /** src of <script> elements (absolute). */
  scripts: string[];
  /** Inline script bodies, each capped at 2 000 characters (vendor snippets are recognisable there). */
  inlineScripts: string[];
  /** src of <iframe> elements (absolute). */
  iframes: string[];
  /**
   * Widgets found in the rendered DOM by their CSS selectors (data/vendors.json `selectors`: chat launchers, custom
   * elements like <df-messenger>), and nameless chat launchers (`id` ''): many exist only once scripts ran.
   */
  widgets: SnapshotWidget[];
  /** The site search box the page offers, found as the search collector looks for one (snapshot/search-box.ts). */
  searchBox: SearchBoxFound | null;
  dates: SnapshotDate[];
  /** Sub-resource URLs the page loaded (for mixed content and vendor detection). */
  resources: string[];
  /** Bytes transferred for the document and its sub-resources. */
  transferBytes: number;
  /** Measured in the rendered page at a 360×640 mobile viewport and at desktop width (usability checks). */
  layout: {
    /** Share (0–1) of visible text characters rendered below 12 CSS px. */
    smallTextRatio: number;
    /** Visible links/buttons/inputs smaller than 24×24 CSS px without enough spacing (WCAG 2.2 SC 2.5.8). */
    smallTapTargets: number;
    /** Content wider than the viewport (horizontal scrolling on a phone). */
    horizontalOverflow: boolean;
  };
  /** The crawl's soft-404 verdict for this page. */
  soft404: boolean;
  depth: number;
}

/** An element of a known widget in the rendered page: the vendor's id, the selector that matched, its text. */
export interface SnapshotWidget {
  /** Vendor id in data/vendors.json; '' for a chat launcher of no known vendor. */
  id: string;
  selector: string;
  text: string;
}
