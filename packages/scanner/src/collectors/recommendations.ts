import { defaultProfile } from '@egov-monitor/rubric';
import type { CountryProfile, RecommendationKind, RecommendationsEvidence } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from './collector.js';
import type { PageSnapshot, SnapshotLink } from '../page-snapshot.js';
import { recommendationsData as data } from '../data/standards.js';
import { PhraseMatcher, clip, normalizeText, pathWords } from '@egov-monitor/rubric';
import { fileExtension, hostOf } from '../url/normalize.js';

/**
 * Evidence for the report's recommendations (see docs/standards.md for the principle each implements): a
 * privacy policy, a link to the national portal, published requirements and status tracking of procedures,
 * open data, public information (Decreto 57-2008), a feedback channel, and the formats of linked documents.
 * Every finding names the page and what was matched there, so a reviewer can check it in one click. The country's
 * facts (its national portals, the phrases of its access-to-information law) come from the scan's profile.
 */
export const recommendationsCollector: Collector<'recommendations'> = {
  kind: 'recommendations',
  async collect(site: SiteContext): Promise<RecommendationsEvidence> {
    const findings = new Findings(data.maxFindingsPerKind);
    const country = countryLists(site.profile ?? defaultProfile);
    for (const page of site.pages) {
      if (page.soft404 || page.status >= 400) continue;
      privacyPolicy(page, findings);
      nationalPortalLink(page, site, country.portalByHost, findings);
      procedureRequirements(page, findings);
      procedureTracking(page, findings);
      openData(page, findings);
      publicInformation(page, country.publicInformation, findings);
      feedbackChannel(page, findings);
    }
    const documentFormats = documents(site.pages, findings);
    return { findings: findings.sorted(), documentFormats };
  },
};

/** Longest quoted label or heading in a finding's detail. */
const EVIDENCE_CHARS = 120;

type Finding = RecommendationsEvidence['findings'][number];

const KIND_ORDER: RecommendationKind[] = [
  'privacy_policy',
  'national_portal_link',
  'procedure_requirements',
  'procedure_tracking',
  'open_data',
  'public_information',
  'feedback_channel',
  'open_formats',
];

/** Findings deduplicated per kind and key (the same footer link on thirty pages is one finding), capped per kind. */
class Findings {
  private readonly items: Finding[] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly maxPerKind: number) {}

  add(kind: RecommendationKind, url: string, detail: string, key: string = detail): void {
    const id = `${kind}\u0000${key}`;
    if (this.keys.has(id)) return;
    if (this.items.filter((f) => f.kind === kind).length >= this.maxPerKind) return;
    this.keys.add(id);
    this.items.push({ kind, url, detail });
  }

  sorted(): Finding[] {
    // Stable: within a kind, crawl order (home first).
    return [...this.items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  }
}

const labelOf = (link: SnapshotLink) => (link.text.trim() || link.label.trim()).replace(/\s+/g, ' ');
const withoutHash = (url: string) => url.split('#')[0] ?? url;

/**
 * Looks for phrases where a site announces a section: link texts (and aria-labels of icon links), headings and
 * the title; `textPhrases` (specific enough) also in the visible text.
 */
function announce(
  kind: RecommendationKind,
  page: PageSnapshot,
  lists: { link: PhraseMatcher; text: PhraseMatcher },
  findings: Findings,
): void {
  for (const link of page.links) {
    const label = labelOf(link);
    if (lists.link.first(label) !== null && !link.href.toLowerCase().startsWith('javascript:')) {
      findings.add(
        kind,
        page.url,
        `enlace "${clip(label, EVIDENCE_CHARS)}" → ${link.href}`,
        `link ${withoutHash(link.href)}`,
      );
    }
  }
  for (const heading of [{ level: 0, text: page.title }, ...page.headings]) {
    if (lists.link.first(heading.text) !== null) {
      const where = heading.level === 0 ? 'título' : `encabezado h${heading.level}`;
      findings.add(
        kind,
        page.url,
        `${where} "${clip(heading.text, EVIDENCE_CHARS)}"`,
        `page ${withoutHash(page.url)}`,
      );
    }
  }
  const phrase = lists.text.first(page.text);
  if (phrase !== null) findings.add(kind, page.url, `texto "${phrase}"`, `page ${withoutHash(page.url)}`);
}

