/**
 * Hand-built, realistic `SiteEvidence` for tests across the workspace (rubric, pipeline, reporter): a Guatemalan
 * ministry-like site whose evidence meets exactly the criteria a test asks for. Pure data, no I/O.
 *
 *   const evidence = evidenceMeeting(['static_info', 'many_pages', 'fresh_content']);   // level 2
 *   const broken = withGathered(evidenceForLevel(3), { search: failed('timeout', 'search page did not load') });
 */
import type { CollectorError, Gathered, SiteTarget } from '../evidence/common.js';
import type {
  AccessibilityEvidence,
  AccountsEvidence,
  ContactEvidence,
  CrawlEvidence,
  DatedItem,
  DatesEvidence,
  DocumentReading,
  DownloadCandidate,
  DownloadsEvidence,
  InstitutionalEvidence,
  InteractiveEvidence,
  OutboundLinksEvidence,
  PageRecord,
  ParticipationEvidence,
  PaymentsEvidence,
  SearchEvidence,
  ServiceCatalogEvidence,
} from '../evidence/maturity.js';
import type { EvidenceKind, EvidenceKinds, SiteEvidence } from '../evidence/site.js';
import type {
  HttpsEvidence,
  LighthouseEvidence,
  RecommendationsEvidence,
  UsabilityEvidence,
} from '../evidence/standards.js';
import type { CriterionId, MaturityLevel } from '../results.js';

export const SITE = 'https://www.minejemplo.gob.gt/';
export const SCANNED_AT = '2026-03-15T15:00:00.000Z';

export function ok<T>(data: T): Gathered<T> {
  return { status: 'ok', data };
}

/** Data a collector could not finish (a safety time limit fired): what it found counts, the rest proves nothing. */
export function partial<T>(
  data: T,
  code = 'site-timeout',
  message = 'the site scan reached its safety time limit',
): Gathered<T> {
  return { status: 'ok', data, incomplete: { code, message } };
}

export function failed(
  code = 'collector-crashed',
  message = 'TypeError: cannot read properties of null',
): Gathered<never> {
  const error: CollectorError = { code, message };
  return { status: 'error', error };
}

/** `daysBefore(SCANNED_AT, 10)` → the YYYY-MM-DD ten days before the scan. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);
}

function at(site: string, path: string): string {
  return new URL(path, site).toString();
}

// ---------------------------------------------------------------- crawl

export function pageRecord(url: string, patch: Partial<PageRecord> = {}): PageRecord {
  return {
    url,
    status: 200,
    contentType: 'text/html; charset=utf-8',
    title: 'Ministerio de Ejemplo',
    depth: 1,
    foundVia: 'link',
    linkedFromSite: true,
    soft404: false,
    isSearchResult: false,
    words: 420,
    analysed: true,
    ...patch,
  };
}

const SECTIONS = [
  'quienes-somos',
  'mision-y-vision',
  'autoridades',
  'organigrama',
  'funciones',
  'marco-legal',
  'tramites',
  'servicios',
  'noticias',
  'noticias/ministro-inaugura-centro',
  'noticias/jornada-de-vacunacion',
  'noticias/nuevo-reglamento',
  'formularios',
  'contacto',
  'informacion-publica',
  'transparencia',
  'convocatorias',
  'preguntas-frecuentes',
  'mapa-del-sitio',
  'datos-abiertos',
];

/** A crawl with the home page and `count` content pages (same site, linked, 200, real content). */
export function crawlEvidence(site = SITE, count = 3, patch: Partial<CrawlEvidence> = {}): CrawlEvidence {
  const pages = [
    pageRecord(site, { depth: 0, foundVia: 'start', title: 'Inicio | Ministerio de Ejemplo', words: 850 }),
    ...Array.from({ length: count }, (_, i) => {
      const path = SECTIONS[i] ?? `paginas/seccion-${i + 1}`;
      return pageRecord(at(site, `/${path}`), {
        title: `${path} | Ministerio de Ejemplo`,
        depth: path.includes('/') ? 2 : 1,
      });
    }),
  ];
  return {
    startUrl: site,
    homeUrl: site,
    homeStatus: 200,
    pages,
    robots: { url: at(site, '/robots.txt'), found: true, disallowedPathsSkipped: 0 },
    sitemap: { urls: [], found: false, urlCount: 0 },
    budget: {
      maxPages: 60,
      maxDiscoveredPages: 200,
      maxDepth: 4,
      siteTimeoutMs: 900_000,
      pageTimeoutMs: 60_000,
    },
    ...patch,
  };
}

