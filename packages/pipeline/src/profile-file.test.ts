import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '@egov-monitor/rubric';
// The embedder of profiles/*.json (a plain script, not part of the package): its output must match what is committed.
// @ts-expect-error -- an .mjs script without type declarations
import { collectProfiles, generatedSource, GENERATED_FILE } from '../../../scripts/embed-profiles.mjs';
import { PipelineConfigError } from './errors.js';
import { readProfile } from './profile-file.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readProfile', () => {
  it('finds a built-in profile by name', async () => {
    expect(await readProfile('guatemala')).toBe(BUILTIN_PROFILES.guatemala);
    expect((await readProfile('el-salvador')).timezone).toBe('America/El_Salvador');
  });

  it('refuses an unknown name, listing the built-in ones', async () => {
    await expect(readProfile('honduras')).rejects.toThrow(
      'profile "honduras" is not a built-in profile (el-salvador, guatemala); give a file path to use your own (docs/profiles.md)',
    );
  });

  it('reads a YAML or JSON file and names the file and the bad key', async () => {
    const good = join(dir, 'mi-pais.yaml');
    writeFileSync(good, JSON.stringify({ ...BUILTIN_PROFILES['el-salvador'], id: 'mi-pais' }));
    expect((await readProfile(good)).id).toBe('mi-pais');

    const bad = join(dir, 'malo.json');
    writeFileSync(bad, JSON.stringify({ ...BUILTIN_PROFILES.guatemala, timezone: 'America/Gotham' }));
    const error = await readProfile(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineConfigError);
    expect((error as Error).message).toBe(
      `${bad}: invalid country profile: timezone: "America/Gotham" is not an IANA time zone (e.g. America/Guatemala)`,
    );
    await expect(readProfile(join(dir, 'missing.json'))).rejects.toThrow('file not found');
  });
});

describe('the embedded profiles', () => {
  it('are profiles/*.json as committed (run `node scripts/embed-profiles.mjs` after editing a profile)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generatedSource(collectProfiles()));
  });
});
