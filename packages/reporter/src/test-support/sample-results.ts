/**
 * Hand-built results for the reporter's tests: the rubric's functions are written in parallel, so these are typed
 * objects shaped like what `evaluateSite`, `aggregate` and `compareRuns` return. Realistic on purpose: Guatemalan
 * executive-branch sites of different levels, one that could not be reached, one whose page title is hostile.
 */
import type {
  Aggregates,
  CheckResult,
  ComplianceScores,
  CriterionId,
  CriterionResult,
  MergedAxeViolation,
  RunComparison,
  ScanResults,
  SiteResult,
} from '@egov-monitor/rubric';
import { CRITERIA, CRITERION_IDS } from '@egov-monitor/rubric';

export const HOSTILE_NAME =
  '# Título **negrita** <script>alert(1)</script> @octocat [x](javascript:alert(1)) | col';

/** Level and title of each criterion, from the registry as evaluateSite gives them. */
const META = new Map(CRITERIA.map((criterion) => [criterion.meta.id, criterion.meta]));

type CriterionSpec = Partial<
  Record<
    CriterionId,
    { met: boolean; outcome?: CriterionResult['outcome']; evidence?: CriterionResult['evidence'] }
  >
>;

function criteria(origin: string, spec: CriterionSpec): CriterionResult[] {
  return CRITERION_IDS.map((id) => {
    const s = spec[id] ?? { met: false };
    const outcome = s.outcome ?? (s.met ? 'pass' : 'fail');
    return {
      id,
      level: META.get(id)!.level,
      title: META.get(id)!.title,
      outcome,
      met: s.met,
      evidence:
        s.evidence ?? (s.met ? [{ url: `${origin}/`, detail: `${id}: encontrado en la portada` }] : []),
      reason: s.met
        ? { es: 'Se encontró evidencia suficiente.', en: 'Enough evidence was found.' }
        : outcome === 'error'
          ? { es: 'No se pudo reunir la evidencia.', en: 'The evidence could not be gathered.' }
          : { es: 'No se encontró evidencia.', en: 'No evidence was found.' },
    };
  });
}

function checks(origin: string, outcomes: Record<string, CheckResult['outcome']>): CheckResult[] {
  const defs: Omit<CheckResult, 'outcome' | 'evidence'>[] = [
    {
      id: 'https-valid-certificate',
      area: 'security',
      title: { es: 'Certificado HTTPS válido', en: 'Valid HTTPS certificate' },
      implements: { es: 'Principio 7: Proporcionalidad', en: 'Principle 7: Proportionality' },
      hint: {
        es: 'Renueve el certificado y sirva la cadena completa.',
        en: 'Renew the certificate and serve the full chain.',
      },
    },
    {
      id: 'hsts',
      area: 'security',
      title: { es: 'Cabecera HSTS', en: 'HSTS header' },
      implements: { es: 'Principio 2: Legalidad', en: 'Principle 2: Legality' },
      hint: {
        es: 'Envíe Strict-Transport-Security con max-age de al menos un año.',
        en: 'Send Strict-Transport-Security with a max-age of at least one year.',
      },
    },
    {
      id: 'privacy-policy',
      area: 'recommendations',
      title: { es: 'Política de privacidad publicada', en: 'Privacy policy published' },
      implements: {
        es: 'Recomendación: adoptar y publicar una política de privacidad',
        en: 'Recommendation: adopt and publish a privacy policy',
      },
      hint: {
        es: 'Publique una política de privacidad y enlácela desde el pie de página.',
        en: 'Publish a privacy policy and link it from the footer.',
      },
    },
    {
      id: 'mobile-viewport',
      area: 'usability',
      title: { es: 'Adaptado a teléfonos', en: 'Mobile viewport' },
      implements: {
        es: 'Recomendación: estándares de diseño y usabilidad',
        en: 'Recommendation: design and usability standards',
      },
      hint: {
        es: 'Agregue <meta name="viewport" content="width=device-width">.',
        en: 'Add <meta name="viewport" content="width=device-width">.',
      },
    },
    {
      id: 'wcag-aa',
      area: 'accessibility',
      title: { es: 'WCAG 2.x A/AA sin infracciones graves', en: 'WCAG 2.x A/AA without serious violations' },
      implements: {
        es: 'Principios 1 y 4: Igualdad; Transparencia y accesibilidad',
        en: 'Principles 1 and 4: Equality; Transparency and accessibility',
      },
      hint: {
        es: 'Corrija las infracciones listadas abajo, empezando por las críticas.',
        en: 'Fix the violations listed below, starting with the critical ones.',
      },
    },
  ];
  return defs
    .map((d) => {
      const outcome = outcomes[d.id] ?? 'pass';
      return {
        ...d,
        outcome,
        evidence: [{ url: `${origin}/`, detail: `${d.id}: ${outcome}` }],
        ...(outcome === 'pass' ? { hint: undefined } : {}),
        value: d.id === 'https-valid-certificate' ? 87 : null,
      };
    })
    .map((c) => {
      // A passing check carries no hint; drop the key instead of keeping `undefined` so JSON stays clean.
      if (c.hint === undefined) {
        const { hint: _hint, ...rest } = c;
        return rest;
      }
      return c;
    });
}

