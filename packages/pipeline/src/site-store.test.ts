import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, siteFilePaths, writeJsonAtomic } from './site-store.js';

describe('site store', () => {
  it('writes a site file atomically and reads it back', async () => {
    const out = await mkdtemp(join(tmpdir(), 'store-'));
    const paths = siteFilePaths(out, 'www-a-gob-gt-12345678');
    expect(paths.site).toBe(join(out, 'sites', 'www-a-gob-gt-12345678.json'));
    expect(paths.evidence).toBe(join(out, 'evidence', 'www-a-gob-gt-12345678.json'));
    await writeJsonAtomic(paths.site, { url: 'https://a.gob.gt/' });
    expect(await readdir(join(out, 'sites'))).toEqual(['www-a-gob-gt-12345678.json']);
    expect(await readJsonFile(paths.site)).toEqual({ url: 'https://a.gob.gt/' });
  });

  it('reads a missing or truncated file as null', async () => {
    const out = await mkdtemp(join(tmpdir(), 'store-'));
    await writeFile(join(out, 'half.json'), '{"url": "https://a.go');
    expect(await readJsonFile(join(out, 'half.json'))).toBeNull();
    expect(await readJsonFile(join(out, 'missing.json'))).toBeNull();
  });
});
