import type { ComplianceConfig } from '../compliance-config.js';
import type { SiteEvidence } from '../evidence/site.js';
import type { CheckResult } from '../results.js';
import type { Check } from './check.js';
import { runCheck } from './check.js';
import { altEmptyTitle } from './alt-empty-title.js';
import { altFileName } from './alt-file-name.js';
import { duplicateIds } from './duplicate-ids.js';
import { fieldsetLegend } from './fieldset-legend.js';
import { groupedChoices } from './grouped-choices.js';
import { linkHash } from './link-hash.js';
import { linkSameText } from './link-same-text.js';
import { linkTextCheck } from './link-text.js';
import { placeholderLabel } from './placeholder-label.js';
import { reflow } from './reflow.js';
import { singleLabel } from './single-label.js';
import { tableHeaders } from './table-headers.js';
import { tableOnlyHeaders } from './table-only-headers.js';
import { certificateExpiry } from './certificate-expiry.js';
import { feedbackChannel } from './feedback-channel.js';
import { hsts } from './hsts.js';
import { hstsStrong } from './hsts-strong.js';
import { htmlLang } from './html-lang.js';
import { httpsEnforced } from './https-enforced.js';
import { httpsValid } from './https-valid.js';
import { lighthouseAccessibility } from './lighthouse-accessibility.js';
import { lighthouseBestPractices } from './lighthouse-best-practices.js';
import { lighthousePerformance } from './lighthouse-performance.js';
import { lighthouseSeo } from './lighthouse-seo.js';
import { nationalPortalLink } from './national-portal-link.js';
import { noMixedContent } from './no-mixed-content.js';
import { notFoundStatus } from './not-found-status.js';
import { openData } from './open-data.js';
import { openFormats } from './open-formats.js';
import { pageWeight } from './page-weight.js';
import { privacyPolicy } from './privacy-policy.js';
import { procedureRequirements } from './procedure-requirements.js';
import { procedureTracking } from './procedure-tracking.js';
import { publicInformation } from './public-information.js';
import { readableText } from './readable-text.js';
import { securityHeaders } from './security-headers.js';
import { securityTxt } from './security-txt.js';
import { tapTargets } from './tap-targets.js';
import { titleDescription } from './title-description.js';
import { tlsVersion } from './tls-version.js';
import { viewport } from './viewport.js';
import { wcagA } from './wcag-a.js';
import { wcagAa } from './wcag-aa.js';

export type { Check, CheckMeta, CheckOutput, CheckSettings } from './check.js';
export { runCheck } from './check.js';

/** Every standards check, in report order: by area, then from the most to the least fundamental. */
export const CHECKS: readonly Check[] = Object.freeze([
  wcagA,
  wcagAa,
  lighthouseAccessibility,
  // the scanner's own checks of the barriers axe does not report (issue #12), by WCAG principle: perceivable,
  // operable, understandable, robust
  altFileName,
  altEmptyTitle,
  tableHeaders,
  tableOnlyHeaders,
  fieldsetLegend,
  groupedChoices,
  singleLabel,
  reflow,
  linkTextCheck,
  linkSameText,
  placeholderLabel,
  linkHash,
  duplicateIds,
  httpsValid,
  httpsEnforced,
  hsts,
  hstsStrong,
  tlsVersion,
  certificateExpiry,
  noMixedContent,
  securityHeaders,
  securityTxt,
  viewport,
  htmlLang,
  titleDescription,
  readableText,
  tapTargets,
  pageWeight,
  lighthousePerformance,
  lighthouseSeo,
  lighthouseBestPractices,
  notFoundStatus,
  privacyPolicy,
  nationalPortalLink,
  procedureRequirements,
  procedureTracking,
  openData,
  publicInformation,
  feedbackChannel,
  openFormats,
]);

/** The part of a Rubric the checks read (Pick-style, so any Rubric fits). */
export interface ChecksRubric {
  compliance: ComplianceConfig;
}

/** Every check over one site's evidence, in CHECKS order. Never throws. */
export function evaluateChecks(evidence: SiteEvidence, rubric: ChecksRubric): CheckResult[] {
  const settings = {
    thresholds: rubric.compliance.thresholds,
    documentFormats: rubric.compliance.documentFormats,
  };
  return CHECKS.map((check) => runCheck(check, evidence, settings));
}
