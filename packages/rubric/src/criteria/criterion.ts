import type { EvidenceKind, EvidenceKinds, SiteEvidence } from '../evidence/site.js';
import type { Localized } from '../evidence/common.js';
import type { Verdict } from '../results.js';
import { gather } from './support.js';

/**
 * What a criterion says about itself, as a Lighthouse audit's `meta`: everything the registry, the schemas, the
 * default rubric and the report derive (issue #18: one place for every fact).
 */
export interface CriterionMeta<Id extends string = string, Kind extends EvidenceKind = EvidenceKind> {
  /** snake_case, unique: the key of its settings in a rubric file and its id in results.json. */
  id: Id;
  /** The level of the maturity model it belongs to (the default rubric puts it there). */
  level: 1 | 2 | 3 | 4 | 5;
  /** Its name in reports and issues. */
  title: Localized;
  /** The part of the methodology this criterion implements. */
  implements: Localized;
  /** The evidence kinds it reads: the evaluator gathers these, and a missing or failed one gives an `error` result. */
  requiredEvidence: readonly Kind[];
}

/** A JSON Schema (draft-07 subset that ajv compiles) of one criterion's settings object. */
export type SettingsSchema = Readonly<Record<string, unknown>>;

/** A criterion's thresholds and word lists: their JSON Schema (a rubric file is validated against it) and defaults. */
export interface CriterionSettings<Settings> {
  /** The schema of the complete settings object; `settingsSchema()` (settings-schema.ts) builds the usual shape. */
  schema: SettingsSchema;
  /** The product's defaults; data/default-rubric.json is generated from them (`npm run docs`). */
  defaults: Settings;
}

/** The evidence data a criterion declared, by kind, once the evaluator checked every kind is there and `ok`. */
export type DeclaredEvidence<Kind extends EvidenceKind> = { [K in Kind]: EvidenceKinds[K] };

/**
 * One criterion of the maturity model, as a Lighthouse audit: metadata, settings, and a pure function over the
 * evidence it declared. `settings` values come from the rubric (data, overridable by the user).
 */
export interface Criterion<Settings = unknown, Id extends string = string> {
  meta: CriterionMeta<Id>;
  settings: CriterionSettings<Settings>;
  /** Gathers `meta.requiredEvidence` (missing or failed → an `error` verdict) and judges it. */
  evaluate(evidence: SiteEvidence, settings: Settings): Verdict;
}

/** What a criterion module writes: `judge` receives only the evidence kinds its meta declares. */
export interface CriterionDefinition<Id extends string, Kind extends EvidenceKind, Settings> {
  meta: CriterionMeta<Id, Kind>;
  settings: CriterionSettings<Settings>;
  judge(data: DeclaredEvidence<Kind>, settings: Settings, evidence: SiteEvidence): Verdict;
}

/**
 * A criterion from its definition. The evidence is gathered from `meta.requiredEvidence` — the one list of what it
 * reads — so the evaluator's generic rules (missing → error, unfinished → inconclusive) and `judge` agree.
 */
export function defineCriterion<const Id extends string, Kind extends EvidenceKind, Settings>(
  definition: CriterionDefinition<Id, Kind, Settings>,
): Criterion<Settings, Id> {
  const { meta, settings, judge } = definition;
  return {
    meta,
    settings,
    evaluate(evidence, values) {
      const got = gather(evidence, meta.requiredEvidence);
      return got.ok ? judge(got.data, values, evidence) : got.result;
    },
  };
}