function compliance(
  a: number | null,
  s: number | null,
  u: number | null,
  r: number | null,
): ComplianceScores {
  const present = [a, s, u, r].filter((v): v is number => v !== null);
  return {
    areas: { accessibility: a, security: s, usability: u, recommendations: r },
    overall: present.length
      ? Math.round((present.reduce((x, y) => x + y, 0) / present.length) * 10) / 10
      : null,
  };
}

const contrast: MergedAxeViolation = {
  ruleId: 'color-contrast',
  impact: 'serious',
  wcag: ['wcag2aa', 'wcag143'],
  bestPractice: false,
  help: 'Elements must meet minimum color contrast ratio thresholds',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/color-contrast',
  nodes: 14,
  pages: ['https://www.minfin.gob.gt/', 'https://www.minfin.gob.gt/tramites'],
  selectors: ['.menu > li:nth-child(2) > a', '#footer p'],
};

const imageAlt: MergedAxeViolation = {
  ruleId: 'image-alt',
  impact: 'critical',
  wcag: ['wcag2a', 'wcag111'],
  bestPractice: false,
  help: 'Images must have alternative text',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/image-alt',
  nodes: 3,
  pages: ['https://www.minfin.gob.gt/'],
  selectors: ['img.banner'],
};

const minfin: SiteResult = {
  url: 'https://www.minfin.gob.gt/',
  finalUrl: 'https://www.minfin.gob.gt/',
  name: 'Ministerio de Finanzas Públicas',
  acronym: 'MINFIN',
  institution: 'Ministerio de Finanzas Públicas',
  group: 'ministerio',
  status: 'ok',
  scannedAt: '2026-03-02T14:05:09.000Z',
  maturity: {
    level: 3,
    points: 60,
    criteria: criteria('https://www.minfin.gob.gt', {
      static_info: {
        met: true,
        evidence: [
          { url: 'https://www.minfin.gob.gt/quienes-somos', detail: 'enlace «Quiénes somos» en el menú' },
        ],
      },
      many_pages: {
        met: true,
        evidence: [
          {
            url: 'https://www.minfin.gob.gt/',
            detail: '48 páginas HTML distintas alcanzadas desde la portada',
          },
        ],
      },
      links_to_agencies: {
        met: true,
        evidence: [
          { url: 'https://www.minfin.gob.gt/enlaces', detail: 'enlace a sat.gob.gt' },
          { url: 'https://www.minfin.gob.gt/enlaces', detail: 'enlace a guatecompras.gt' },
          { url: 'https://www.minfin.gob.gt/enlaces', detail: 'enlace a contraloria.gob.gt' },
        ],
      },
      fresh_content: {
        met: true,
        evidence: [
          { url: 'https://www.minfin.gob.gt/noticias', detail: 'noticia fechada «14 de febrero de 2026»' },
        ],
      },
      downloadable_forms: {
        met: true,
        evidence: [
          {
            url: 'https://www.minfin.gob.gt/formularios/solicitud.pdf',
            detail: 'formulario PDF (application/pdf, 182 KB)',
          },
        ],
      },
      email_contact: {
        met: true,
        evidence: [{ url: 'https://www.minfin.gob.gt/contacto', detail: 'mailto:info@minfin.gob.gt' }],
      },
      working_search: {
        met: true,
        evidence: [
          {
            url: 'https://www.minfin.gob.gt/buscar?q=presupuesto',
            detail: 'consulta «presupuesto»: 23 resultados',
          },
        ],
      },
      interactive_channels: { met: false },
      user_accounts: { met: false },
      e_payments: { met: false },
      citizen_centric_portal: { met: false },
      e_participation: { met: false },
    }),
  },
  accessibility: { pagesScanned: 12, violations: [imageAlt, contrast] },
  checks: checks('https://www.minfin.gob.gt', { hsts: 'fail', 'wcag-aa': 'fail' }),
  compliance: compliance(40, 50, 100, 100),
  lighthouse: [
    {
      url: 'https://www.minfin.gob.gt/',
      scores: { accessibility: 78, performance: 41, 'best-practices': 92, seo: 90 },
    },
  ],
};

