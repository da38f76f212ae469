import type { SiteResult } from '../results.js';

/**
 * Whether the site's level is provisional (it depends on inconclusive verdicts, #17). Read defensively in this one
 * place: results written before the flag existed have no such field, and the flag's home may still move.
 */
export function isProvisional(site: SiteResult): boolean {
  const maturity = site.maturity as SiteResult['maturity'] & { provisional?: unknown };
  return maturity.provisional === true;
}