// ---------------------------------------------------------------- one builder per maturity evidence kind

export function institutionalEvidence(site = SITE, met = true): InstitutionalEvidence {
  return met
    ? {
        pages: [
          {
            url: at(site, '/quienes-somos'),
            topics: ['mission', 'vision', 'history'],
            matched: ['Misión', 'Visión', 'Historia'],
          },
          {
            url: at(site, '/organigrama'),
            topics: ['org_chart', 'authorities'],
            matched: ['Organigrama', 'Autoridades'],
          },
        ],
      }
    : { pages: [{ url: at(site, '/contacto'), topics: ['contact_info'], matched: ['Contáctenos'] }] };
}

export function outboundLinksEvidence(site = SITE, met = true): OutboundLinksEvidence {
  const from = at(site, '/enlaces-de-interes');
  const social = [
    {
      host: 'www.facebook.com',
      href: 'https://www.facebook.com/MinEjemploGT',
      text: 'Facebook',
      fromUrl: site,
    },
    { host: 'twitter.com', href: 'https://twitter.com/MinEjemploGT', text: 'Twitter', fromUrl: site },
    { host: 'www.youtube.com', href: 'https://www.youtube.com/@minejemplo', text: 'YouTube', fromUrl: site },
  ];
  const agencies = met
    ? [
        { host: 'portal.sat.gob.gt', href: 'https://portal.sat.gob.gt/portal/', text: 'SAT', fromUrl: from },
        { host: 'www.renap.gob.gt', href: 'https://www.renap.gob.gt/', text: 'RENAP', fromUrl: from },
        { host: 'www.igssgt.org', href: 'https://www.igssgt.org/', text: 'IGSS', fromUrl: from },
        {
          host: 'www.guatecompras.gt',
          href: 'https://www.guatecompras.gt/',
          text: 'Guatecompras',
          fromUrl: from,
        },
      ]
    : [{ host: 'www.renap.gob.gt', href: 'https://www.renap.gob.gt/', text: 'RENAP', fromUrl: from }];
  return { hosts: [...social, ...agencies] };
}

export function datedItem(url: string, date: string, patch: Partial<DatedItem> = {}): DatedItem {
  return { url, date, source: 'time-element', text: date, publication: true, clientClock: false, ...patch };
}

export function datesEvidence(site = SITE, scannedAt = SCANNED_AT, met = true): DatesEvidence {
  const ages = met ? [4, 19, 41, 75] : [200, 260, 400];
  return {
    items: [
      ...ages.map((age, i) =>
        datedItem(at(site, `/noticias/nota-${i + 1}`), daysBefore(scannedAt, age), {
          text: `Publicado el ${daysBefore(scannedAt, age)}`,
        }),
      ),
      // a copyright year and a clock-written date: never freshness
      datedItem(site, `${scannedAt.slice(0, 4)}-01-01`, {
        source: 'visible-text',
        text: `© ${scannedAt.slice(0, 4)} Ministerio de Ejemplo`,
        publication: false,
      }),
      datedItem(site, scannedAt.slice(0, 10), {
        source: 'visible-text',
        text: 'Hoy es domingo',
        publication: false,
        clientClock: true,
      }),
    ],
  };
}

/** What reading a document found: a one-page PDF by default; give `blanks` or `fields` to make it a form. */
export function documentReading(patch: Partial<DocumentReading> = {}): DocumentReading {
  return {
    read: true,
    format: 'pdf',
    pages: 1,
    title: 'Documento',
    excerpt: 'Documento',
    fields: [],
    blanks: [],
    ...patch,
  };
}

/** The labelled blanks of a printed form ("Nombre completo: ____", "DPI: ____", "Firma: ____"). */
export const FORM_BLANKS: DocumentReading['blanks'] = [
  { label: 'Nombre completo', kind: 'line' },
  { label: 'DPI', kind: 'line' },
  { label: 'Dirección de residencia', kind: 'line' },
  { label: 'Firma', kind: 'line' },
];