const compile = (lists: { linkPhrases: string[]; textPhrases: string[] }) => ({
  link: new PhraseMatcher(lists.linkPhrases),
  text: new PhraseMatcher(lists.textPhrases),
});

// --- privacy_policy: recommendation "adopt, comply with and publicise a privacy policy"; principle 2 ----------

const privacy = compile(data.privacyPolicy);
function privacyPolicy(page: PageSnapshot, findings: Findings): void {
  announce('privacy_policy', page, privacy, findings);
}

// --- national_portal_link: recommendation "a national portal of digital services" -----------------------------

type PortalByHost = Map<string, CountryProfile['nationalPortals'][number]>;

/** Only the profile's own portals: a Guatemalan ministry's link to gob.mx is not a link to its national portal. */
function nationalPortalLink(
  page: PageSnapshot,
  site: SiteContext,
  portalByHost: PortalByHost,
  findings: Findings,
): void {
  for (const link of page.links) {
    const host = hostOf(link.href).replace(/\.$/, '');
    const portal = host ? portalByHost.get(host) : undefined;
    // The national portal scanning itself does not link "to" the national portal.
    if (!portal || site.isSameSite(link.href)) continue;
    findings.add(
      'national_portal_link',
      page.url,
      `enlace "${clip(labelOf(link), EVIDENCE_CHARS)}" → ${link.href} (${portal.name})`,
      `host ${host}`,
    );
  }
}

// --- procedure_requirements: recommendation "put norms and requirements online" --------------------------------

const procedure = new PhraseMatcher(data.procedureRequirements.procedurePhrases);
const requirement = new PhraseMatcher(data.procedureRequirements.requirementPhrases);

function isProcedurePage(page: PageSnapshot): boolean {
  return (
    procedure.first(page.title) !== null ||
    page.headings.some((h) => procedure.first(h.text) !== null) ||
    procedure.first(pathWords(page.url).join(' ')) !== null
  );
}

/**
 * The items of a requirements list: in the rendered text a list reads as one short line per item after the
 * "Requisitos" line; "Requisitos: DPI, boleto de ornato" counts the items after the colon.
 */
export function requirementItems(
  text: string,
  headings: string[],
): { heading: string; items: number } | null {
  const { maxListItemLength } = data.procedureRequirements;
  const headingSet = new Set(headings.map(normalizeText));
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  let best: { heading: string; items: number } | null = null;
  lines.forEach((line, index) => {
    const normal = normalizeText(line);
    const phrase = requirement.first(line);
    if (phrase === null || !normal.startsWith(phrase) || line.length > 100) return;
    const afterColon = line.includes(':') ? line.slice(line.indexOf(':') + 1).trim() : '';
    let items = afterColon ? afterColon.split(/[,;]/).filter((part) => part.trim().length > 1).length : 0;
    if (items === 0) {
      for (const next of lines.slice(index + 1)) {
        if (!next) {
          if (items > 0) break;
          continue;
        }
        if (next.length > maxListItemLength || headingSet.has(normalizeText(next))) break;
        items += 1;
      }
    }
    if (!best || items > best.items) best = { heading: clip(line, 80), items };
  });
  return best;
}

function procedureRequirements(page: PageSnapshot, findings: Findings): void {
  const procedurePage = isProcedurePage(page);
  if (procedurePage) {
    const list = requirementItems(
      page.text,
      page.headings.map((h) => h.text),
    );
    if (list && list.items >= data.procedureRequirements.minListItems) {
      findings.add(
        'procedure_requirements',
        page.url,
        `"${list.heading}" seguido de ${list.items} requisitos en "${clip(page.title || page.url, 80)}"`,
        `page ${withoutHash(page.url)}`,
      );
    }
  }
  // A catalogue row "Licencia de conducir … Requisitos" links the requirements of one procedure.
  for (const link of page.links) {
    const label = labelOf(link);
    if (requirement.first(label) === null) continue;
    if (!procedurePage && procedure.first(link.context) === null && procedure.first(label) === null) continue;
    findings.add(
      'procedure_requirements',
      page.url,
      `enlace "${clip(label, EVIDENCE_CHARS)}"${link.context ? ` junto a "${clip(link.context, 80)}"` : ''} → ${link.href}`,
      `link ${withoutHash(link.href)}`,
    );
  }
}

