import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IDS,
  complianceConfigSchema,
  defaultComplianceConfig,
  mergeComplianceConfig,
} from './compliance-config.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile(complianceConfigSchema);

describe('compliance config', () => {
  it('the defaults validate against the schema', () => {
    expect(validate(defaultComplianceConfig), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema refuses unknown keys and bad values, naming them', () => {
    expect(validate({ thresholds: { maxPageByte: 1 } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'maxPageByte' },
    });
    expect(validate({ checkWeights: { 'no-such-check': 1 } })).toBe(false);
    expect(validate({ areaWeights: { security: -1 } })).toBe(false);
    expect(validate({ thresholds: { lighthouseMinScore: { seo: 101 } } })).toBe(false);
    expect(validate({ thresholds: { minTlsVersion: 1.4 } })).toBe(false);
    expect(validate({ documentFormats: { open: ['.PDF'] } })).toBe(false);
  });

  it('accepts a partial override, merged over the defaults', () => {
    const input = {
      checkWeights: { 'wcag-a': 5 },
      thresholds: { lighthouseMinScore: { performance: 70 } },
      documentFormats: { open: ['pdf'] },
    };
    expect(validate(input)).toBe(true);
    const merged = mergeComplianceConfig(defaultComplianceConfig, input);
    expect(merged.checkWeights['wcag-a']).toBe(5);
    expect(merged.checkWeights['wcag-aa']).toBe(defaultComplianceConfig.checkWeights['wcag-aa']);
    expect(merged.thresholds.lighthouseMinScore).toEqual({
      accessibility: 90,
      performance: 70,
      seo: 90,
      bestPractices: 90,
    });
    expect(merged.thresholds.maxPageBytes).toBe(defaultComplianceConfig.thresholds.maxPageBytes);
    expect(merged.documentFormats).toEqual({
      open: ['pdf'],
      proprietary: defaultComplianceConfig.documentFormats.proprietary,
    });
    expect(mergeComplianceConfig(defaultComplianceConfig, undefined)).toEqual(defaultComplianceConfig);
  });

  it('the defaults cannot be changed by accident', () => {
    expect(() => {
      (defaultComplianceConfig.thresholds as { maxPageBytes: number }).maxPageBytes = 1;
    }).toThrow(TypeError);
    expect(CHECK_IDS).toContain('open-formats');
  });
});