export function downloadCandidate(
  pageUrl: string,
  href: string,
  patch: Partial<DownloadCandidate> = {},
): DownloadCandidate {
  return {
    pageUrl,
    href,
    linkText: 'Descargar',
    context: '',
    fileType: 'pdf',
    check: { status: 200, contentType: 'application/pdf', bytes: 184_320, ok: true },
    document: documentReading(),
    ...patch,
  };
}

export function downloadsEvidence(site = SITE, met = true): DownloadsEvidence {
  const page = at(site, '/formularios');
  const report = downloadCandidate(
    at(site, '/transparencia'),
    at(site, '/docs/memoria-de-labores-2025.pdf'),
    {
      linkText: 'Memoria de Labores 2025',
      context: 'Informes institucionales',
      document: documentReading({
        pages: 84,
        title: 'Memoria de Labores 2025',
        excerpt: 'Memoria de Labores 2025 · Presentación · Ejecución presupuestaria',
      }),
    },
  );
  const bulletin = downloadCandidate(at(site, '/noticias'), at(site, '/docs/boletin-enero.pdf'), {
    linkText: 'Boletín informativo enero',
    document: documentReading({
      pages: 4,
      title: 'Boletín informativo',
      excerpt: 'Boletín informativo · Enero',
    }),
  });
  return {
    candidates: met
      ? [
          report,
          bulletin,
          downloadCandidate(page, at(site, '/docs/formulario-solicitud-licencia.pdf'), {
            linkText: 'Formulario de solicitud de licencia',
            context: 'Trámites — Licencias de funcionamiento',
            document: documentReading({
              title: 'Solicitud de licencia de funcionamiento',
              fields: [
                { name: 'nombre', type: 'text', label: 'Nombre completo' },
                { name: 'dpi', type: 'text', label: 'DPI' },
                { name: 'firma', type: 'signature', label: 'Firma' },
              ],
            }),
          }),
          downloadCandidate(page, at(site, '/docs/declaracion-jurada.docx'), {
            linkText: 'Declaración jurada',
            fileType: 'docx',
            check: {
              status: 200,
              contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              bytes: 40_960,
              ok: true,
            },
            document: documentReading({
              format: 'docx',
              pages: null,
              title: 'Declaración jurada',
              blanks: FORM_BLANKS,
            }),
          }),
        ]
      : [report, bulletin],
  };
}

export function contactEvidence(site = SITE, met = true): ContactEvidence {
  const page = at(site, '/contacto');
  return met
    ? {
        mailto: [{ url: page, address: 'info@minejemplo.gob.gt' }],
        visibleAddresses: [{ url: page, address: 'atencion@minejemplo.gob.gt', obfuscated: true }],
        contactForms: [],
      }
    : {
        mailto: [],
        visibleAddresses: [],
        contactForms: [
          {
            url: page,
            action: at(site, '/enviar.php'),
            method: 'post',
            fields: ['nombre', 'correo', 'mensaje'],
            looksLikeContactForm: true,
            targetWorks: false,
            detail: 'POST target answered 404',
          },
        ],
      };
}

export function searchEvidence(site = SITE, met = true): SearchEvidence {
  return met
    ? {
        found: true,
        pageUrl: site,
        selector: 'form[role="search"] input[name="s"]',
        query: 'licencia',
        resultUrl: at(site, '/?s=licencia'),
        outcome: 'results',
        resultCount: 12,
        detail: 'results page lists 12 links containing "licencia"',
      }
    : {
        found: true,
        pageUrl: site,
        selector: 'input#buscar',
        query: 'licencia',
        resultUrl: at(site, '/buscar?q=licencia'),
        outcome: 'not-found',
        detail: 'results page answered 404',
      };
}

export function interactiveEvidence(site = SITE, met = true): InteractiveEvidence {
  const social = {
    url: site,
    kind: 'whatsapp' as const,
    how: 'link' as const,
    live: true,
    tiedToService: false,
    detail: 'wa.me icon in the footer',
  };
  return {
    channels: met
      ? [
          social,
          {
            url: at(site, '/tramites'),
            kind: 'chat',
            vendor: 'Tawk.to',
            how: 'script',
            live: true,
            tiedToService: true,
            detail: 'chat widget loaded and visible',
          },
        ]
      : [social],
  };
}

