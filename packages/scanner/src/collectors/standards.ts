import type { Collector } from './collector.js';
import type { EvidenceKind } from '@egov-monitor/rubric';
import { httpsCollector } from './https.js';
import { lighthouseCollector } from './lighthouse.js';
import { recommendationsCollector } from './recommendations.js';
import { usabilityCollector } from './usability.js';

/**
 * Collectors of evidence for the standards checks (issue #3): https, lighthouse, usability, recommendations.
 * `lighthouse` carries `enabled(site)`: the site scan skips it (the kind stays absent) when it answers false,
 * i.e. when Lighthouse is switched off and SiteContext.lighthouse is not set.
 */
export const standardsCollectors: Collector<EvidenceKind>[] = [
  httpsCollector,
  usabilityCollector,
  recommendationsCollector,
  lighthouseCollector,
];
