import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RUN_OPTIONS, helpText } from '@egov-monitor/pipeline';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
}

const actionYml = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as ActionYml;

describe('action.yml against the run options (RUN_OPTIONS, shared with the CLI)', () => {
  const shared = Object.values(RUN_OPTIONS).filter((spec) => spec.input !== null);

  it.each(shared.map((spec) => [spec.input, spec] as const))(
    'input "%s" says what the schema says, and leaves the default to the pipeline',
    (input, spec) => {
      const declared = actionYml.inputs[input];
      expect(declared, `action.yml has no input "${input}"`).toBeDefined();
      expect(declared?.description).toBe(helpText(spec));
      // Empty: runScan applies the schema's default, once, for the Action and the CLI alike.
      expect(declared?.default).toBe('');
      expect(declared?.required ?? false).toBe(false);
    },
  );
});
