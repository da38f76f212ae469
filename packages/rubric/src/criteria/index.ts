import type { CriterionId } from '../results.js';
import type { CitizenCentricPortalSettings } from './citizen-centric-portal.js';
import { citizenCentricPortal } from './citizen-centric-portal.js';
import type { Criterion } from './criterion.js';
import type { DownloadableFormsSettings } from './downloadable-forms.js';
import { downloadableForms } from './downloadable-forms.js';
import type { EParticipationSettings } from './e-participation.js';
import { eParticipation } from './e-participation.js';
import type { EPaymentsSettings } from './e-payments.js';
import { ePayments } from './e-payments.js';
import type { EmailContactSettings } from './email-contact.js';
import { emailContact } from './email-contact.js';
import type { FreshContentSettings } from './fresh-content.js';
import { freshContent } from './fresh-content.js';
import type { InteractiveChannelsSettings } from './interactive-channels.js';
import { interactiveChannels } from './interactive-channels.js';
import type { LinksToAgenciesSettings } from './links-to-agencies.js';
import { linksToAgencies } from './links-to-agencies.js';
import type { ManyPagesSettings } from './many-pages.js';
import { manyPages } from './many-pages.js';
import type { StaticInfoSettings } from './static-info.js';
import { staticInfo } from './static-info.js';
import type { UserAccountsSettings } from './user-accounts.js';
import { userAccounts } from './user-accounts.js';
import type { WorkingSearchSettings } from './working-search.js';
import { workingSearch } from './working-search.js';

/** The settings (thresholds, word lists) of every criterion, as data/default-rubric.json holds them. */
export interface CriteriaSettings {
  static_info: StaticInfoSettings;
  many_pages: ManyPagesSettings;
  links_to_agencies: LinksToAgenciesSettings;
  fresh_content: FreshContentSettings;
  downloadable_forms: DownloadableFormsSettings;
  email_contact: EmailContactSettings;
  working_search: WorkingSearchSettings;
  interactive_channels: InteractiveChannelsSettings;
  user_accounts: UserAccountsSettings;
  e_payments: EPaymentsSettings;
  citizen_centric_portal: CitizenCentricPortalSettings;
  e_participation: EParticipationSettings;
}

/** A criterion together with the settings type its id selects. */
export type AnyCriterion = { [K in CriterionId]: Criterion<CriteriaSettings[K]> & { meta: { id: K } } }[CriterionId];

/** The twelve criteria of the methodology, in level order (the order reports list them). */
export const CRITERIA: readonly AnyCriterion[] = [
  staticInfo as AnyCriterion,
  manyPages as AnyCriterion,
  linksToAgencies as AnyCriterion,
  freshContent as AnyCriterion,
  downloadableForms as AnyCriterion,
  emailContact as AnyCriterion,
  workingSearch as AnyCriterion,
  interactiveChannels as AnyCriterion,
  userAccounts as AnyCriterion,
  ePayments as AnyCriterion,
  citizenCentricPortal as AnyCriterion,
  eParticipation as AnyCriterion,
];

export type {
  CitizenCentricPortalSettings,
  DownloadableFormsSettings,
  EParticipationSettings,
  EPaymentsSettings,
  EmailContactSettings,
  FreshContentSettings,
  InteractiveChannelsSettings,
  LinksToAgenciesSettings,
  ManyPagesSettings,
  StaticInfoSettings,
  UserAccountsSettings,
  WorkingSearchSettings,
};
