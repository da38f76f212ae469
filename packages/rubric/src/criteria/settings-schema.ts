/**
 * Building blocks of the criteria's settings schemas (each criterion module declares its own; the rubric's JSON
 * Schema collects them from the registry). `additionalProperties: false`, so a misspelt key is refused and named.
 */
import type { SettingsSchema } from './criterion.js';

export const count = { type: 'integer', minimum: 0 } as const;
export const atLeastOne = { type: 'integer', minimum: 1 } as const;
export const share = { type: 'number', minimum: 0, maximum: 1 } as const;
export const flag = { type: 'boolean' } as const;
export const strings = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;
export const domains = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9.-]+$' },
  uniqueItems: true,
} as const;
export const suffixes = {
  type: 'array',
  items: { type: 'string', pattern: '^\\.?[a-z0-9*.-]+$' },
  uniqueItems: true,
} as const;
export const namedDomains = {
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

/** A list of distinct values from a vocabulary (an `as const` list, e.g. CHANNEL_KINDS). */
export function subsetOf(values: readonly string[], options: { minItems?: number } = {}) {
  return { type: 'array', uniqueItems: true, ...options, items: { enum: [...values] } } as const;
}

/** An object with exactly these keys, every one required (the rubric holds complete settings after merging). */
export function settingsSchema(properties: Record<string, unknown>): SettingsSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}
