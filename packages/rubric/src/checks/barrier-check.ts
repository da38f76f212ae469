import type { EvidencePointer, Localized } from '../evidence/common.js';
import type { BarrierFinding, AccessibilityPage } from '../evidence/maturity.js';
import type { SiteEvidence } from '../evidence/site.js';
import type { Check, CheckOutput } from './check.js';
import { capped, error, gathered, judge, notApplicable, siteUrl } from './check.js';
import { ACCESSIBILITY } from './implements.js';

/** A WCAG 2.2 success criterion, as reports name it. */
export interface SuccessCriterion {
  number: string;
  name: Localized;
}

/** What a barrier check implements: its WCAG success criterion, then the Carta's principles (implements.ts). */
export function implementsCriterion(sc: SuccessCriterion): Localized {
  return {
    es: `WCAG 2.2, criterio ${sc.number} ${sc.name.es}; ${ACCESSIBILITY.es}`,
    en: `WCAG 2.2 SC ${sc.number} ${sc.name.en}; ${ACCESSIBILITY.en}`,
  };
}

/** One finding as a pointer a reviewer opens: the page, then the selector and the HTML to look for. */
export function findingPointer(
  url: string,
  finding: Pick<BarrierFinding, 'selector' | 'html' | 'detail'>,
): EvidencePointer {
  const what = finding.detail ? `${finding.detail}: ` : '';
  return { url, detail: `${what}${finding.selector} — ${finding.html}` };
}

/**
 * The pages the scanner's own accessibility checks ran on, in URL order, or the output when there is nothing to
 * judge: axe failing on every page is an error; evidence from a scanner that did not gather these findings is
 * not-applicable (it proves nothing either way).
 */
export function barrierPages(
  evidence: SiteEvidence,
): { pages: AccessibilityPage[] } | { output: CheckOutput } {
  const axe = gathered(evidence, 'accessibility');
  const url = siteUrl(evidence);
  const ran = axe.pages.filter((page) => !page.error).sort((a, b) => a.url.localeCompare(b.url));
  if (ran.length === 0) {
    return {
      output: error(
        url,
        axe.pages.length === 0 ? 'no page was analysed' : 'the accessibility scan failed on every page',
      ),
    };
  }
  const read = ran.filter((page) => page.findings !== undefined);
  if (read.length === 0)
    return { output: notApplicable(url, 'this scan did not run the own accessibility checks') };
  return { pages: read };
}

/** Fails on every page's findings of `check`, naming each element; passes with the number of pages read. */
export function judgeFindings(
  evidence: SiteEvidence,
  pages: AccessibilityPage[],
  found: (page: AccessibilityPage) => EvidencePointer[],
  passDetail: string,
): CheckOutput {
  const pointers = pages.flatMap(found);
  if (pointers.length === 0)
    return judge(true, [{ url: siteUrl(evidence), detail: `${passDetail} on ${pages.length} page(s)` }], 0);
  return judge(false, capped(pointers, siteUrl(evidence)), pointers.length);
}

/**
 * A standards check over the findings the scanner's own accessibility checks recorded under its id: it fails on
 * any such barrier (a defect found stands even when some pages could not be read), value = elements found.
 * `pointers` reads another part of the page's evidence instead (short links, an axe rule).
 */
export function barrierCheck(options: {
  id: string;
  weight: number;
  criterion: SuccessCriterion;
  title: Localized;
  hint: Localized;
  /** Said when it passes, before "on N page(s)". */
  passDetail: string;
  /** The barriers of one page; default: the findings recorded under the check's id. */
  pointers?: (page: AccessibilityPage) => EvidencePointer[];
}): Check {
  const pointers =
    options.pointers ??
    ((page: AccessibilityPage) =>
      (page.findings ?? [])
        .filter((finding) => finding.check === options.id)
        .map((finding) => findingPointer(page.url, finding)));
  return {
    meta: {
      id: options.id,
      weight: options.weight,
      area: 'accessibility',
      title: options.title,
      implements: implementsCriterion(options.criterion),
      hint: options.hint,
      requiredEvidence: ['accessibility'],
      failsOnFindings: true,
    },
    evaluate(evidence) {
      const found = barrierPages(evidence);
      if ('output' in found) return found.output;
      return judgeFindings(evidence, found.pages, pointers, options.passDetail);
    },
  };
}
