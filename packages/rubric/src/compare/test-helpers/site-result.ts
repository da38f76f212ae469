// Hand-built SiteResults for the aggregate and comparison tests.
import type { SiteGroup } from '../../evidence/common.js';
import type {
  CheckResult,
  CriterionId,
  CriterionResult,
  MaturityLevel,
  Outcome,
  ScanResults,
  SiteResult,
} from '../../results.js';
import { CRITERION_IDS } from '../../criteria/index.js';

const POINTS: Record<MaturityLevel, number> = { 0: 0, 1: 20, 2: 40, 3: 60, 4: 80, 5: 100 };
const LEVEL_OF: Record<CriterionId, 1 | 2 | 3 | 4 | 5> = {
  static_info: 1,
  many_pages: 2,
  links_to_agencies: 2,
  fresh_content: 2,
  downloadable_forms: 3,
  email_contact: 3,
  working_search: 3,
  interactive_channels: 3,
  user_accounts: 3,
  e_payments: 4,
  citizen_centric_portal: 4,
  e_participation: 5,
};

export interface SiteSpec {
  url: string;
  name?: string;
  institution?: string;
  group?: SiteGroup;
  level?: MaturityLevel;
  /** Status error with this code. */
  error?: string;
  met?: CriterionId[];
  /** Criteria whose work was not finished (outcome inconclusive, not met). */
  inconclusive?: CriterionId[];
  /** The level is provisional: these inconclusive criteria could take it up to `couldReach`. */
  provisional?: { couldRaise: CriterionId[]; couldReach: MaturityLevel };
  compliance?: number | null;
  /** ruleId → pages */
  violations?: Record<string, string[]>;
  checks?: Record<string, Outcome>;
}

function criterion(id: CriterionId, met: boolean, inconclusive = false): CriterionResult {
  return {
    id,
    level: LEVEL_OF[id],
    outcome: met ? 'pass' : inconclusive ? 'inconclusive' : 'fail',
    met,
    evidence: [],
    reason: { es: met ? 'cumple' : 'no cumple', en: met ? 'met' : 'not met' },
  };
}

function check(id: string, outcome: Outcome): CheckResult {
  return {
    id,
    area: 'security',
    outcome,
    title: { es: id, en: id },
    implements: { es: '', en: '' },
    evidence: [],
  };
}

export function siteResult(spec: SiteSpec): SiteResult {
  const failed = spec.error !== undefined;
  const level: MaturityLevel = failed ? 0 : (spec.level ?? 1);
  const site: SiteResult = {
    url: spec.url,
    finalUrl: spec.url,
    name: spec.name ?? new URL(spec.url).hostname,
    group: spec.group ?? 'other',
    status: failed ? 'error' : 'ok',
    scannedAt: '2026-03-02T10:00:00.000Z',
    maturity: {
      level,
      points: POINTS[level],
      criteria: failed
        ? []
        : CRITERION_IDS.map((id) =>
            criterion(id, (spec.met ?? []).includes(id), (spec.inconclusive ?? []).includes(id)),
          ),
      ...(spec.provisional && !failed ? { provisional: true as const, ...spec.provisional } : {}),
    },
    accessibility: {
      pagesScanned: failed ? 0 : 3,
      violations: Object.entries(spec.violations ?? {}).map(([ruleId, pages]) => ({
        ruleId,
        impact: 'serious',
        wcag: ['wcag2a'],
        bestPractice: false,
        help: ruleId,
        helpUrl: '',
        nodes: pages.length,
        pages,
        selectors: [],
      })),
    },
    checks: Object.entries(spec.checks ?? {}).map(([id, outcome]) => check(id, outcome)),
    compliance: {
      areas: { accessibility: null, security: null, usability: null, recommendations: null },
      overall: failed ? null : spec.compliance === undefined ? null : spec.compliance,
    },
  };
  if (spec.institution) site.institution = spec.institution;
  if (failed) site.error = { code: spec.error!, message: `${spec.error} while loading the home page` };
  return site;
}

export function scanResults(sites: SiteResult[], startedAt = '2026-03-02T10:00:00.000Z'): ScanResults {
  return {
    schemaVersion: '1.1.0',
    tool: { name: 'egov-monitor', version: '0.1.0' },
    startedAt,
    finishedAt: startedAt,
    sites,
  };
}
