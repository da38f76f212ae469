import type { ComplianceArea, ScanResults, SiteResult } from '@egov-monitor/rubric';
import { CRITERION_IDS } from '@egov-monitor/rubric';
import { renderWhole } from './format.js';
import type { ReportFormat } from './format.js';

const AREAS: ComplianceArea[] = ['accessibility', 'security', 'usability', 'recommendations'];

export const CSV_COLUMNS: readonly string[] = [
  'url',
  'final_url',
  'name',
  'acronym',
  'institution',
  'group',
  'status',
  'error_code',
  'level',
  'points',
  // 1 when inconclusive criteria could raise the level (the level is then a floor), else 0; blank for error sites.
  'level_provisional',
  ...CRITERION_IDS,
  ...AREAS.map((a) => `compliance_${a}`),
  'compliance_overall',
  'axe_violations',
  'axe_nodes',
];

type Cell = string | number | null | undefined;

/**
 * One RFC 4180 field. Spreadsheets run a cell that starts with = + - @ (and tab / carriage return) as a formula
 * (OWASP "CSV injection"), and site names come from the sites, so such text gets a leading apostrophe.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function criterionCell(site: SiteResult, id: string): Cell {
  if (site.status !== 'ok') return null;
  const c = site.maturity.criteria.find((x) => x.id === id);
  // Blank, not 0, when the criterion could not be judged: "not met" would be a claim we cannot back.
  if (!c || c.outcome === 'error' || c.outcome === 'not-applicable' || c.outcome === 'inconclusive')
    return null;
  return c.met ? 1 : 0;
}

function row(site: SiteResult): Cell[] {
  const ok = site.status === 'ok';
  return [
    site.url,
    site.finalUrl,
    site.name,
    site.acronym,
    site.institution,
    site.group,
    site.status,
    site.error?.code,
    site.maturity.level,
    site.maturity.points,
    ok ? (site.maturity.provisional ? 1 : 0) : null,
    ...CRITERION_IDS.map((id) => criterionCell(site, id)),
    ...AREAS.map((a) => site.compliance.areas[a]),
    site.compliance.overall,
    ok ? site.accessibility.violations.length : null,
    ok ? site.accessibility.violations.reduce((n, v) => n + v.nodes, 0) : null,
  ];
}

/** The header line of report.csv, with its CRLF. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.map(csvField).join(',')}\r\n`;
}

/** One site's line of report.csv, with its CRLF: the file is written one site at a time. */
export function csvRow(site: SiteResult): string {
  return `${row(site).map(csvField).join(',')}\r\n`;
}

/** One row per site (report.csv), CRLF line ends as RFC 4180 says; numbers in plain dot-decimal form. */
export const csvFormat: ReportFormat = { file: 'report.csv', head: csvHeader, site: csvRow, end: () => '' };

export function renderCsv(results: ScanResults): string {
  return renderWhole(csvFormat, results, 'en');
}
