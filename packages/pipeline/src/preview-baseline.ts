import { siteIdentity } from '@egov-monitor/rubric';
import type { ScanResults, SiteResult } from '@egov-monitor/rubric';

/** `href` moved from the production origin to the preview's, when it is on the production origin. */
function move(href: string, from: URL, to: URL): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  if (url.host !== from.host) return href;
  url.protocol = to.protocol;
  url.host = to.host;
  return url.href;
}

function moveSite(site: SiteResult, from: URL, to: URL): SiteResult {
  const at = (href: string) => move(href, from, to);
  return {
    ...site,
    url: to.href,
    finalUrl: at(site.finalUrl),
    accessibility: {
      ...site.accessibility,
      ...(site.accessibility.pages ? { pages: site.accessibility.pages.map(at) } : {}),
      violations: site.accessibility.violations.map((violation) => ({
        ...violation,
        pages: violation.pages.map(at),
        ...(violation.occurrences
          ? { occurrences: violation.occurrences.map((item) => ({ ...item, page: at(item.page) })) }
          : {}),
      })),
    },
  };
}

/**
 * The baseline as if the production site had been scanned at the preview deployment's address: a pull request's
 * preview (https://pr-12.preview.example/) is compared with the main branch's run of the site
 * (https://www.example.gob.gt/), page for page. Only the site whose identity is `productionUrl` moves; its pages
 * on the production host take the preview's host (same paths), so a page compares with the same page.
 */
export function baselineAtPreview(
  previous: ScanResults,
  productionUrl: string,
  previewUrl: string,
): ScanResults {
  const from = new URL(productionUrl);
  const to = new URL(previewUrl);
  const identity = siteIdentity(productionUrl);
  return {
    ...previous,
    sites: previous.sites.map((site) =>
      siteIdentity(site.url) === identity ? moveSite(site, from, to) : site,
    ),
  };
}
