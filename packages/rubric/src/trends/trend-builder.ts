import { GROUP_LABELS, GROUP_ORDER, OVERALL_KEY, OVERALL_LABEL } from '../aggregate.js';
import type { SiteGroup } from '../evidence/common.js';
import { outcomeOfCode } from '../history/outcome-code.js';
import { historySiteKey } from '../history/site-key.js';
import type { HistoryRun, HistorySite } from '../history/types.js';
import { aggregatePoint } from './aggregate-point.js';
import type { ItemState } from './episodes.js';
import { newItem, observe } from './episodes.js';
import type { AggregateTrend, ItemTrend, SiteTrend, TrendRun, Trends } from './types.js';

interface SiteState {
  trend: Omit<SiteTrend, 'criteria' | 'checks' | 'accessibilityRules'>;
  criteria: Map<string, ItemState>;
  checks: Map<string, ItemState>;
  rules: Map<string, ItemState>;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function item(items: Map<string, ItemState>, id: string): ItemState {
  let state = items.get(id);
  if (!state) {
    state = newItem(id);
    items.set(id, state);
  }
  return state;
}

/** Institution as the report's aggregate keys it: the list's institution, else the site's own name. */
function institutionOf(site: HistorySite): string {
  return site.institution ?? site.name;
}

export interface TrendBuilder {
  /** Adds the next run; runs come oldest first (the index's order), one at a time, so none is kept whole. */
  add(run: HistoryRun): void;
  result(): Trends;
}

/**
 * Trends over every run of a history: per site (level, points, compliance, accessibility, and when each criterion,
 * check and accessibility rule was first seen failing and fixed), per institution, per group and overall. Fed one
 * run at a time and keeping only small per-site series, so memory grows with sites × runs in numbers, never with
 * the runs' files.
 */
export function createTrendBuilder(): TrendBuilder {
  const runs: TrendRun[] = [];
  const sites = new Map<string, SiteState>();
  const groups = new Map<SiteGroup, AggregateTrend>();
  const institutions = new Map<string, AggregateTrend>();
  const overall: AggregateTrend = { kind: 'overall', key: OVERALL_KEY, label: OVERALL_LABEL, points: [] };
  let lastDate = '';
  // Items are listed in the newest run's order (the report's order), ids it no longer has after them.
  let criteriaOrder: readonly string[] = [];
  let checksOrder: readonly string[] = [];

  const addSite = (run: HistoryRun, site: HistorySite, key: string): void => {
    const date = run.startedAt;
    let state = sites.get(key);
    const identity = {
      key,
      url: site.url,
      name: site.name,
      ...(site.acronym ? { acronym: site.acronym } : {}),
      institution: institutionOf(site),
      group: site.group,
    };
    if (!state) {
      state = {
        trend: { ...identity, firstSeen: date, lastSeen: date, lastRun: run.id, points: [] },
        criteria: new Map(),
        checks: new Map(),
        rules: new Map(),
      };
      sites.set(key, state);
    } else {
      // The newest run names the site: a renamed ministry shows its current name over its whole trend.
      state.trend = { ...state.trend, ...identity, acronym: site.acronym, lastSeen: date, lastRun: run.id };
      if (!site.acronym) delete state.trend.acronym;
    }
    state.trend.points.push({
      run: run.id,
      date,
      status: site.status,
      ...(site.error ? { error: site.error } : {}),
      level: site.level,
      points: site.points,
      provisional: site.provisional === true,
      compliance: site.compliance,
      accessibility: {
        pages: site.accessibility.pages,
        rules: site.accessibility.rules,
        nodes: site.accessibility.nodes,
      },
    });
    if (site.status !== 'ok') return;
    run.criteria.forEach((id, i) => {
      const outcome = outcomeOfCode(site.criteria[i]);
      if (outcome) observe(item(state.criteria, id), outcome, date);
    });
    run.checks.forEach((id, i) => {
      const outcome = outcomeOfCode(site.checks[i]);
      if (outcome) observe(item(state.checks, id), outcome, date);
    });
    // A rule is fixed when axe ran on the site again and no longer reports it; a run where axe ran on no page
    // says nothing about accessibility.
    if (site.accessibility.pages > 0) {
      for (const rule of Object.keys(site.accessibility.byRule))
        observe(item(state.rules, rule), 'fail', date);
      for (const [rule, ruleState] of state.rules)
        if (!(rule in site.accessibility.byRule)) observe(ruleState, 'pass', date);
    }
  };

  const addAggregate = (
    target: Map<string, AggregateTrend>,
    kind: 'group' | 'institution',
    key: string,
    label: string,
    run: HistoryRun,
    members: HistorySite[],
  ) => {
    let trend = target.get(key);
    if (!trend) {
      trend = { kind, key, label, points: [] };
      target.set(key, trend);
    }
    trend.points.push(aggregatePoint(run, members));
  };

  return {
    add(run: HistoryRun): void {
      if (run.startedAt < lastDate) {
        throw new Error(
          `trends: run ${run.id} (${run.startedAt}) comes after a newer run (${lastDate}); add runs oldest first`,
        );
      }
      lastDate = run.startedAt;
      criteriaOrder = run.criteria;
      checksOrder = run.checks;
      runs.push({ id: run.id, date: run.startedAt, list: run.list, tool: run.tool, sites: run.sites.length });
      // A list that names one site twice: the first entry speaks for it, as the comparison pairs first with first.
      const unique: HistorySite[] = [];
      const seen = new Set<string>();
      for (const site of run.sites) {
        const key = historySiteKey(site.url);
        if (seen.has(key)) continue;
        seen.add(key);
        unique.push(site);
        addSite(run, site, key);
      }
      overall.points.push(aggregatePoint(run, unique));
      for (const group of GROUP_ORDER) {
        const members = unique.filter((s) => s.group === group);
        if (members.length)
          addAggregate(
            groups as Map<string, AggregateTrend>,
            'group',
            group,
            GROUP_LABELS[group],
            run,
            members,
          );
      }
      const byInstitution = new Map<string, HistorySite[]>();
      for (const site of unique)
        byInstitution.set(institutionOf(site), [...(byInstitution.get(institutionOf(site)) ?? []), site]);
      for (const [name, members] of byInstitution)
        addAggregate(institutions, 'institution', name, name, run, members);
    },

    result(): Trends {
      const items = (map: Map<string, ItemState>): ItemTrend[] =>
        [...map.values()].map((s) => s.trend).sort((a, b) => byCodeUnit(a.id, b.id));
      const ordered = (map: Map<string, ItemState>, order: readonly string[]): ItemTrend[] => {
        const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
        return items(map).sort((a, b) => rank(a.id) - rank(b.id) || byCodeUnit(a.id, b.id));
      };
      return {
        runs,
        sites: [...sites.values()].map((s) => ({
          ...s.trend,
          criteria: ordered(s.criteria, criteriaOrder),
          checks: ordered(s.checks, checksOrder),
          accessibilityRules: items(s.rules),
        })),
        institutions: [...institutions.values()].sort(
          (a, b) => a.label.localeCompare(b.label, 'es') || byCodeUnit(a.key, b.key),
        ),
        groups: GROUP_ORDER.flatMap((g) => (groups.has(g) ? [groups.get(g)!] : [])),
        overall,
      };
    },
  };
}
