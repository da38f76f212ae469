import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, parseProfile } from '@egov-monitor/rubric';
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
    const dir = fileURLToPath(new URL('../../../profiles/', import.meta.url));
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(Object.keys(BUILTIN_PROFILES).sort()).toEqual(files.map((name) => name.replace(/\.json$/, '')));
    for (const name of files) {
      const onDisk = parseProfile(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      expect(BUILTIN_PROFILES[onDisk.id], name).toEqual(onDisk);
    }
  });
});
