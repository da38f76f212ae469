import type { Gathered, SiteTarget } from './common.js';
import type {
  AccessibilityEvidence,
  AccountsEvidence,
  ContactEvidence,
  CrawlEvidence,
  DatesEvidence,
  DownloadsEvidence,
  InstitutionalEvidence,
  InteractiveEvidence,
  OutboundLinksEvidence,
  ParticipationEvidence,
  PaymentsEvidence,
  SearchEvidence,
  ServiceCatalogEvidence,
} from './maturity.js';
import type {
  HttpsEvidence,
  LighthouseEvidence,
  RecommendationsEvidence,
  UsabilityEvidence,
} from './standards.js';

/** Every kind of evidence, by the name of the collector that gathers it. */
export interface EvidenceKinds {
  crawl: CrawlEvidence;
  institutional: InstitutionalEvidence;
  outboundLinks: OutboundLinksEvidence;
  dates: DatesEvidence;
  downloads: DownloadsEvidence;
  contact: ContactEvidence;
  search: SearchEvidence;
  interactive: InteractiveEvidence;
  accounts: AccountsEvidence;
  payments: PaymentsEvidence;
  serviceCatalog: ServiceCatalogEvidence;
  participation: ParticipationEvidence;
  accessibility: AccessibilityEvidence;
  https: HttpsEvidence;
  lighthouse: LighthouseEvidence;
  usability: UsabilityEvidence;
  recommendations: RecommendationsEvidence;
}

export type EvidenceKind = keyof EvidenceKinds;

/**
 * What the scanner hands the rubric for one site. A kind that was not gathered at all (switched off, e.g.
 * Lighthouse) is absent; one whose collector failed is present with status `error`.
 */
export interface SiteEvidence {
  target: SiteTarget;
  /** URL after redirects of the home page. */
  finalUrl: string;
  /** ISO timestamp of the scan: the "today" against which freshness is judged. */
  scannedAt: string;
  /** Set when the site could not be evaluated at all (unreachable, TLS failure, …): level 0. */
  fatal?: { code: string; message: string };
  gathered: Partial<{ [K in EvidenceKind]: Gathered<EvidenceKinds[K]> }>;
}
