import type { Outcome } from '../results.js';
import type { Episode, ItemTrend } from './types.js';

/** An item's state while runs are added oldest first. */
export interface ItemState {
  trend: ItemTrend;
  open: Episode | null;
}

export function newItem(id: string): ItemState {
  return { trend: { id, latest: null, latestDate: null, firstPassed: null, episodes: [] }, open: null };
}

/**
 * One verdict of a later run. A fail opens a stretch (or extends the open one); a pass closes it as fixed on that
 * date. Anything else (inconclusive, error, not applicable) is recorded as the latest verdict but neither breaks
 * nor fixes: an unfinished scan proves nothing either way (#17).
 */
export function observe(state: ItemState, outcome: Outcome, date: string): void {
  state.trend.latest = outcome;
  state.trend.latestDate = date;
  if (outcome === 'fail') {
    if (state.open) state.open.lastSeen = date;
    else {
      state.open = { firstSeen: date, lastSeen: date, fixed: null };
      state.trend.episodes.push(state.open);
    }
  } else if (outcome === 'pass') {
    state.trend.firstPassed ??= date;
    if (state.open) {
      state.open.fixed = date;
      state.open = null;
    }
  }
}
