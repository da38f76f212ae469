/**
 * Evidence the scanner gathers for the twelve maturity criteria of the methodology
 * (../shared/docs/methodology.md). Collectors record facts; the rubric's criteria judge them with thresholds
 * and word lists that are data.
 */

// ---------------------------------------------------------------- crawl (many_pages, static_info reachability)

export interface PageRecord {
  /** Normalised URL (fragment removed, `/index.html` folded into `/`). */
  url: string;
  status: number;
  contentType: string;
  title: string;
  /** Link hops from the home page; 0 for the home page. */
  depth: number;
  /** How the page was first found. Pages only listed in the sitemap do not count for many_pages. */
  foundVia: 'start' | 'link' | 'sitemap';
  /** True when a same-site link (followed with JavaScript running) leads to this page. */
  linkedFromSite: boolean;
  /** The server answered 200 with a "not found" page (the status alone lies). */
  soft404: boolean;
  /** A search-result page (query string of a search form or a known search path). */
  isSearchResult: boolean;
  /** Words of visible text: "real content" has more than a handful. */
  words: number;
  /** True when the page was opened in the browser and all collectors and axe ran on it. */
  analysed: boolean;
}

export interface CrawlEvidence {
  startUrl: string;
  /** Home page URL after redirects. */
  homeUrl: string;
  homeStatus: number;
  pages: PageRecord[];
  robots: { url: string; found: boolean; disallowedPathsSkipped: number };
  sitemap: { urls: string[]; found: boolean; urlCount: number };
  budget: {
    maxPages: number;
    maxDepth: number;
    timeLimitMs: number;
    /** Why the crawl stopped early, if it did (`page-budget`, `time-budget`). */
    exhausted?: string;
  };
}

// ---------------------------------------------------------------- static_info

export type InstitutionalTopic =
  | 'mission'
  | 'vision'
  | 'authorities'
  | 'org_chart'
  | 'functions'
  | 'history'
  | 'legal_basis'
  | 'services'
  | 'contact_info';

export interface InstitutionalEvidence {
  pages: {
    url: string;
    topics: InstitutionalTopic[];
    /** The words or headings that matched, e.g. "Misión", "Organigrama". */
    matched: string[];
  }[];
}

// ---------------------------------------------------------------- links_to_agencies

export interface OutboundLinksEvidence {
  /** One entry per distinct external host (not the site's own hosts), with the first link seen. */
  hosts: {
    host: string;
    href: string;
    text: string;
    fromUrl: string;
  }[];
}

// ---------------------------------------------------------------- fresh_content

export type DateSource =
  | 'time-element'
  | 'meta'
  | 'json-ld'
  | 'http-header'
  | 'sitemap-lastmod'
  | 'visible-text'
  | 'url-path';

export interface DatedItem {
  url: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  source: DateSource;
  /** The text or attribute the date was read from, e.g. "14 de noviembre de 2026". */
  text: string;
  /** The date sits in a news / publication context (article, news list, "Noticias", "Publicado"). */
  publication: boolean;
  /** The date was written by JavaScript from the visitor's clock (it moved when the browser clock moved). */
  clientClock: boolean;
}

export interface DatesEvidence {
  items: DatedItem[];
}

// ---------------------------------------------------------------- downloadable_forms

export interface DownloadCandidate {
  pageUrl: string;
  href: string;
  linkText: string;
  /** Nearby text (heading, list item, table row) that tells what the file is. */
  context: string;
  /** Extension or type announced by the link: pdf, doc, docx, odt, xls, xlsx, ods, rtf. */
  fileType: string;
  /** The request made to confirm the download. */
  check: {
    status: number;
    contentType: string;
    bytes: number | null;
    /** The response really is the document (right type, not an HTML error page, not empty). */
    ok: boolean;
    problem?: string;
  };
}

export interface DownloadsEvidence {
  candidates: DownloadCandidate[];
}

// ---------------------------------------------------------------- email_contact

export interface ContactEvidence {
  mailto: { url: string; address: string }[];
  visibleAddresses: { url: string; address: string; obfuscated: boolean }[];
  contactForms: {
    url: string;
    action: string;
    method: string;
    fields: string[];
    /** Has a message (textarea) and a way to answer (email or phone field). */
    looksLikeContactForm: boolean;
    /** The form's target answers (not 404/5xx, not a dead `#`), checked without sending a message. */
    targetWorks: boolean;
    detail: string;
  }[];
}

// ---------------------------------------------------------------- working_search

export type SearchOutcome =
  | 'results'
  | 'no-results'
  | 'error'
  | 'same-page'
  | 'not-found'
  | 'no-search-box'
  /** The search was typed but the answer did not settle within the safety bound (unfinished work). */
  | 'timeout'
  /**
   * The crawl found a box that could not be used: hidden behind a toggle that does not open, typing did not reach
   * it, the page did not load or died. Unfinished work: the criterion is inconclusive, never "no search box".
   */
  | 'not-operable';