const mineco: SiteResult = {
  url: 'https://www.mineco.gob.gt/',
  finalUrl: 'https://www.mineco.gob.gt/inicio',
  name: 'Ministerio de Economía',
  acronym: 'MINECO',
  institution: 'Ministerio de Economía',
  group: 'ministerio',
  status: 'ok',
  scannedAt: '2026-03-02T14:09:41.000Z',
  maturity: {
    level: 4,
    points: 80,
    criteria: criteria('https://www.mineco.gob.gt', {
      static_info: { met: true },
      many_pages: { met: true },
      links_to_agencies: { met: true },
      fresh_content: { met: false },
      downloadable_forms: { met: true },
      email_contact: { met: true },
      working_search: { met: false },
      interactive_channels: { met: true },
      user_accounts: { met: true },
      e_payments: {
        met: true,
        evidence: [
          {
            url: 'https://pagos.mineco.gob.gt/pagar',
            detail: 'formulario de tarjeta que envía a https://pagos.mineco.gob.gt/procesar (VisaNet)',
          },
        ],
      },
      citizen_centric_portal: { met: true },
      e_participation: { met: false },
    }),
  },
  accessibility: {
    pagesScanned: 20,
    violations: [
      { ...contrast, nodes: 5, pages: ['https://www.mineco.gob.gt/inicio'], selectors: ['.btn-light'] },
    ],
  },
  checks: checks('https://www.mineco.gob.gt', { 'wcag-aa': 'fail' }),
  compliance: compliance(60, 100, 100, 100),
};

const mspas: SiteResult = {
  url: 'https://www.mspas.gob.gt/',
  finalUrl: 'https://www.mspas.gob.gt/',
  name: 'Ministerio de Salud Pública y Asistencia Social',
  acronym: 'MSPAS',
  institution: 'Ministerio de Salud Pública y Asistencia Social',
  group: 'ministerio',
  status: 'ok',
  scannedAt: '2026-03-02T14:12:03.000Z',
  maturity: {
    level: 1,
    points: 20,
    criteria: criteria('https://www.mspas.gob.gt', {
      static_info: { met: true },
      many_pages: { met: true },
      links_to_agencies: { met: false },
      fresh_content: { met: false, outcome: 'error' },
      working_search: {
        met: false,
        evidence: [
          {
            url: 'https://www.mspas.gob.gt/?s=vacunas',
            detail: 'consulta «vacunas»: la página de resultados dice «No se encontró»',
          },
        ],
      },
    }),
  },
  accessibility: { pagesScanned: 9, violations: [] },
  checks: checks('https://www.mspas.gob.gt', {
    'privacy-policy': 'fail',
    'mobile-viewport': 'not-applicable',
    hsts: 'error',
  }),
  compliance: compliance(100, 100, null, 0),
};

