/**
 * Weights and thresholds of the standards checks (checks/) and of the compliance scores (compliance.ts). Data,
 * like Lighthouse's default-config weights: the defaults live in data/default-compliance.json, a user's rubric
 * file may override any part of them, and `complianceConfigSchema` validates that part.
 */
import type { ComplianceArea } from './results.js';
import { CHECKS } from './checks/index.js';
import defaults from './data/default-compliance.json' with { type: 'json' };

export const COMPLIANCE_AREAS: readonly ComplianceArea[] = [
  'accessibility',
  'security',
  'usability',
  'recommendations',
];

/** Every number a check compares against. */
export interface ComplianceThresholds {
  /** Lowest acceptable Lighthouse category score (0–100) on every key page. */
  lighthouseMinScore: { accessibility: number; performance: number; seo: number; bestPractices: number };
  /** HSTS max-age that counts as strong; one year, as hstspreload.org and pshtt's "Strong HSTS" require. */
  hstsMinMaxAgeSeconds: number;
  /** Oldest acceptable TLS protocol version, as a number (1.2 = TLS 1.2). */
  minTlsVersion: number;
  /** Days the certificate must still be valid, so renewal is not a last-minute outage. */
  certificateMinDaysLeft: number;
  /** How many of the four security headers (CSP, nosniff, frame protection, Referrer-Policy) must be set. */
  securityHeadersMin: number;
  /** Largest acceptable share (0–1) of visible text below 12px on any page. */
  maxSmallTextRatio: number;
  /** Largest acceptable number of undersized tap targets on any page (WCAG 2.2 SC 2.5.8). */
  maxSmallTapTargets: number;
  /** Heaviest acceptable page, in bytes transferred, for people on slow rural connections. */
  maxPageBytes: number;
}

export interface ComplianceConfig {
  areaWeights: Record<ComplianceArea, number>;
  /** Weight of each check within its area, by check id. A check not listed weighs 1. */
  checkWeights: Record<string, number>;
  thresholds: ComplianceThresholds;
  /** File extensions (lower case, no dot) of open and of proprietary document formats (principle 6). */
  documentFormats: { open: string[]; proprietary: string[] };
}

/** What a user's rubric file may give: any part of the config, merged over the defaults. */
export interface ComplianceConfigInput {
  areaWeights?: Partial<Record<ComplianceArea, number>>;
  checkWeights?: Record<string, number>;
  thresholds?: Partial<Omit<ComplianceThresholds, 'lighthouseMinScore'>> & {
    lighthouseMinScore?: Partial<ComplianceThresholds['lighthouseMinScore']>;
  };
  documentFormats?: Partial<ComplianceConfig['documentFormats']>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Ids of every standards check, in the registry's order (checks/index.ts). */
export const CHECK_IDS: readonly string[] = Object.freeze(CHECKS.map((check) => check.meta.id));

/** Each check's default weight, from its module's meta (data/default-compliance.json shows them, generated). */
function checkWeights(): Record<string, number> {
  return Object.fromEntries(CHECKS.map((check) => [check.meta.id, check.meta.weight]));
}

export const defaultComplianceConfig: ComplianceConfig = deepFreeze({
  ...(structuredClone(defaults) as ComplianceConfig),
  checkWeights: checkWeights(),
});

/**
 * data/default-compliance.json as `npm run docs` writes it: `checkWeights` from the checks' meta, the rest (area
 * weights, thresholds, document formats) as edited by hand. A test fails when the file on disk differs.
 */
export function renderDefaultComplianceFile(current: string): string {
  const data = JSON.parse(current) as ComplianceConfig;
  return `${JSON.stringify({ ...data, checkWeights: checkWeights() }, null, 2)}\n`;
}

/** The config a user's partial input yields over `base`; lists replace, objects merge key by key. */
export function mergeComplianceConfig(
  base: ComplianceConfig,
  input: ComplianceConfigInput | undefined,
): ComplianceConfig {
  if (!input) return structuredClone(base);
  return {
    areaWeights: { ...base.areaWeights, ...input.areaWeights },
    checkWeights: { ...base.checkWeights, ...input.checkWeights },
    thresholds: {
      ...base.thresholds,
      ...input.thresholds,
      lighthouseMinScore: { ...base.thresholds.lighthouseMinScore, ...input.thresholds?.lighthouseMinScore },
    },
    documentFormats: {
      open: [...(input.documentFormats?.open ?? base.documentFormats.open)],
      proprietary: [...(input.documentFormats?.proprietary ?? base.documentFormats.proprietary)],
    },
  };
}

const weight = { type: 'number', minimum: 0 } as const;
const score = { type: 'number', minimum: 0, maximum: 100 } as const;
const extensions = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9]+$' },
  uniqueItems: true,
} as const;

/**
 * JSON Schema (draft 2020-12 / draft-07 compatible) of the `compliance` part of a user's rubric file. Every key is
 * optional (the file overrides the defaults) and unknown keys are refused, so a typo names itself.
 */
export const complianceConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    areaWeights: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(COMPLIANCE_AREAS.map((area) => [area, weight])),
    },
    checkWeights: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(CHECK_IDS.map((id) => [id, weight])),
    },
    thresholds: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lighthouseMinScore: {
          type: 'object',
          additionalProperties: false,
          properties: { accessibility: score, performance: score, seo: score, bestPractices: score },
        },
        hstsMinMaxAgeSeconds: { type: 'integer', minimum: 0 },
        minTlsVersion: { type: 'number', enum: [1, 1.1, 1.2, 1.3] },
        certificateMinDaysLeft: { type: 'integer', minimum: 0 },
        securityHeadersMin: { type: 'integer', minimum: 0, maximum: 4 },
        maxSmallTextRatio: { type: 'number', minimum: 0, maximum: 1 },
        maxSmallTapTargets: { type: 'integer', minimum: 0 },
        maxPageBytes: { type: 'integer', minimum: 0 },
      },
    },
    documentFormats: {
      type: 'object',
      additionalProperties: false,
      properties: { open: extensions, proprietary: extensions },
    },
  },
} as const;
