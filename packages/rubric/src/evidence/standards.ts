/**
 * Evidence for the standards checks of the methodology (HTTPS, security headers, Lighthouse, usability and the
 * report's recommendations). Owned by the standards work (issue #3); fields may grow, never silently change meaning.
 */

/** HTTPS probe with the semantics of cisagov/pshtt, over http/https × root/www. */
export interface HttpsEvidence {
  domain: string;
  endpoints: {
    url: string;
    live: boolean;
    status: number | null;
    redirectTo: string | null;
    error?: string;
    /** URLs visited from this endpoint, itself first, following redirects (bounded). */
    redirectChain?: string[];
    /** OpenSSL / host-name verdict of this HTTPS endpoint's certificate, null when valid. */
    certificateProblem?: string | null;
  }[];
  /** pshtt's "Canonical URL": the endpoint the domain's behaviour points to. */
  canonicalUrl?: string;
  live: boolean;
  httpsLive: boolean;
  validHttps: boolean;
  badChain: boolean;
  badHostname: boolean;
  expired: boolean;
  selfSigned: boolean;
  defaultsToHttps: boolean;
  downgradesHttps: boolean;
  strictlyForcesHttps: boolean;
  redirectTarget: string | null;
  hsts: boolean;
  hstsMaxAge: number | null;
  hstsIncludeSubdomains: boolean;
  hstsPreload: boolean;
  strongHsts: boolean;
  certificateDaysLeft: number | null;
  tlsVersion: string | null;
  securityHeaders: {
    contentSecurityPolicy: string | null;
    xContentTypeOptions: string | null;
    frameProtection: string | null;
    referrerPolicy: string | null;
  };
  securityTxt: { found: boolean; url: string };
  /** http:// subresources seen on https pages during the crawl. */
  mixedContent: { pageUrl: string; resourceUrl: string; blocked: boolean }[];
}

export interface LighthouseEvidence {
  lighthouseVersion: string;
  pages: {
    url: string;
    /** Category scores 0–100, null when Lighthouse could not score it. */
    scores: {
      accessibility: number | null;
      bestPractices: number | null;
      seo: number | null;
      performance: number | null;
    };
    error?: string;
  }[];
}

export interface UsabilityEvidence {
  pages: {
    url: string;
    viewport: string | null;
    lang: string | null;
    /** Language detected from the page's visible text (es, en, …), null when unsure. */
    contentLang: string | null;
    title: string;
    description: string | null;
    /** Share (0–1) of visible text rendered below 12px. */
    smallTextRatio: number;
    /** Tap targets smaller than 24×24 CSS px (WCAG 2.2 SC 2.5.8). */
    smallTapTargets: number;
    /** Bytes transferred for the page and its subresources. */
    pageBytes: number;
  }[];
  /** A random path on the site: a correct server answers 404. */
  notFoundProbe: { url: string; status: number; soft404: boolean };
}

export type RecommendationKind =
  | 'privacy_policy'
  | 'national_portal_link'
  | 'procedure_requirements'
  | 'procedure_tracking'
  | 'open_data'
  | 'public_information'
  | 'feedback_channel'
  | 'open_formats';

export interface RecommendationsEvidence {
  findings: { kind: RecommendationKind; url: string; detail: string }[];
  /** File types of the documents linked from the site, with counts (pdf, odt, docx, …). */
  documentFormats: Record<string, number>;
}