// --- procedure_tracking: recommendation "let citizens follow a procedure" --------------------------------------

const tracking = compile(data.procedureTracking);
const trackingField = new PhraseMatcher(data.procedureTracking.fieldPhrases);

/** "numExpediente", "no_gestion" → "num expediente", "no gestion": field names as words. */
const nameWords = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.[\]]+/g, ' ');

function procedureTracking(page: PageSnapshot, findings: Findings): void {
  announce('procedure_tracking', page, tracking, findings);
  for (const form of page.forms) {
    for (const field of form.fields) {
      if (field.type === 'hidden' || field.type === 'submit' || field.tag === 'button') continue;
      const described = [field.label, field.placeholder, nameWords(field.name), nameWords(field.id)].join(
        ' | ',
      );
      const phrase = trackingField.first(described);
      if (phrase === null) continue;
      const shown = field.label || field.placeholder || field.name || field.id;
      findings.add(
        'procedure_tracking',
        page.url,
        `formulario con campo "${clip(shown, 60)}"${form.action ? ` → ${form.action}` : ''}`,
        `form ${withoutHash(page.url)} ${form.selector}`,
      );
      break;
    }
  }
}

// --- open_data: UN e-government survey item on open datasets ---------------------------------------------------

const openDataPhrases = compile(data.openData);
const datasetExtensions = new Set(data.openData.datasetExtensions);
const excluded = data.openData.excludeHrefPatterns.map((p) => new RegExp(p, 'i'));
const portalHosts = data.openData.portalHostPatterns.map((p) => new RegExp(p, 'i'));
const portalPaths = data.openData.portalPathPatterns.map((p) => new RegExp(p, 'i'));

function openData(page: PageSnapshot, findings: Findings): void {
  announce('open_data', page, openDataPhrases, findings);
  for (const link of page.links) {
    const href = link.href;
    if (excluded.some((pattern) => pattern.test(href)) || /^(alternate|manifest)$/i.test(link.rel)) continue;
    const extension = fileExtension(href);
    if (datasetExtensions.has(extension)) {
      findings.add(
        'open_data',
        page.url,
        `archivo .${extension} enlazado: ${href}`,
        `link ${withoutHash(href)}`,
      );
      continue;
    }
    const host = hostOf(href);
    let path = '';
    try {
      path = new URL(href).pathname;
    } catch {
      continue;
    }
    if (
      portalHosts.some((pattern) => pattern.test(host)) ||
      portalPaths.some((pattern) => pattern.test(path))
    ) {
      findings.add(
        'open_data',
        page.url,
        `enlace a portal de datos "${clip(labelOf(link), EVIDENCE_CHARS)}" → ${href}`,
        `host ${host}`,
      );
    }
  }
  const generator = normalizeText(page.meta.generator ?? '');
  const platform = data.openData.portalGenerators.find((name) => generator.includes(name));
  if (platform)
    findings.add(
      'open_data',
      page.url,
      `el sitio es un portal ${platform} (meta generator "${clip(page.meta.generator ?? '', 60)}")`,
      `generator`,
    );
}

// --- public_information: the country's access-to-information law (Guatemala: Decreto 57-2008, información pública
// de oficio), in the language's words (recommendations.json) and the law's own (the profile's publicInformation)

interface PublicInformationLists {
  announce: { link: PhraseMatcher; text: PhraseMatcher };
  contextual: { phrase: PhraseMatcher; requires: PhraseMatcher }[];
}

