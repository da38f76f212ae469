/**
 * The registry: the one list of criteria. Everything else that names criteria is derived from it — the ids
 * (`CRITERION_IDS`, `CriterionId`), each criterion's settings type, the rubric's JSON Schema, the default rubric's
 * settings and level membership, the results schema's id enum (generated, `npm run docs`). Adding a criterion is
 * its module plus one line here (docs/contributing.md).
 */
import { citizenCentricPortal } from './citizen-centric-portal.js';
import { downloadableForms } from './downloadable-forms.js';
import { eParticipation } from './e-participation.js';
import { ePayments } from './e-payments.js';
import { emailContact } from './email-contact.js';
import { freshContent } from './fresh-content.js';
import { interactiveChannels } from './interactive-channels.js';
import { linksToAgencies } from './links-to-agencies.js';
import { manyPages } from './many-pages.js';
import { staticInfo } from './static-info.js';
import { userAccounts } from './user-accounts.js';
import { workingSearch } from './working-search.js';

/** The criteria of the methodology, in level order (the order reports list them). */
export const CRITERIA = [
  staticInfo,
  manyPages,
  linksToAgencies,
  freshContent,
  downloadableForms,
  emailContact,
  workingSearch,
  interactiveChannels,
  userAccounts,
  ePayments,
  citizenCentricPortal,
  eParticipation,
] as const;

/** One criterion of the registry, its settings type selected by its id. */
export type AnyCriterion = (typeof CRITERIA)[number];
type Id = AnyCriterion['meta']['id'];

/** The settings (thresholds, word lists) of every criterion, by id, as a rubric holds them. */
export type CriteriaSettings = {
  [K in Id]: Extract<AnyCriterion, { meta: { id: K } }>['settings']['defaults'];
};

/** Every criterion id, in the registry's order. */
export const CRITERION_IDS: readonly Id[] = Object.freeze(CRITERIA.map((criterion) => criterion.meta.id));

export type { CitizenCentricPortalSettings } from './citizen-centric-portal.js';
export type { DownloadableFormsSettings } from './downloadable-forms.js';
export type { EParticipationSettings } from './e-participation.js';
export type { EPaymentsSettings } from './e-payments.js';
export type { EmailContactSettings } from './email-contact.js';
export type { FreshContentSettings } from './fresh-content.js';
export type { InteractiveChannelsSettings } from './interactive-channels.js';
export type { LinksToAgenciesSettings } from './links-to-agencies.js';
export type { ManyPagesSettings } from './many-pages.js';
export type { StaticInfoSettings } from './static-info.js';
export type { UserAccountsSettings } from './user-accounts.js';
export type { WorkingSearchSettings } from './working-search.js';
