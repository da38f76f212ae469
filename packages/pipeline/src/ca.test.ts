import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { readExtraCaPems } from './ca.js';
import { PipelineConfigError } from './errors.js';

const pem = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;

describe('readExtraCaPems', () => {
  it('reads every certificate of --ca files and NODE_EXTRA_CA_CERTS, once each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ca-'));
    const a = join(dir, 'a.pem');
    const b = join(dir, 'b.pem');
    await writeFile(a, `${pem('QUFB')}\n${pem('QkJC')}\n`);
    await writeFile(b, `subject=x\n${pem('QUFB')}\n${pem('Q0ND')}\n`);
    const pems = await readExtraCaPems([a], { NODE_EXTRA_CA_CERTS: b });
    expect(pems).toEqual([pem('QUFB'), pem('QkJC'), pem('Q0ND')]);
  });

  it('leaves out CAs Node already trusts (NODE_EXTRA_CA_CERTS is often the system bundle)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ca-'));
    const bundle = join(dir, 'system.pem');
    await writeFile(bundle, `${tls.rootCertificates.slice(0, 5).join('\n')}\n${pem('QUFB')}\n`);
    expect(await readExtraCaPems([], { NODE_EXTRA_CA_CERTS: bundle })).toEqual([pem('QUFB')]);
  });

  it('names the file when it is missing or holds no certificate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ca-'));
    const empty = join(dir, 'empty.pem');
    await writeFile(empty, 'nothing here');
    await expect(readExtraCaPems([join(dir, 'missing.pem')], {})).rejects.toThrow(
      /missing\.pem: file not found/,
    );
    await expect(readExtraCaPems([empty], {})).rejects.toThrow(PipelineConfigError);
    await expect(readExtraCaPems([empty], {})).rejects.toThrow(/empty\.pem: no PEM/);
  });
});
