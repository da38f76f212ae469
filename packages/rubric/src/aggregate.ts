import type { SiteGroup } from './evidence/common.js';
import type { Reference, Rubric } from './rubric-config.js';
import type { Aggregates, AverageRow, SiteSummary } from './results.js';

/** The report's groups, in its order, with the labels its tables use. */
export const GROUP_ORDER: readonly SiteGroup[] = ['ministerio', 'secretaria', 'other'];
export const GROUP_LABELS: Record<SiteGroup, string> = {
  ministerio: 'Ministerios',
  secretaria: 'Secretarías',
  other: 'Otras dependencias',
};
export const OVERALL_KEY = 'overall';
export const OVERALL_LABEL = 'Todos los sitios';

/** A site with a level: the scan worked and it reached at least level 1. Only these enter the averages. */
export function isEvaluated(site: SiteSummary): boolean {
  return site.status === 'ok' && site.maturity.level > 0;
}

/** Why a site is left out of the averages. */
export function notEvaluatedReason(site: SiteSummary): { code: string; message: string } {
  if (site.status === 'error') {
    return {
      code: site.error?.code ?? 'internal-error',
      message: site.error?.message ?? 'the site could not be scanned',
    };
  }
  return { code: 'below-level-1', message: 'the site answered but did not reach level 1 (Emergente)' };
}

export function institutionKey(site: SiteSummary): string {
  return site.institution ?? site.name;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round2(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/** Mean points of the evaluated sites, the table cell of the report; null when none was evaluated. */
export function averagePoints(sites: readonly SiteSummary[]): number | null {
  return mean(sites.filter(isEvaluated).map((site) => site.maturity.points));
}

export function averageRow(key: string, label: string, sites: readonly SiteSummary[]): AverageRow {
  const evaluated = sites.filter(isEvaluated);
  return {
    key,
    label,
    evaluated: evaluated.length,
    notEvaluated: sites.length - evaluated.length,
    averagePoints: averagePoints(sites),
    averageCompliance: mean(
      evaluated.map((site) => site.compliance.overall).filter((value): value is number => value !== null),
    ),
  };
}

const byLabel = (a: AverageRow, b: AverageRow) =>
  a.label.localeCompare(b.label, 'es') || a.key.localeCompare(b.key);

/**
 * The report's tables and charts: averages per institution, per group and overall over the sites that could be
 * evaluated (level 0 / status error are counted apart, with their reasons), sites per level, references.
 */
export function aggregate(sites: readonly SiteSummary[], rubric: Pick<Rubric, 'references'>): Aggregates {
  const byGroup = GROUP_ORDER.flatMap((group) => {
    const members = sites.filter((site) => site.group === group);
    return members.length === 0 ? [] : [averageRow(group, GROUP_LABELS[group], members)];
  });

  const institutions = new Map<string, SiteSummary[]>();
  for (const site of sites) {
    const members = institutions.get(institutionKey(site));
    if (members) members.push(site);
    else institutions.set(institutionKey(site), [site]);
  }
  const byInstitution = [...institutions.entries()]
    .map(([key, members]) => averageRow(key, key, members))
    .sort(byLabel);

  const sitesPerLevel: Aggregates['sitesPerLevel'] = { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const site of sites) {
    const level = (
      isEvaluated(site) ? String(site.maturity.level) : '0'
    ) as keyof Aggregates['sitesPerLevel'];
    sitesPerLevel[level] += 1;
  }

  const notEvaluated = sites
    .filter((site) => !isEvaluated(site))
    .map((site) => ({ url: site.url, name: site.name, ...notEvaluatedReason(site) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'es') || a.url.localeCompare(b.url));

  const scorePerSite = sites
    .filter(isEvaluated)
    .map((site) => ({ name: site.name, url: site.url, points: site.maturity.points }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'es') || a.url.localeCompare(b.url));

  return {
    overall: averageRow(OVERALL_KEY, OVERALL_LABEL, sites),
    byGroup,
    byInstitution,
    sitesPerLevel,
    notEvaluated,
    references: (rubric.references ?? []).map((reference: Reference) => ({
      id: reference.id,
      label: { ...reference.label },
      value: reference.value,
    })),
    charts: {
      scorePerSite,
      sitesPerLevel: Object.entries(sitesPerLevel).map(([level, count]) => ({ level: Number(level), count })),
      institutionEvaluatedVsScore: byInstitution.map((row) => ({
        institution: row.label,
        evaluated: row.evaluated,
        averagePoints: row.averagePoints,
      })),
    },
  };
}
