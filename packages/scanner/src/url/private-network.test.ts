import { describe, expect, it } from 'vitest';
import { privateNetworkResolverRules } from './private-network.js';

describe('privateNetworkResolverRules', () => {
  it('refuses every private IPv4 range, loopback names and private IPv6 literals', () => {
    const rules = privateNetworkResolverRules([]);
    for (const pattern of ['10.*.*.*', '127.*.*.*', '169.254.*.*', '192.168.*.*', '172.16.*.*', '172.31.*.*', '100.64.*.*', 'localhost', 'fd*:*', '[::1]']) {
      expect(rules).toContain(`MAP ${pattern} ~NOTFOUND`);
    }
    // 172.15/172.32 and 100.63/100.128 are public.
    expect(rules).not.toMatch(/MAP 172\.(15|32)\./);
    expect(rules).not.toMatch(/MAP 100\.(63|128)\./);
    expect(rules).not.toContain('EXCLUDE');
  });

  it('keeps the private targets themselves reachable, once each', () => {
    const rules = privateNetworkResolverRules(['127.0.0.1', 'Intranet.Local', '127.0.0.1']);
    expect(rules.match(/EXCLUDE [^,]+/g)).toEqual(['EXCLUDE 127.0.0.1', 'EXCLUDE intranet.local']);
  });
});
