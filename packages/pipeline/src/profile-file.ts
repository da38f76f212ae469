import { BUILTIN_PROFILES, builtinProfile, parseProfile } from '@egov-monitor/rubric';
import type { CountryProfile } from '@egov-monitor/rubric';
import { readStructuredFile, withFileName } from './config-file.js';
import { PipelineConfigError } from './errors.js';

/** A value of --profile that names a file rather than a built-in profile. */
const looksLikePath = (value: string) => /[\\/]/.test(value) || /\.(json|ya?ml)$/i.test(value);

/**
 * The country profile `--profile` names (docs/profiles.md): a built-in one by id (`guatemala`, `el-salvador`, from
 * profiles/*.json), or a file of the same format (JSON or YAML), validated with errors naming the bad key.
 */
export async function readProfile(nameOrPath: string): Promise<CountryProfile> {
  const value = nameOrPath.trim();
  if (!looksLikePath(value)) {
    const profile = builtinProfile(value);
    if (profile) return profile;
    throw new PipelineConfigError(
      `profile "${value}" is not a built-in profile (${Object.keys(BUILTIN_PROFILES).sort().join(', ')}); give a file path to use your own (docs/profiles.md)`,
    );
  }
  const raw = await readStructuredFile(value);
  return withFileName(value, () => parseProfile(raw));
}
