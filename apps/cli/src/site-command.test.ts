import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from './main.js';
import { memoryIo } from './test-helpers/cli.js';

// The `site` command's inputs; building a real site is covered by history.e2e.test.ts.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'egov-cli-site-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const site = async (...args: string[]) => {
  const io = memoryIo();
  const code = await main(['node', 'egov-monitor', 'site', ...args], io);
  return { code, out: io.out(), err: io.err() };
};

describe('egov-monitor site', () => {
  it('documents its flags', async () => {
    const { code, out } = await site('--help');
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('--history <dir>');
    expect(out).toContain('(default: "egov-site")');
  });

  it('needs a history folder with runs: otherwise one line and exit 2, nothing built', async () => {
    const missing = await site('--out', join(dir, 'out'));
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toContain("required option '--history <dir>' not specified");

    const nowhere = await site('--history', join(dir, 'nowhere'), '--out', join(dir, 'out'));
    expect(nowhere).toMatchObject({ code: EXIT.usage, out: '' });
    expect(nowhere.err).toBe(`egov-monitor: --history ${join(dir, 'nowhere')}: no such folder\n`);

    await mkdir(join(dir, 'empty'));
    const empty = await site('--history', join(dir, 'empty'), '--out', join(dir, 'out'));
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.err).toMatch(/the history has no runs yet/);

    await writeFile(join(dir, 'empty', 'index.json'), '{"format":1,"latest":null,"runs":[{"id":1}]}');
    const broken = await site('--history', join(dir, 'empty'), '--out', join(dir, 'out'));
    expect(broken.code).toBe(EXIT.usage);
    expect(broken.err).toMatch(/index\.json: not a valid egov-monitor history file: runs\[0\]/);
  });
});