export function accountsEvidence(site = SITE, met = true): AccountsEvidence {
  return {
    candidates: [
      met
        ? {
            url: at(site, '/registro'),
            kind: 'register',
            linkText: 'Crear cuenta',
            status: 200,
            soft404: false,
            comingSoon: false,
            hasPasswordField: true,
            hasAccountForm: true,
            ownService: true,
            fields: [
              { type: 'email', name: 'correo', label: 'Correo electrónico' },
              { type: 'password', name: 'clave', label: 'Contraseña' },
              { type: 'password', name: 'clave2', label: 'Confirmar contraseña' },
            ],
            detail: 'form with email, password, confirm password and submit',
          }
        : {
            url: at(site, '/mi-cuenta'),
            kind: 'login',
            linkText: 'Mi cuenta',
            status: 200,
            soft404: true,
            comingSoon: false,
            hasPasswordField: false,
            hasAccountForm: false,
            detail: 'page says "Página no encontrada"',
          },
    ],
  };
}

export function paymentsEvidence(site = SITE, met = true): PaymentsEvidence {
  const url = at(site, '/pagos/licencia');
  return {
    candidates: [
      met
        ? {
            url,
            protocol: 'https:',
            tlsValid: true,
            cardFields: ['cc-number', 'cc-exp', 'cc-csc'],
            gateways: ['VisaNet Guatemala'],
            formAction: at(site, '/pagos/procesar'),
            linkText: 'Pagar en línea',
            detail: 'payment form with card fields',
          }
        : {
            url,
            protocol: 'https:',
            tlsValid: true,
            cardFields: ['cc-number', 'cc-csc'],
            gateways: [],
            formAction: `http://${new URL(site).host}/pagos/procesar`,
            linkText: 'Pagar en línea',
            detail: 'card form posts to plain http',
          },
    ],
  };
}

export function serviceCatalogEvidence(site = SITE, met = true): ServiceCatalogEvidence {
  const service = (slug: string, text: string, kind: 'life-event' | 'service' | 'org-unit' = 'service') => ({
    text,
    kind,
    href: at(site, `/tramites/${slug}`),
    leadsToService: kind !== 'org-unit',
  });
  return {
    candidates: [
      {
        url: at(site, '/tramites'),
        title: 'Trámites y servicios',
        matched: ['tramites y servicios', 'que necesitas hacer'],
        groups: met
          ? [
              {
                text: '¿Qué le está pasando?',
                kind: 'life-event',
                matched: 'que le esta pasando',
                items: [
                  service('partida-de-nacimiento', 'Nacimiento', 'life-event'),
                  service('patente-de-comercio', 'Abrir un negocio', 'life-event'),
                  service('pasaporte', 'Voy a viajar', 'life-event'),
                ],
              },
              {
                text: 'Vehículos',
                kind: 'topic',
                matched: 'vehiculos',
                items: [
                  service('licencia', 'Renovar la licencia de conducir'),
                  service('tarjeta-de-circulacion', 'Reposición de tarjeta de circulación'),
                ],
              },
            ]
          : [
              {
                text: 'Dependencias',
                kind: 'org-unit',
                matched: 'dependencias',
                items: [
                  service('direccion-de-transito', 'Dirección de Tránsito', 'org-unit'),
                  service('departamento-de-licencias', 'Departamento de Licencias', 'org-unit'),
                ],
              },
            ],
        detail: met ? 'services by life event and by topic' : 'a list of directorates',
      },
    ],
  };
}

export function participationEvidence(site = SITE, met = true): ParticipationEvidence {
  return {
    candidates: [
      met
        ? {
            url: at(site, '/consulta-publica'),
            kind: 'consultation',
            hasForm: true,
            comingSoon: false,
            purpose: { words: ['consulta publica', 'anteproyecto'], where: 'page-heading' },
            fields: ['textarea comentario "Comentarios al anteproyecto"', 'submit "Enviar"'],
            detail: 'consultation page with a comment form and submit button',
          }
        : {
            url: at(site, '/encuesta'),
            kind: 'survey',
            hasForm: false,
            comingSoon: true,
            detail: 'page says "Próximamente"',
          },
    ],
  };
}