const sosep: SiteResult = {
  url: 'http://sosep.gob.gt/',
  finalUrl: 'https://sosep.gob.gt/',
  name: HOSTILE_NAME,
  acronym: 'SOSEP',
  institution: 'Secretaría de Obras Sociales de la Esposa del Presidente',
  group: 'secretaria',
  status: 'ok',
  scannedAt: '2026-03-02T14:15:30.000Z',
  maturity: {
    level: 2,
    points: 40,
    criteria: criteria('https://sosep.gob.gt', {
      static_info: { met: true },
      many_pages: { met: true },
      links_to_agencies: {
        met: true,
        evidence: [
          { url: 'javascript:alert(1)', detail: '<img src=x onerror=alert(1)> @octocat #12' },
          {
            url: 'https://sosep.gob.gt/a)b](https://evil.example/x',
            detail: '[click](https://evil.example) | col',
          },
        ],
      },
      fresh_content: { met: false },
      email_contact: {
        met: true,
        evidence: [{ url: 'mailto:contacto@sosep.gob.gt', detail: 'contacto@sosep.gob.gt' }],
      },
    }),
  },
  accessibility: {
    pagesScanned: 4,
    violations: [
      {
        ruleId: 'link-name',
        impact: 'serious',
        wcag: ['wcag2a', 'wcag244', 'wcag412'],
        bestPractice: false,
        help: 'Links must have discernible text',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/link-name',
        nodes: 7,
        pages: ['https://sosep.gob.gt/'],
        selectors: ['a[href="javascript:alert(1)"] > `code` | x', '<script>alert(2)</script>'],
      },
      {
        ruleId: 'region',
        impact: 'moderate',
        wcag: [],
        bestPractice: true,
        help: 'All page content should be contained by landmarks',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/region',
        nodes: 2,
        pages: ['https://sosep.gob.gt/'],
        selectors: ['#main'],
      },
    ],
  },
  checks: checks('https://sosep.gob.gt', { hsts: 'fail', 'privacy-policy': 'fail', 'wcag-aa': 'fail' }),
  compliance: compliance(55.5, 50, 100, 0),
};

const segeplan: SiteResult = {
  url: 'https://www.segeplan.gob.gt/',
  finalUrl: 'https://www.segeplan.gob.gt/',
  name: 'Secretaría de Planificación y Programación de la Presidencia',
  acronym: 'SEGEPLAN',
  institution: 'Secretaría de Planificación y Programación de la Presidencia',
  group: 'secretaria',
  status: 'ok',
  scannedAt: '2026-03-02T14:19:12.000Z',
  maturity: {
    level: 5,
    points: 100,
    criteria: criteria('https://www.segeplan.gob.gt', {
      static_info: { met: true },
      many_pages: { met: true },
      links_to_agencies: { met: true },
      fresh_content: { met: true },
      downloadable_forms: { met: true },
      email_contact: { met: true },
      working_search: { met: true },
      interactive_channels: { met: false },
      user_accounts: { met: false },
      e_payments: { met: true },
      citizen_centric_portal: { met: false },
      e_participation: {
        met: true,
        evidence: [
          {
            url: 'https://www.segeplan.gob.gt/consulta-publica',
            detail: 'consulta pública con formulario de opinión',
          },
        ],
      },
    }),
  },
  accessibility: { pagesScanned: 15, violations: [] },
  checks: checks('https://www.segeplan.gob.gt', {}),
  compliance: compliance(100, 100, 100, 100),
};

const sbs: SiteResult = {
  url: 'https://www.sbs.gob.gt/',
  finalUrl: 'https://www.sbs.gob.gt/',
  name: 'Secretaría de Bienestar Social de la Presidencia',
  acronym: 'SBS',
  institution: 'Secretaría de Bienestar Social de la Presidencia',
  group: 'secretaria',
  status: 'error',
  error: { code: 'timeout', message: 'La portada no respondió en 45 s' },
  scannedAt: '2026-03-02T14:21:00.000Z',
  maturity: { level: 0, points: 0, criteria: [] },
  accessibility: { pagesScanned: 0, violations: [] },
  checks: [],
  compliance: compliance(null, null, null, null),
};

const SITES = [minfin, mineco, mspas, sosep, segeplan, sbs];