export interface SearchEvidence {
  found: boolean;
  pageUrl?: string;
  /** CSS selector of the search input that was used. */
  selector?: string;
  query?: string;
  resultUrl?: string;
  outcome: SearchOutcome;
  resultCount?: number;
  /**
   * Where the answer appeared: a new page (the form navigated, maybe to the search service's host), content the
   * page's script injected (a results list, an overlay), or a frame (a results iframe).
   */
  resultsIn?: 'page' | 'in-page' | 'frame';
  /** The third-party search service of the page, by its markers (Google Programmable Search, Algolia…). */
  widget?: string;
  /** How the typed query was sent: the Enter key, or the box's button when Enter did nothing. */
  submittedWith?: 'enter' | 'button';
  /** The first results as listed (title and link), for a reviewer to check. */
  firstResults?: { title: string; url: string }[];
  detail: string;
}

// ---------------------------------------------------------------- interactive_channels

export type ChannelKind = 'chat' | 'chatbot' | 'whatsapp' | 'messenger' | 'telegram' | 'forum' | 'comments';

export interface InteractiveEvidence {
  channels: {
    url: string;
    kind: ChannelKind;
    vendor?: string;
    how: 'script' | 'iframe' | 'element' | 'link';
    /** The widget or page is there and usable (loaded, visible, not "Próximamente", not a 404). */
    live: boolean;
    /** Sits next to a service or procedure, not only in the footer's social icons. */
    tiedToService: boolean;
    detail: string;
  }[];
}

// ---------------------------------------------------------------- user_accounts

export interface AccountsEvidence {
  candidates: {
    url: string;
    kind: 'register' | 'login' | 'identity-provider';
    linkText: string;
    status: number;
    soft404: boolean;
    comingSoon: boolean;
    hasPasswordField: boolean;
    /** A form that creates an account or signs in (identity fields + submit). */
    hasAccountForm: boolean;
    provider?: string;
    detail: string;
  }[];
}

// ---------------------------------------------------------------- e_payments

export interface PaymentsEvidence {
  candidates: {
    url: string;
    protocol: string;
    /** The page's certificate was valid (trusted chain, right host, not expired); null when plain HTTP. */
    tlsValid: boolean | null;
    /** Card fields seen: autocomplete cc-*, names like card_number, cvv, expiry. */
    cardFields: string[];
    /** Payment gateway scripts, iframes or form targets, by vendor name. */
    gateways: string[];
    /** Absolute URL the payment form submits to, if there is a form. */
    formAction?: string;
    linkText?: string;
    /**
     * The harmless step taken to reach this page (issue #17): on `from`, the lookup form `form` was filled with
     * `values` and sent (a GET that only looks up), and this page is its answer — a payment whose card form only
     * appears at step 2 is a payment.
     */
    reachedBy?: { from: string; form: string; values: string[] };
    /** Forms on the page judged where they stand and never sent, because they would act (a POST, card data…). */
    notSent?: string[];
    detail: string;
  }[];
}

// ---------------------------------------------------------------- citizen_centric_portal

/**
 * What an entry of a services page (a group's heading, or a link) names: one of people's needs — a life event
 * ("Nacimiento", "Me mudé"), an audience ("Empresas", "Personas con discapacidad"), a task ("¿Qué necesita hacer?",
 * "Quiero…"), a topic of services ("Vehículos") —, a service or procedure, or a unit of the org chart ("Dirección
 * de…", "Departamento de…").
 */
export type CatalogEntryKind = 'life-event' | 'audience' | 'task' | 'topic' | 'service' | 'org-unit' | 'other';

export interface CatalogEntry {
  text: string;
  kind: CatalogEntryKind;
  /** The word-list entry that decided the kind ("direccion", "cumpli", "empresas"…). */
  matched?: string;
}

export interface CatalogItem extends CatalogEntry {
  href: string;
  /**
   * The link leads to a page that describes one service (its requirements, steps, cost), as the crawl read that
   * page; null when the page was not analysed.
   */
  leadsToService: boolean | null;
}

export interface ServiceCatalogEvidence {
  candidates: {
    url: string;
    title: string;
    /** Why the page was read: phrases that name a catalogue ("Trámites y servicios"), or "home page". */
    matched: string[];
    /** The page's organisation as a visitor sees it: each heading or tab and the links under it, in order. */
    groups: (CatalogEntry & { items: CatalogItem[] })[];
    /** The layout could not be read (the page failed to load again): what it says proves nothing. */
    unread?: string;
    detail: string;
  }[];
}

// ---------------------------------------------------------------- e_participation

export interface ParticipationEvidence {
  candidates: {
    url: string;
    kind: 'survey' | 'poll' | 'consultation' | 'e-voting' | 'embedded-form' | 'feedback';
    vendor?: string;
    /** The page has a form a citizen can answer (inputs + submit) or an embedded form service. */
    hasForm: boolean;
    comingSoon: boolean;
    detail: string;
  }[];
}

// ---------------------------------------------------------------- accessibility (axe-core on every page)

export interface AxeViolation {
  ruleId: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  /** axe tags, e.g. wcag2a, wcag21aa, wcag143, best-practice. */
  tags: string[];
  help: string;
  helpUrl: string;
  nodes: number;
  /** Up to a few example CSS selectors. */
  selectors: string[];
}

export interface AccessibilityEvidence {
  axeVersion: string;
  /** The axe tags that were run. */
  tags: string[];
  pages: { url: string; violations: AxeViolation[]; error?: string }[];
}
