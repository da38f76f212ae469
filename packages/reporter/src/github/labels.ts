/** The labels the reporter manages: one that marks its issues, and one per maturity level. */
export const MANAGED_LABEL = 'egov-monitor';
export const LEVEL_LABEL_PREFIX = 'nivel-';

export function levelLabel(level: number): string {
  return `${LEVEL_LABEL_PREFIX}${level}`;
}

export function isLevelLabel(name: string): boolean {
  return /^nivel-[0-5]$/.test(name);
}

export const LABEL_DEFINITIONS: { name: string; color: string; description: string }[] = [
  { name: MANAGED_LABEL, color: '1d76db', description: 'Diagnóstico automático de gobierno electrónico (egov-monitor)' },
  { name: levelLabel(0), color: 'bfbfbf', description: 'Nivel 0: no se pudo evaluar' },
  { name: levelLabel(1), color: 'f9d0c4', description: 'Nivel 1: Emergente' },
  { name: levelLabel(2), color: 'fef2c0', description: 'Nivel 2: Ampliado' },
  { name: levelLabel(3), color: 'c2e0c6', description: 'Nivel 3: Interactivo' },
  { name: levelLabel(4), color: 'bfdadc', description: 'Nivel 4: Transaccional' },
  { name: levelLabel(5), color: 'd4c5f9', description: 'Nivel 5: Integrado' },
];
