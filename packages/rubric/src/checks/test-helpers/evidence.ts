// Hand-built evidence for the checks' tests: a site that passes every check, which each test then breaks.
import type { AccessibilityEvidence } from '../../evidence/maturity.js';
import type { EvidenceKind, EvidenceKinds, SiteEvidence } from '../../evidence/site.js';
import type {
  HttpsEvidence,
  LighthouseEvidence,
  RecommendationsEvidence,
  UsabilityEvidence,
} from '../../evidence/standards.js';
import { defaultComplianceConfig } from '../../compliance-config.js';
import type { CheckSettings } from '../check.js';

export const HOME = 'https://www.minex.gob.gt/';

export function httpsEvidence(patch: Partial<HttpsEvidence> = {}): HttpsEvidence {
  return {
    domain: 'minex.gob.gt',
    endpoints: [
      { url: 'http://minex.gob.gt/', live: true, status: 301, redirectTo: 'https://www.minex.gob.gt/' },
      { url: 'http://www.minex.gob.gt/', live: true, status: 301, redirectTo: 'https://www.minex.gob.gt/' },
      { url: 'https://minex.gob.gt/', live: true, status: 301, redirectTo: 'https://www.minex.gob.gt/' },
      { url: 'https://www.minex.gob.gt/', live: true, status: 200, redirectTo: null },
    ],
    live: true,
    httpsLive: true,
    validHttps: true,
    badChain: false,
    badHostname: false,
    expired: false,
    selfSigned: false,
    defaultsToHttps: true,
    downgradesHttps: false,
    strictlyForcesHttps: true,
    redirectTarget: 'https://www.minex.gob.gt/',
    hsts: true,
    hstsMaxAge: 31536000,
    hstsIncludeSubdomains: true,
    hstsPreload: false,
    strongHsts: true,
    certificateDaysLeft: 80,
    tlsVersion: 'TLSv1.3',
    securityHeaders: {
      contentSecurityPolicy: "default-src 'self'",
      xContentTypeOptions: 'nosniff',
      frameProtection: 'SAMEORIGIN',
      referrerPolicy: 'strict-origin-when-cross-origin',
    },
    securityTxt: { found: true, url: 'https://www.minex.gob.gt/.well-known/security.txt' },
    mixedContent: [],
    ...patch,
  };
}

export function accessibilityEvidence(patch: Partial<AccessibilityEvidence> = {}): AccessibilityEvidence {
  return {
    axeVersion: '4.14.0',
    tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    pages: [
      { url: HOME, violations: [], needsReview: [], findings: [], shortLinks: [] },
      { url: `${HOME}tramites`, violations: [], needsReview: [], findings: [], shortLinks: [] },
    ],
    ...patch,
  };
}

export function lighthouseEvidence(patch: Partial<LighthouseEvidence> = {}): LighthouseEvidence {
  return {
    lighthouseVersion: '12.8.0',
    pages: [
      { url: HOME, scores: { accessibility: 95, bestPractices: 96, seo: 92, performance: 71 } },
      { url: `${HOME}tramites`, scores: { accessibility: 91, bestPractices: 100, seo: 90, performance: 64 } },
    ],
    ...patch,
  };
}

type UsabilityPage = UsabilityEvidence['pages'][number];

export function usabilityPage(patch: Partial<UsabilityPage> = {}): UsabilityPage {
  return {
    url: HOME,
    viewport: 'width=device-width, initial-scale=1',
    lang: 'es-GT',
    contentLang: 'es',
    title: 'Ministerio de Relaciones Exteriores',
    description: 'Servicios consulares, pasaportes y trámites del Ministerio.',
    smallTextRatio: 0.05,
    smallTapTargets: 0,
    pageBytes: 900_000,
    ...patch,
  };
}

export function usabilityEvidence(patch: Partial<UsabilityEvidence> = {}): UsabilityEvidence {
  return {
    pages: [usabilityPage(), usabilityPage({ url: `${HOME}tramites`, title: 'Trámites' })],
    notFoundProbe: { url: `${HOME}egov-monitor-7f3a9c-no-existe`, status: 404, soft404: false },
    ...patch,
  };
}

export function recommendationsEvidence(
  patch: Partial<RecommendationsEvidence> = {},
): RecommendationsEvidence {
  return {
    findings: [
      {
        kind: 'privacy_policy',
        url: `${HOME}privacidad`,
        detail: 'link "Política de privacidad" in the footer',
      },
      { kind: 'national_portal_link', url: HOME, detail: 'link to https://www.guatemala.gob.gt/' },
      { kind: 'procedure_requirements', url: `${HOME}tramites/pasaporte`, detail: 'heading "Requisitos"' },
      {
        kind: 'procedure_tracking',
        url: `${HOME}consulta-expediente`,
        detail: 'form "Consulte el estado de su trámite"',
      },
      { kind: 'open_data', url: `${HOME}datos-abiertos`, detail: '3 CSV datasets' },
      {
        kind: 'public_information',
        url: `${HOME}informacion-publica`,
        detail: 'heading "Información pública de oficio"',
      },
      { kind: 'feedback_channel', url: `${HOME}buzon`, detail: 'form "Quejas y sugerencias"' },
      { kind: 'open_formats', url: `${HOME}formularios`, detail: 'solicitud.pdf' },
    ],
    documentFormats: { pdf: 12, docx: 2 },
    ...patch,
  };
}

export type GatheredPatch = Partial<{ [K in EvidenceKind]: EvidenceKinds[K] | 'absent' | 'error' }>;

/** A site whose every standards evidence kind is present and good; `patch` replaces, removes or fails kinds. */
export function siteEvidence(patch: GatheredPatch = {}, fatal?: SiteEvidence['fatal']): SiteEvidence {
  const kinds: GatheredPatch = {
    https: httpsEvidence(),
    accessibility: accessibilityEvidence(),
    lighthouse: lighthouseEvidence(),
    usability: usabilityEvidence(),
    recommendations: recommendationsEvidence(),
    ...patch,
  };
  const gathered: SiteEvidence['gathered'] = {};
  for (const [kind, value] of Object.entries(kinds) as [EvidenceKind, unknown][]) {
    if (value === 'absent') continue;
    (gathered as Record<string, unknown>)[kind] =
      value === 'error'
        ? { status: 'error', error: { code: 'collector-crashed', message: `${kind} collector threw` } }
        : { status: 'ok', data: value };
  }
  const evidence: SiteEvidence = {
    target: { url: 'https://minex.gob.gt', name: 'Ministerio de Relaciones Exteriores', group: 'ministerio' },
    finalUrl: HOME,
    scannedAt: '2026-03-02T10:00:00.000Z',
    gathered,
  };
  if (fatal) evidence.fatal = fatal;
  return evidence;
}

export const SETTINGS: CheckSettings = {
  thresholds: defaultComplianceConfig.thresholds,
  documentFormats: defaultComplianceConfig.documentFormats,
};

export function settingsWith(thresholds: Partial<CheckSettings['thresholds']>): CheckSettings {
  return { ...SETTINGS, thresholds: { ...SETTINGS.thresholds, ...thresholds } };
}
