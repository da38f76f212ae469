import type { SiteComparison, SiteResult } from '../results.js';
import { accessibilityDiff } from './accessibility-diff.js';
import { changeKind } from './change-kind.js';
import { changeNote } from './change-note.js';
import { checksChanged } from './checks-diff.js';
import { criteriaDiff } from './criteria-diff.js';
import type { SitePair } from './match-sites.js';

function standing(site: SiteResult): NonNullable<SiteComparison['current']> {
  return { level: site.maturity.level, points: site.maturity.points, status: site.status };
}

/**
 * One site's change. Criteria, violations and checks are compared only when both runs loaded the site: an error
 * run has no findings, and reading its emptiness as "lost" or "fixed" would be inventing them. An unreachable
 * site keeps its previous level and points (with status error) so nothing downstream reads it as level 0.
 */
export function compareSite(pair: SitePair): SiteComparison {
  const { previous, current } = pair;
  const kind = changeKind(previous, current);
  const bothLoaded = previous?.status === 'ok' && current?.status === 'ok';
  const criteria = bothLoaded ? criteriaDiff(previous, current) : { gained: [], lost: [] };
  const comparison: SiteComparison = {
    url: (current ?? previous)!.url,
    name: (current ?? previous)!.name,
    kind,
    previous: previous ? standing(previous) : null,
    current: current ? standing(current) : null,
    criteriaGained: criteria.gained,
    criteriaLost: criteria.lost,
    accessibility: bothLoaded ? accessibilityDiff(previous, current) : { new: [], fixed: [], persisting: [] },
    checksChanged: bothLoaded ? checksChanged(previous, current) : [],
  };
  if (kind === 'unreachable' && previous?.status === 'ok') {
    comparison.current = {
      level: previous.maturity.level,
      points: previous.maturity.points,
      status: 'error',
    };
  }
  const note = changeNote(kind, previous, current);
  if (note) comparison.note = note;
  return comparison;
}
