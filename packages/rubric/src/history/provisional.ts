import type { SiteResult } from '../results.js';

/** Whether the site's level is provisional: it is a floor that inconclusive verdicts could raise (#17). */
export function isProvisional(site: Pick<SiteResult, 'maturity'>): boolean {
  return site.maturity.provisional === true;
}