const aggregates: Aggregates = {
  overall: {
    key: 'overall',
    label: 'Organismo Ejecutivo',
    evaluated: 5,
    notEvaluated: 1,
    averagePoints: 60,
    averageCompliance: 79.6,
  },
  byGroup: [
    {
      key: 'ministerio',
      label: 'Ministerios',
      evaluated: 3,
      notEvaluated: 0,
      averagePoints: 53.3,
      averageCompliance: 80.8,
    },
    {
      key: 'secretaria',
      label: 'Secretarías',
      evaluated: 2,
      notEvaluated: 1,
      averagePoints: 70,
      averageCompliance: 76.4,
    },
  ],
  byInstitution: [
    {
      key: 'Ministerio de Economía',
      label: 'Ministerio de Economía',
      evaluated: 1,
      notEvaluated: 0,
      averagePoints: 80,
      averageCompliance: 90,
    },
    {
      key: 'Ministerio de Finanzas Públicas',
      label: 'Ministerio de Finanzas Públicas',
      evaluated: 1,
      notEvaluated: 0,
      averagePoints: 60,
      averageCompliance: 72.5,
    },
    {
      key: 'Ministerio de Salud Pública y Asistencia Social',
      label: 'Ministerio de Salud Pública y Asistencia Social',
      evaluated: 1,
      notEvaluated: 0,
      averagePoints: 20,
      averageCompliance: 66.7,
    },
    {
      key: 'Secretaría de Bienestar Social de la Presidencia',
      label: 'Secretaría de Bienestar Social de la Presidencia',
      evaluated: 0,
      notEvaluated: 1,
      averagePoints: null,
      averageCompliance: null,
    },
    {
      key: 'Secretaría de Obras Sociales de la Esposa del Presidente',
      label: 'Secretaría de Obras Sociales de la Esposa del Presidente',
      evaluated: 1,
      notEvaluated: 0,
      averagePoints: 40,
      averageCompliance: 51.4,
    },
    {
      key: 'Secretaría de Planificación y Programación de la Presidencia',
      label: 'Secretaría de Planificación y Programación de la Presidencia',
      evaluated: 1,
      notEvaluated: 0,
      averagePoints: 100,
      averageCompliance: 100,
    },
  ],
  sitesPerLevel: { '0': 1, '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 },
  notEvaluated: [
    { url: sbs.url, name: sbs.name, code: 'timeout', message: 'La portada no respondió en 45 s' },
  ],
  references: [
    {
      id: 'un-egdi-2020',
      label: { es: 'Índice EGDI de la ONU para Guatemala (0.5155)', en: 'UN EGDI for Guatemala (0.5155)' },
      value: 51,
    },
    {
      id: 'report-2019-ministerio',
      label: { es: 'Ministerios, diagnóstico 2019', en: 'Ministries, 2019 diagnostic' },
      value: 49.9,
    },
    {
      id: 'report-2019-secretaria',
      label: { es: 'Secretarías, diagnóstico 2019', en: 'Secretariats, 2019 diagnostic' },
      value: 50.1,
    },
    {
      id: 'report-2019-overall',
      label: { es: 'Organismo Ejecutivo, diagnóstico 2019', en: 'Executive branch, 2019 diagnostic' },
      value: 52.16,
    },
  ],
  charts: {
    scorePerSite: [
      { name: segeplan.name, url: segeplan.url, points: 100 },
      { name: mineco.name, url: mineco.url, points: 80 },
      { name: minfin.name, url: minfin.url, points: 60 },
      { name: sosep.name, url: sosep.url, points: 40 },
      { name: mspas.name, url: mspas.url, points: 20 },
    ],
    sitesPerLevel: [0, 1, 2, 3, 4, 5].map((level) => ({ level, count: 1 })),
    institutionEvaluatedVsScore: [
      { institution: 'Ministerio de Economía', evaluated: 1, averagePoints: 80 },
      { institution: 'Ministerio de Finanzas Públicas', evaluated: 1, averagePoints: 60 },
      { institution: 'Ministerio de Salud Pública y Asistencia Social', evaluated: 1, averagePoints: 20 },
      { institution: 'Secretaría de Bienestar Social de la Presidencia', evaluated: 0, averagePoints: null },
      {
        institution: 'Secretaría de Obras Sociales de la Esposa del Presidente',
        evaluated: 1,
        averagePoints: 40,
      },
      {
        institution: 'Secretaría de Planificación y Programación de la Presidencia',
        evaluated: 1,
        averagePoints: 100,
      },
    ],
  },
};

const comparison: RunComparison = {
  previousStartedAt: '2026-02-23T14:00:00.000Z',
  sites: [
    {
      url: minfin.url,
      name: minfin.name,
      kind: 'improved',
      previous: { level: 2, points: 40, status: 'ok' },
      current: { level: 3, points: 60, status: 'ok' },
      criteriaGained: ['downloadable_forms', 'working_search'],
      criteriaLost: [],
      accessibility: {
        new: [{ ruleId: 'image-alt', page: 'https://www.minfin.gob.gt/' }],
        fixed: [{ ruleId: 'label', page: 'https://www.minfin.gob.gt/contacto' }],
        persisting: [{ ruleId: 'color-contrast', page: 'https://www.minfin.gob.gt/' }],
      },
      checksChanged: [{ id: 'hsts', from: 'pass', to: 'fail' }],
    },
    {
      url: mspas.url,
      name: mspas.name,
      kind: 'regressed',
      previous: { level: 2, points: 40, status: 'ok' },
      current: { level: 1, points: 20, status: 'ok' },
      criteriaGained: [],
      criteriaLost: ['links_to_agencies', 'fresh_content'],
      accessibility: { new: [], fixed: [], persisting: [] },
      checksChanged: [],
    },
    {
      url: mineco.url,
      name: mineco.name,
      kind: 'unchanged',
      previous: { level: 4, points: 80, status: 'ok' },
      current: { level: 4, points: 80, status: 'ok' },
      criteriaGained: [],
      criteriaLost: [],
      accessibility: {
        new: [],
        fixed: [],
        persisting: [{ ruleId: 'color-contrast', page: 'https://www.mineco.gob.gt/inicio' }],
      },
      checksChanged: [],
    },
    {
      url: sosep.url,
      name: sosep.name,
      kind: 'unchanged',
      previous: { level: 2, points: 40, status: 'ok' },
      current: { level: 2, points: 40, status: 'ok' },
      criteriaGained: [],
      criteriaLost: [],
      accessibility: {
        new: [],
        fixed: [],
        persisting: [{ ruleId: 'link-name', page: 'https://sosep.gob.gt/' }],
      },
      checksChanged: [],
    },
    {
      url: segeplan.url,
      name: segeplan.name,
      kind: 'new',
      previous: null,
      current: { level: 5, points: 100, status: 'ok' },
      criteriaGained: [],
      criteriaLost: [],
      accessibility: { new: [], fixed: [], persisting: [] },
      checksChanged: [],
    },
    {
      url: sbs.url,
      name: sbs.name,
      kind: 'unreachable',
      previous: { level: 2, points: 40, status: 'ok' },
      current: { level: 0, points: 0, status: 'error' },
      criteriaGained: [],
      criteriaLost: [],
      accessibility: { new: [], fixed: [], persisting: [] },
      checksChanged: [],
      note: {
        es: 'No se pudo cargar en esta corrida; se conserva el nivel anterior.',
        en: 'Could not be loaded in this run; the previous level is kept.',
      },
    },
    {
      url: 'https://www.sat.gob.gt/',
      name: 'Superintendencia de Administración Tributaria',
      kind: 'removed',
      previous: { level: 4, points: 80, status: 'ok' },
      current: null,
      criteriaGained: [],
      criteriaLost: [],
      accessibility: { new: [], fixed: [], persisting: [] },
      checksChanged: [],
    },
  ],
  groups: [
    { key: 'ministerio', label: 'Ministerios', previousAverage: 53.3, currentAverage: 53.3, delta: 0 },
    { key: 'secretaria', label: 'Secretarías', previousAverage: 40, currentAverage: 70, delta: 30 },
    { key: 'overall', label: 'Organismo Ejecutivo', previousAverage: 48, currentAverage: 60, delta: 12 },
  ],
};

/** A fresh deep copy each call, so a test that mutates its copy never leaks into another. */
export function sampleResults(options: { withComparison?: boolean } = {}): ScanResults {
  const results: ScanResults = {
    schemaVersion: '1.1.0',
    tool: { name: 'egov-monitor', version: '0.1.0' },
    startedAt: '2026-03-02T14:00:00.000Z',
    finishedAt: '2026-03-02T14:25:47.000Z',
    sites: SITES,
    aggregates,
    ...(options.withComparison ? { comparison } : {}),
  };
  return structuredClone(results);
}
