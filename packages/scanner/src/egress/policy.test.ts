import { describe, expect, it } from 'vitest';
import { createEgressPolicy, mappedResolver, policyForTarget, vetHost } from './policy.js';

const resolver = mappedResolver({
  'www.example.gob.gt': '200.1.2.3',
  'intranet.test': '127.0.0.3',
  'mixto.test': ['10.0.0.7', '200.1.2.4'],
  localhost: ['127.0.0.1', '::1'],
  // DNS rebinding: public for the first lookup, the metadata address for the next.
  'rebind.test': (call) => (call === 1 ? '200.1.2.5' : '169.254.169.254'),
});

describe('egress policy', () => {
  it('refuses every non-public address, whatever the spelling or the name', async () => {
    const policy = createEgressPolicy({ resolver });
    expect(await vetHost(policy, 'www.example.gob.gt')).toEqual({
      ok: true,
      address: '200.1.2.3',
      family: 4,
    });
    for (const host of [
      '10.0.0.1',
      '[::ffff:169.254.169.254]',
      '2852039166',
      '0xa9fea9fe',
      '127.1',
      '[::]',
      '0.0.0.0',
      'intranet.test',
    ])
      expect(await vetHost(policy, host), host).toMatchObject({ ok: false, refused: true });
    expect(await vetHost(policy, 'intranet.test')).toEqual({
      ok: false,
      refused: true,
      reason: 'loopback address',
      address: '127.0.0.3',
    });
    // A name with a public and a private address: the socket goes to the public one.
    expect(await vetHost(policy, 'mixto.test')).toMatchObject({ ok: true, address: '200.1.2.4' });
    expect(await vetHost(policy, 'nadie.test')).toMatchObject({
      ok: false,
      refused: false,
      code: 'ENOTFOUND',
    });
  });

  it('judges each connection on what the name resolves to now (DNS rebinding)', async () => {
    const policy = createEgressPolicy({ resolver });
    expect(await vetHost(policy, 'rebind.test')).toMatchObject({ ok: true, address: '200.1.2.5' });
    expect(await vetHost(policy, 'rebind.test')).toMatchObject({
      ok: false,
      refused: true,
      reason: 'link-local address',
    });
  });

  it("allows a private target's own address, and only that address", async () => {
    const policy = await policyForTarget('http://127.0.0.1:8080/', { resolver });
    expect([...policy.allowed]).toEqual(['127.0.0.1']);
    expect(await vetHost(policy, '127.0.0.1')).toMatchObject({ ok: true });
    expect(await vetHost(policy, '[::ffff:127.0.0.1]')).toMatchObject({ ok: true, address: '127.0.0.1' });
    for (const host of ['127.0.0.2', '10.0.0.1', 'intranet.test', '::1'])
      expect(await vetHost(policy, host), host).toMatchObject({ ok: false, refused: true });
    const named = await policyForTarget('http://localhost:8080/', { resolver });
    expect([...named.allowed].sort()).toEqual(['127.0.0.1', '::1']);
    // A public target allows nothing private.
    expect((await policyForTarget('https://www.example.gob.gt/', { resolver })).allowed.size).toBe(0);
    // The operator's explicit switch allows everything.
    expect(
      await vetHost(
        await policyForTarget('https://www.example.gob.gt/', { resolver, allowAll: true }),
        '10.0.0.1',
      ),
    ).toMatchObject({ ok: true });
  });
});
