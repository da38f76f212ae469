export { buildSite, HISTORY_CSV_COLUMNS } from './build-site.js';
export type { BuildSiteOptions, BuildSiteResult } from './build-site.js';
export { institutionSlug, pageSlug, sitePageUrl, sitePaths, siteSlug } from './paths.js';
