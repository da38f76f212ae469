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
  /**
   * Digest of the page's visible text (whitespace folded), for pages read with content: two URLs with the same
   * fingerprint show the same document (`/?vecinos=true` answering the home page again) and count once.
   */
  fingerprint?: string;
  /**
   * The page's safety net fired before it was ready (its load never finished, or its network and DOM never went
   * quiet within the page time limit): it was read as it stood.
   */
  cut?: boolean;
}

export interface CrawlEvidence {
  startUrl: string;
  /** Home page URL after redirects. */
  homeUrl: string;
  homeStatus: number;
  pages: PageRecord[];
  robots: { url: string; found: boolean; disallowedPathsSkipped: number };
  sitemap: { urls: string[]; found: boolean; urlCount: number };
  /**
   * The work budgets (what decides how much is read) and the safety nets (time limits far above a healthy site's
   * need). `exhausted` says why the crawl stopped with pages left to visit: `page-budget` (maxPages and
   * maxDiscoveredPages reached: a decision, the same on any machine) or `site-timeout` (the site's safety net fired:
   * the crawl evidence is then `incomplete` and the verdicts that depend on it inconclusive).
   */
  budget: {
    maxPages: number;
    maxDiscoveredPages?: number;
    maxDepth: number;
    siteTimeoutMs?: number;
    pageTimeoutMs?: number;
    exhausted?: string;
  };
}

// ---------------------------------------------------------------- static_info

/** What an institutional page is about (the scanner's topic phrases and static_info's settings name these). */
export const INSTITUTIONAL_TOPICS = [
  'mission',
  'vision',
  'authorities',
  'org_chart',
  'functions',
  'history',
  'legal_basis',
  'services',
  'contact_info',
] as const;
export type InstitutionalTopic = (typeof INSTITUTIONAL_TOPICS)[number];

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
  'time-element' | 'meta' | 'json-ld' | 'http-header' | 'sitemap-lastmod' | 'visible-text' | 'url-path';

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

/** A fillable field of a document: a PDF AcroForm widget, a Word content control or legacy form field, an ODF control. */
export interface DocumentField {
  name: string;
  /** text, checkbox, radio, choice, date, signature or button. */
  type: string;
  /** The field's tooltip, alias or label, as the document names it ('' when it has none). */
  label: string;
}

/** A labelled blank in a document's text: the place a citizen writes ("Nombre: ______", "DPI:", "[ ] Sí"). */
export interface DocumentBlank {
  /** The label as written, e.g. "Nombre completo", "No. de expediente"; for a checkbox, the option's words. */
  label: string;
  /** A line of underscores or dots, nothing after a form label and its colon, an empty table cell, a checkbox. */
  kind: 'line' | 'empty' | 'cell' | 'checkbox';
}

/** What reading the downloaded document found (the verification a human evaluator does by opening it). */
export interface DocumentReading {
  /** The document was opened and its text and fields were read. */
  read: boolean;
  /** Why it could not be read: larger than the byte cap, damaged, encrypted, no text layer, a format not read. */
  problem?: string;
  /** The format found in the bytes: pdf, docx, odt, xlsx, ods (doc, xls, rtf are recognised but not read). */
  format: string;
  /** Pages of a PDF, sheets of a spreadsheet; null when the format has none. */
  pages: number | null;
  /** The document's title (metadata) or first line. */
  title: string;
  /** The first words of its text, so a reviewer sees what it is. */
  excerpt: string;
  fields: DocumentField[];
  blanks: DocumentBlank[];
  /** Reading stopped at a work cap (pages, text, XML nodes): what was read counts, the rest was not read. */
  partial?: string;
}

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
    /**
     * The request got no answer because the work was not finished (a time limit fired, the connection dropped):
     * nothing is known about the document. A dead host or a refused connection is an answer, not this.
     */
    unfinished?: boolean;
  };
  /** The document read (when it downloaded): its fields and labelled blanks say whether it is a form to fill in. */
  document?: DocumentReading;
}

