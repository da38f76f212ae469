import type { Collector } from './collector.js';
import type { EvidenceKind } from '@egov-monitor/rubric';
import { accountsCollector } from './accounts.js';
import { contactCollector } from './contact.js';
import { datesCollector } from './dates.js';
import { downloadsCollector } from './downloads.js';
import { institutionalCollector } from './institutional.js';
import { interactiveCollector } from './interactive.js';
import { outboundLinksCollector } from './outbound-links.js';
import { participationCollector } from './participation.js';
import { paymentsCollector } from './payments.js';
import { searchCollector } from './search.js';
import { serviceCatalogCollector } from './service-catalog.js';

/**
 * Collectors of evidence for the twelve maturity criteria (issue #6). Each lives in its own file in this folder;
 * add it here. `crawl` and `accessibility` are produced by the site scan itself, not by a collector. Static
 * collectors (snapshots only) come first so a site that runs out of time still has them.
 */
export const maturityCollectors: Collector<EvidenceKind>[] = [
  institutionalCollector,
  outboundLinksCollector,
  serviceCatalogCollector,
  contactCollector,
  downloadsCollector,
  interactiveCollector,
  datesCollector,
  searchCollector,
  accountsCollector,
  paymentsCollector,
  participationCollector,
];
