/** The labels the reporter manages: one that marks its issues, and one per maturity level. */
export const MANAGED_LABEL = 'egov-monitor';
export const LEVEL_LABEL_PREFIX = 'nivel-';

/** A site that could not be scanned is not at level 0: it has a label of its own. */
export const NOT_EVALUATED_LABEL = 'no-evaluado';

export function levelLabel(level: number): string {
  return `${LEVEL_LABEL_PREFIX}${level}`;
}

/** The label saying where a site stands in this run: its level, or that it could not be evaluated. */
export function siteStateLabel(site: { status: string; maturity: { level: number } }): string {
  return site.status === 'ok' ? levelLabel(site.maturity.level) : NOT_EVALUATED_LABEL;
}

/** Labels we swap from run to run (people's own labels are kept). */
export function isLevelLabel(name: string): boolean {
  return /^nivel-[0-5]$/.test(name) || name === NOT_EVALUATED_LABEL;
}

export const LABEL_DEFINITIONS: { name: string; color: string; description: string }[] = [
  {
    name: MANAGED_LABEL,
    color: '1d76db',
    description: 'Diagnóstico automático de gobierno electrónico (egov-monitor)',
  },
  { name: levelLabel(0), color: 'e99695', description: 'Nivel 0: se evaluó y no alcanza el nivel 1' },
  { name: levelLabel(1), color: 'f9d0c4', description: 'Nivel 1: Emergente' },
  { name: levelLabel(2), color: 'fef2c0', description: 'Nivel 2: Ampliado' },
  { name: levelLabel(3), color: 'c2e0c6', description: 'Nivel 3: Interactivo' },
  { name: levelLabel(4), color: 'bfdadc', description: 'Nivel 4: Transaccional' },
  { name: levelLabel(5), color: 'd4c5f9', description: 'Nivel 5: Integrado' },
  { name: NOT_EVALUATED_LABEL, color: 'bfbfbf', description: 'No se pudo evaluar en la última corrida' },
];
