/**
 * JSON Schema of a complete rubric (what `parseRubric` validates after merging the user's file over the
 * defaults). `additionalProperties: false` everywhere, so a misspelt key is refused and named.
 */
import { complianceConfigSchema } from '../compliance-config.js';
import { CRITERIA, CRITERION_IDS } from '../criteria/index.js';

const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['es', 'en'],
  properties: { es: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;
const count = { type: 'integer', minimum: 0 } as const;
const criterionId = { type: 'string', enum: [...CRITERION_IDS] } as const;

function settings(properties: Record<string, unknown>) {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  } as const;
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
    // each criterion module declares its settings' schema; the registry lists them (criteria/index.ts)
    criteria: settings(
      Object.fromEntries(CRITERIA.map((criterion) => [criterion.meta.id, criterion.settings.schema])),
    ),
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
