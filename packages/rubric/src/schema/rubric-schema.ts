/**
 * JSON Schema of a complete rubric (what `parseRubric` validates after merging the user's file over the
 * defaults). `additionalProperties: false` everywhere, so a misspelt key is refused and named.
 */
import { complianceConfigSchema } from '../compliance-config.js';
import { CRITERION_IDS } from '../results.js';

const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['es', 'en'],
  properties: { es: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;
const count = { type: 'integer', minimum: 0 } as const;
const atLeastOne = { type: 'integer', minimum: 1 } as const;
const strings = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;
const criterionId = { type: 'string', enum: [...CRITERION_IDS] } as const;
const namedDomains = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['domain', 'name'],
    properties: {
      domain: { type: 'string', pattern: '^[a-z0-9.-]+$' },
      name: { type: 'string', minLength: 1 },
      /** ISO 3166-1 alpha-2 code of the body's country. */
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
    },
  },
} as const;
const suffixes = { type: 'array', items: { type: 'string', pattern: '^\\.?[a-z0-9*.-]+$' }, uniqueItems: true } as const;

function settings(properties: Record<string, unknown>) {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties } as const;
}

const level = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'points', 'criteria', 'mandatory', 'minMet'],
  properties: {
    name: localized,
    points: { type: 'number', minimum: 0, maximum: 100 },
    criteria: { type: 'array', items: criterionId, uniqueItems: true },
    mandatory: { type: 'array', items: criterionId, uniqueItems: true },
    minMet: count,
  },
} as const;

export const rubricSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'levels', 'criteria', 'compliance', 'references'],
  properties: {
    version: { const: 1 },
    levels: {
      type: 'object',
      additionalProperties: false,
      required: ['1', '2', '3', '4', '5'],
      properties: { '1': level, '2': level, '3': level, '4': level, '5': level },
    },
    criteria: settings({
      static_info: settings({
        topics: {
          type: 'array',
          uniqueItems: true,
          items: {
            enum: ['mission', 'vision', 'authorities', 'org_chart', 'functions', 'history', 'legal_basis', 'services', 'contact_info'],
          },
        },
        minPages: atLeastOne,
      }),
      many_pages: settings({ minPages: atLeastOne, minWords: count }),
      links_to_agencies: settings({
        minAgencies: atLeastOne,
        countInternational: { type: 'boolean' },
        governmentSuffixes: suffixes,
        agencyDomains: namedDomains,
        internationalSuffixes: suffixes,
        internationalDomains: namedDomains,
        excludedDomains: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9.-]+$' }, uniqueItems: true },
      }),
      fresh_content: settings({ minItems: atLeastOne, maxAgeDays: atLeastOne, copyrightMarkers: strings }),
      downloadable_forms: settings({
        minForms: atLeastOne,
        fileTypes: { ...strings, minItems: 1 },
        minFormFields: atLeastOne,
        minLabelledBlanks: atLeastOne,
      }),
      email_contact: settings({ placeholderDomains: strings, fileExtensions: strings }),
      working_search: settings({ minResults: atLeastOne }),
      interactive_channels: settings({
        channelKinds: { type: 'array', uniqueItems: true, items: { enum: ['chat', 'chatbot', 'forum', 'comments', 'whatsapp', 'messenger', 'telegram'] } },
        messagingKinds: { type: 'array', uniqueItems: true, items: { enum: ['chat', 'chatbot', 'forum', 'comments', 'whatsapp', 'messenger', 'telegram'] } },
      }),
      user_accounts: settings({ acceptIdentityProviders: { type: 'boolean' } }),
      e_payments: settings({ minCardFields: atLeastOne }),
      citizen_centric_portal: settings({
        minNeedEntries: atLeastOne,
        minServiceLinks: atLeastOne,
        minNeedShare: { type: 'number', minimum: 0, maximum: 1 },
        minItemsPerGroup: atLeastOne,
      }),
      e_participation: settings({
        kinds: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            enum: [
              'survey',
              'poll',
              'consultation',
              'public-comment',
              'petition',
              'forum',
              'participatory-budget',
              'e-voting',
              'embedded-form',
              'feedback',
            ],
          },
        },
      }),
    }),
    compliance: complianceConfigSchema,
    references: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'value'],
        properties: { id: { type: 'string', minLength: 1 }, label: localized, value: { type: 'number' } },
      },
    },
  },
} as const;
