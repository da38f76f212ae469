import type { Localized } from '../evidence/common.js';
import type { SiteChangeKind, SiteResult } from '../results.js';

/** The one-line human summary of a site's change, or none when nothing changed. */
export function changeNote(
  kind: SiteChangeKind,
  previous: SiteResult | null,
  current: SiteResult | null,
): Localized | undefined {
  const code = current?.error?.code ?? 'error';
  switch (kind) {
    case 'new':
      return {
        es: 'Sitio nuevo en la lista: no hay corrida anterior con qué comparar.',
        en: 'New in the list: no previous run to compare with.',
      };
    case 'removed':
      return { es: 'Ya no está en la lista de esta corrida.', en: 'No longer in this run’s list.' };
    case 'unreachable':
      if (previous?.status === 'ok') {
        const level = previous.maturity.level;
        return {
          es: `No se pudo cargar en esta corrida (${code}); se conserva el nivel anterior (${level}) para la comparación.`,
          en: `Could not be loaded in this run (${code}); its previous level (${level}) is kept for the comparison.`,
        };
      }
      return {
        es: `No se pudo cargar ni en esta corrida ni en la anterior (${code}).`,
        en: `Could not be loaded in this run nor in the previous one (${code}).`,
      };
    case 'recovered':
      return {
        es: `Volvió a cargar tras fallar en la corrida anterior; nivel actual ${current?.maturity.level ?? 0}.`,
        en: `Loads again after failing in the previous run; current level ${current?.maturity.level ?? 0}.`,
      };
    case 'improved':
    case 'regressed': {
      const from = previous?.maturity.level ?? 0;
      const to = current?.maturity.level ?? 0;
      return kind === 'improved'
        ? { es: `Subió del nivel ${from} al ${to}.`, en: `Rose from level ${from} to ${to}.` }
        : { es: `Bajó del nivel ${from} al ${to}.`, en: `Fell from level ${from} to ${to}.` };
    }
    case 'provisional': {
      const from = previous?.maturity.level ?? 0;
      const to = current?.maturity.level ?? 0;
      const reach = current?.maturity.couldReach ?? from;
      return {
        es: `Nivel provisional ${to} (antes ${from}): hay criterios no concluyentes que podrían llevarlo hasta el ${reach}; no se cuenta como retroceso y se conserva el nivel anterior para la comparación.`,
        en: `Provisional level ${to} (previously ${from}): inconclusive criteria could take it up to ${reach}; not counted as a regression, and the previous level is kept for the comparison.`,
      };
    }
    case 'unchanged':
      return undefined;
  }
}