export interface DownloadsEvidence {
  candidates: DownloadCandidate[];
  /**
   * Document links found but not checked because the collector stopped before reaching them (its safety time
   * limit): they might have been forms, so their absence proves nothing. Links past the per-site cap of
   * candidates are not counted here: that cap is a fixed amount of work, the same on every run.
   */
  notChecked?: number;
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

/** Kinds of interactive channel the scanner tells apart (vendors.json's `kind`, interactive_channels' settings). */
export const CHANNEL_KINDS = [
  'chat',
  'chatbot',
  'whatsapp',
  'messenger',
  'telegram',
  'forum',
  'comments',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

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
    /** A form that signs in or creates an account: a password field, an identity field and a submit. */
    hasAccountForm: boolean;
    provider?: string;
    detail: string;
    /** The page that holds the form, after redirects (when it differs from `url`). */
    formUrl?: string;
    /** The account form's fields, as the page names them. */
    fields?: { type: string; name: string; label: string }[];
    /**
     * The form belongs to the institution's own service: it sits on the site's hosts, its registrable domain or a
     * domain the URL list declares as the institution's, or it was reached through a sign-in flow the site starts.
     */
    ownService?: boolean;
    /** A third-party form service (Google Forms, Microsoft Forms, Typeform…): a sign-up there is not an account. */
    thirdPartyForm?: string;
    /**
     * A sign-in through an identity provider seen in the navigation itself: an OpenID Connect / OAuth 2.0
     * authorisation request (client_id with response_type or redirect_uri), a SAML AuthnRequest or a CAS login,
     * and whether the page it reached is a sign-in form.
     */
    flow?: { protocol: 'oidc' | 'oauth2' | 'saml' | 'cas'; url: string; loginForm: boolean };
    /** Why the link could not be verified (its page did not finish loading): it proves nothing either way. */
    unread?: string;
  }[];
  /** Account links not followed because the collector stopped at its safety time limit (the cap is not counted). */
  notFollowed?: number;
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
export type CatalogEntryKind =
  'life-event' | 'audience' | 'task' | 'topic' | 'service' | 'org-unit' | 'other';

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

/** Participation mechanisms, named by their purpose. */
export const PARTICIPATION_KINDS = [
  'survey',
  'poll',
  'consultation',
  'public-comment',
  'petition',
  'forum',
  'participatory-budget',
  'e-voting',
  'embedded-form',
  'feedback',
  // A generic contact form found where participation was expected: a channel, never participation.
  'contact-form',
] as const;
export type ParticipationKind = (typeof PARTICIPATION_KINDS)[number];

export interface ParticipationEvidence {
  candidates: {
    url: string;
    /** The mechanism, named by its purpose (or by the lead's words when no purpose was read). */
    kind: ParticipationKind;
    vendor?: string;
    /** The page has a form a citizen can answer (inputs + submit) or an embedded form service. */
    hasForm: boolean;
    comingSoon: boolean;
    detail: string;
    /**
     * The words that name what citizens take part in ("consulta pública", "anteproyecto", "encuesta") and where
     * they were read: the form's own fields, labels, legends and button; the heading or text right around the form;
     * the page's title or main heading; the external form's own title; a participation platform. Absent when no
     * purpose was read (a generic contact form, a section named "Participación ciudadana").
     */
    purpose?: {
      words: string[];
      where: 'form' | 'form-heading' | 'page-heading' | 'external-form' | 'platform';
    };
    /** The form's fields: type, name and label. */
    fields?: string[];
    /** The consultation or form says it is closed ("consulta cerrada", "ya no acepta respuestas"). */
    closed?: boolean;
    /** Why this lead could not be verified (the page or form could not be read): it proves nothing either way. */
    unread?: string;
  }[];
  /** Leads not read because the collector stopped at its safety time limit (the per-site cap is not counted). */
  notRead?: number;
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

/**
 * One barrier the scanner's own accessibility checks found on a page (issue #12): the element, a CSS selector a
 * reviewer can paste into the browser's console, and a short excerpt of its HTML.
 */
export interface BarrierFinding {
  /** Id of the standards check that judges it (checks/<id>.ts). */
  check: string;
  selector: string;
  /** The element's opening tag and a little of its content, clipped. */
  html: string;
  /** What is wrong with it, when the element alone does not say (the file name used as alt, the shared text). */
  detail?: string;
}

/** A link whose accessible name is short enough to be generic ("aquí", "ver más"), for the link-text check. */
export interface ShortLink {
  /** Its accessible name as a screen reader announces it (aria-label, text, images' alt). */
  name: string;
  selector: string;
  html: string;
}

export interface AccessibilityPage {
  url: string;
  violations: AxeViolation[];
  /**
   * axe's "needs review" (incomplete) results: rules it could not decide on these elements. Shown to reviewers
   * apart from the violations; never a failure, never in a score.
   */
  needsReview?: AxeViolation[];
  /** The scanner's own checks' findings; absent when this scanner version did not gather them. */
  findings?: BarrierFinding[];
  /** Links with a short accessible name (at most a few words), read by the link-text check. */
  shortLinks?: ShortLink[];
  error?: string;
}

export interface AccessibilityEvidence {
  axeVersion: string;
  /** The axe tags that were run. */
  tags: string[];
  /** axe rules switched on by id on top of the tags (precise experimental rules). */
  extraRules?: string[];
  pages: AccessibilityPage[];
}