// ---------------------------------------------------------------- standards evidence (for checks and compliance)

export function accessibilityEvidence(site = SITE): AccessibilityEvidence {
  return {
    axeVersion: '4.14.0',
    tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    pages: [
      {
        url: site,
        violations: [
          {
            ruleId: 'image-alt',
            impact: 'critical',
            tags: ['cat.text-alternatives', 'wcag2a', 'wcag111'],
            help: 'Images must have alternative text',
            helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
            nodes: 3,
            selectors: ['#banner > img', '.logo img'],
          },
        ],
      },
      {
        url: at(site, '/tramites'),
        violations: [
          {
            ruleId: 'color-contrast',
            impact: 'serious',
            tags: ['cat.color', 'wcag2aa', 'wcag143'],
            help: 'Elements must meet minimum color contrast ratio thresholds',
            helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
            nodes: 7,
            selectors: ['.menu a'],
          },
        ],
      },
    ],
  };
}

export function httpsEvidence(site = SITE): HttpsEvidence {
  const host = new URL(site).host;
  const bare = host.replace(/^www\./, '');
  return {
    domain: bare,
    endpoints: [
      { url: `http://${bare}/`, live: true, status: 301, redirectTo: site },
      { url: `http://${host}/`, live: true, status: 301, redirectTo: site },
      { url: `https://${bare}/`, live: true, status: 301, redirectTo: site },
      { url: site, live: true, status: 200, redirectTo: null },
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
    redirectTarget: site,
    hsts: true,
    hstsMaxAge: 31_536_000,
    hstsIncludeSubdomains: false,
    hstsPreload: false,
    strongHsts: true,
    certificateDaysLeft: 64,
    tlsVersion: 'TLSv1.3',
    securityHeaders: {
      contentSecurityPolicy: null,
      xContentTypeOptions: 'nosniff',
      frameProtection: 'SAMEORIGIN',
      referrerPolicy: null,
    },
    securityTxt: { found: false, url: at(site, '/.well-known/security.txt') },
    mixedContent: [],
  };
}

export function usabilityEvidence(site = SITE): UsabilityEvidence {
  return {
    pages: [
      {
        url: site,
        viewport: 'width=device-width, initial-scale=1',
        lang: 'es',
        contentLang: 'es',
        title: 'Inicio | Ministerio de Ejemplo',
        description: 'Sitio oficial del Ministerio de Ejemplo de Guatemala',
        smallTextRatio: 0.04,
        smallTapTargets: 2,
        pageBytes: 1_850_000,
      },
    ],
    notFoundProbe: { url: at(site, '/egov-monitor-404-probe'), status: 404, soft404: false },
  };
}

export function recommendationsEvidence(site = SITE): RecommendationsEvidence {
  return {
    findings: [
      {
        kind: 'privacy_policy',
        url: at(site, '/politica-de-privacidad'),
        detail: 'footer link "Política de privacidad"',
      },
      {
        kind: 'public_information',
        url: at(site, '/informacion-publica'),
        detail: 'menu link "Información Pública de Oficio"',
      },
    ],
    documentFormats: { pdf: 14, docx: 2, xlsx: 1 },
  };
}

export function lighthouseEvidence(site = SITE): LighthouseEvidence {
  return {
    lighthouseVersion: '12.8.2',
    pages: [{ url: site, scores: { accessibility: 82, bestPractices: 78, seo: 91, performance: 47 } }],
  };
}

// ---------------------------------------------------------------- whole sites

/** The evidence kind that decides each criterion in the builders above (static_info also reads the crawl). */
export const CRITERION_KINDS: Record<CriterionId, EvidenceKind> = {
  static_info: 'institutional',
  many_pages: 'crawl',
  links_to_agencies: 'outboundLinks',
  fresh_content: 'dates',
  downloadable_forms: 'downloads',
  email_contact: 'contact',
  working_search: 'search',
  interactive_channels: 'interactive',
  user_accounts: 'accounts',
  e_payments: 'payments',
  citizen_centric_portal: 'serviceCatalog',
  e_participation: 'participation',
};

export interface SiteOptions {
  site?: string;
  scannedAt?: string;
  target?: Partial<SiteTarget>;
}

/**
 * A complete site (every collector ran) whose evidence meets exactly `criteria` under the default rubric and
 * fails the rest, plus ordinary standards evidence.
 */
export function evidenceMeeting(criteria: readonly CriterionId[], options: SiteOptions = {}): SiteEvidence {
  const site = options.site ?? SITE;
  const scannedAt = options.scannedAt ?? SCANNED_AT;
  const meets = new Set(criteria);
  const m = (id: CriterionId) => meets.has(id);
  const gathered: SiteEvidence['gathered'] = {
    crawl: ok(crawlEvidence(site, m('many_pages') ? 18 : 6)),
    institutional: ok(institutionalEvidence(site, m('static_info'))),
    outboundLinks: ok(outboundLinksEvidence(site, m('links_to_agencies'))),
    dates: ok(datesEvidence(site, scannedAt, m('fresh_content'))),
    downloads: ok(downloadsEvidence(site, m('downloadable_forms'))),
    contact: ok(contactEvidence(site, m('email_contact'))),
    search: ok(searchEvidence(site, m('working_search'))),
    interactive: ok(interactiveEvidence(site, m('interactive_channels'))),
    accounts: ok(accountsEvidence(site, m('user_accounts'))),
    payments: ok(paymentsEvidence(site, m('e_payments'))),
    serviceCatalog: ok(serviceCatalogEvidence(site, m('citizen_centric_portal'))),
    participation: ok(participationEvidence(site, m('e_participation'))),
    accessibility: ok(accessibilityEvidence(site)),
    https: ok(httpsEvidence(site)),
    usability: ok(usabilityEvidence(site)),
    recommendations: ok(recommendationsEvidence(site)),
    lighthouse: ok(lighthouseEvidence(site)),
  };
  return {
    target: {
      url: site,
      name: 'Ministerio de Ejemplo',
      acronym: 'MINEJ',
      institution: 'Ministerio de Ejemplo',
      group: 'ministerio',
      ...options.target,
    },
    finalUrl: site,
    scannedAt,
    gathered,
  };
}

/** The criteria a site must meet to sit exactly at `level` under the default rubric (the fewest that do). */
export const CRITERIA_FOR_LEVEL: Record<MaturityLevel, CriterionId[]> = {
  0: [],
  1: ['static_info'],
  2: ['static_info', 'many_pages', 'fresh_content'],
  3: ['static_info', 'many_pages', 'fresh_content', 'downloadable_forms', 'email_contact', 'working_search'],
  4: [
    'static_info',
    'many_pages',
    'fresh_content',
    'downloadable_forms',
    'email_contact',
    'working_search',
    'e_payments',
  ],
  5: [
    'static_info',
    'many_pages',
    'fresh_content',
    'downloadable_forms',
    'email_contact',
    'working_search',
    'e_payments',
    'e_participation',
  ],
};

export function evidenceForLevel(level: MaturityLevel, options: SiteOptions = {}): SiteEvidence {
  return evidenceMeeting(CRITERIA_FOR_LEVEL[level], options);
}

/** A site that could not be evaluated (unreachable, TLS failure…): `fatal` and nothing gathered. */
export function fatalEvidence(
  code = 'dns-not-found',
  message = 'getaddrinfo ENOTFOUND www.minejemplo.gob.gt',
  options: SiteOptions = {},
): SiteEvidence {
  const site = options.site ?? SITE;
  return {
    target: { url: site, name: 'Ministerio de Ejemplo', group: 'ministerio', ...options.target },
    finalUrl: site,
    scannedAt: options.scannedAt ?? SCANNED_AT,
    fatal: { code, message },
    gathered: {},
  };
}

/** A copy of `evidence` with some kinds replaced (or removed with `undefined`). */
export function withGathered(
  evidence: SiteEvidence,
  patch: Partial<{ [K in EvidenceKind]: Gathered<EvidenceKinds[K]> | undefined }>,
): SiteEvidence {
  const gathered = { ...evidence.gathered } as Record<string, unknown>;
  for (const [kind, value] of Object.entries(patch)) {
    if (value === undefined) delete gathered[kind];
    else gathered[kind] = value;
  }
  return { ...evidence, gathered: gathered as SiteEvidence['gathered'] };
}