function publicInformation(page: PageSnapshot, lists: PublicInformationLists, findings: Findings): void {
  announce('public_information', page, lists.announce, findings);
  for (const entry of lists.contextual) {
    if (entry.requires.first(page.text) === null && entry.requires.first(page.title) === null) continue;
    for (const link of page.links) {
      const label = labelOf(link);
      const found = entry.phrase.first(label);
      if (found !== null) {
        findings.add(
          'public_information',
          page.url,
          `enlace "${clip(label, EVIDENCE_CHARS)}" → ${link.href}`,
          `link ${withoutHash(link.href)}`,
        );
      }
    }
    const inHeading = page.headings.find((h) => entry.phrase.first(h.text) !== null);
    if (inHeading)
      findings.add(
        'public_information',
        page.url,
        `encabezado h${inHeading.level} "${clip(inHeading.text, EVIDENCE_CHARS)}"`,
        `page ${withoutHash(page.url)}`,
      );
  }
}

// --- feedback_channel: recommendation "integrate citizen consultation and feedback" ----------------------------

const feedback = compile(data.feedbackChannel);
const feedbackForm = new PhraseMatcher(data.feedbackChannel.formPhrases);

function feedbackChannel(page: PageSnapshot, findings: Findings): void {
  announce('feedback_channel', page, feedback, findings);
  for (const form of page.forms) {
    if (/search/i.test(form.role)) continue;
    const described = [
      form.id,
      form.name,
      ...form.submitTexts,
      ...form.fields.flatMap((f) => [f.label, f.placeholder, nameWords(f.name), nameWords(f.id)]),
    ]
      .map(nameWords)
      .join(' | ');
    const phrase = feedbackForm.first(described);
    if (phrase === null) continue;
    findings.add(
      'feedback_channel',
      page.url,
      `formulario de ${phrase}${form.action ? ` → ${form.action}` : ''} (${form.fields.length} campos)`,
      `form ${withoutHash(page.url)} ${form.selector}`,
    );
  }
}

// --- documentFormats / open_formats: principle 6 *Pertenencia tecnológica* -------------------------------------

const documentExtensions = new Set(data.documentFormats.extensions);
const openFormats = new Set(data.documentFormats.open);
const typeInLabel = new RegExp(`\\b(${data.documentFormats.extensions.join('|')})\\b`, 'i');

/** Distinct linked documents by type (from the URL, else from "Descargar (PDF)"-style link text). */
function documents(pages: PageSnapshot[], findings: Findings): Record<string, number> {
  const seen = new Map<string, string>();
  for (const page of pages) {
    for (const link of page.links) {
      const href = withoutHash(link.href);
      if (seen.has(href) || !/^https?:/i.test(href)) continue;
      let extension = fileExtension(href);
      if (!documentExtensions.has(extension)) {
        // Only when the URL has no extension of its own: "/descargar?id=12" labelled "Formulario (PDF)".
        if (extension !== '' || !(link.download || /[?=]|descarga|download/i.test(href))) continue;
        extension = typeInLabel.exec(labelOf(link))?.[1]?.toLowerCase() ?? '';
        if (!documentExtensions.has(extension)) continue;
      }
      seen.set(href, extension);
      if (openFormats.has(extension)) {
        findings.add('open_formats', page.url, `documento .${extension}: ${href}`, `ext ${extension}`);
      }
    }
  }
  const counts: Record<string, number> = {};
  for (const extension of [...seen.values()].sort()) counts[extension] = (counts[extension] ?? 0) + 1;
  return counts;
}

// --- the country's lists, compiled once per profile ------------------------------------------------------------

const compiledByProfile = new WeakMap<
  CountryProfile,
  { portalByHost: PortalByHost; publicInformation: PublicInformationLists }
>();

function countryLists(profile: CountryProfile) {
  let lists = compiledByProfile.get(profile);
  if (!lists) {
    const law = profile.publicInformation;
    lists = {
      portalByHost: new Map(
        profile.nationalPortals.flatMap((portal) => portal.hosts.map((host) => [host, portal] as const)),
      ),
      publicInformation: {
        announce: compile({
          linkPhrases: [...data.publicInformation.linkPhrases, ...law.linkPhrases],
          textPhrases: [...data.publicInformation.textPhrases, ...law.textPhrases],
        }),
        contextual: [...data.publicInformation.contextualPhrases, ...law.contextualPhrases].map((entry) => ({
          phrase: new PhraseMatcher([entry.phrase]),
          requires: new PhraseMatcher(entry.requires),
        })),
      },
    };
    compiledByProfile.set(profile, lists);
  }
  return lists;
}
