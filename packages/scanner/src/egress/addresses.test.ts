import { describe, expect, it } from 'vitest';
import { classifyAddress, isIpLiteral } from './addresses.js';

describe('classifyAddress', () => {
  it('reads every spelling of an IPv4 address as the address a socket would reach', () => {
    const cases: [string, string][] = [
      ['127.1', '127.0.0.1'],
      ['2852039166', '169.254.169.254'],
      ['0251.0376.0251.0376', '169.254.169.254'],
      ['0xa9fea9fe', '169.254.169.254'],
      ['[::ffff:127.0.0.2]', '127.0.0.2'],
      ['::ffff:7f00:2', '127.0.0.2'],
      ['::ffff:a9fe:a9fe', '169.254.169.254'],
      ['::ffff:0:a00:1', '10.0.0.1'],
    ];
    for (const [spelling, address] of cases)
      expect(classifyAddress(spelling), spelling).toMatchObject({ address, public: false });
  });

  it('refuses private, loopback, link-local, CGNAT, multicast, reserved, documentation and unspecified ranges', () => {
    const cases: [string, string][] = [
      ['10.1.2.3', 'private address'],
      ['172.16.5.4', 'private address'],
      ['192.168.0.1', 'private address'],
      ['127.0.0.2', 'loopback address'],
      ['169.254.169.254', 'link-local address'],
      ['100.64.0.1', 'shared address (CGNAT)'],
      ['224.0.0.1', 'multicast address'],
      ['255.255.255.255', 'broadcast address'],
      ['0.0.0.0', 'unspecified address'],
      ['192.0.2.1', 'reserved address'],
      ['198.18.0.1', 'reserved address'],
      ['240.0.0.1', 'reserved address'],
      ['::', 'unspecified address'],
      ['[::]', 'unspecified address'],
      ['::1', 'loopback address'],
      ['fd00::1', 'private address'],
      ['fe80::1', 'link-local address'],
      ['ff02::1', 'multicast address'],
      ['2001:db8::1', 'reserved address'],
      // IPv4-compatible (deprecated), 6to4 and Teredo: no government site lives there.
      ['::7f00:2', 'reserved address'],
      ['2002:a9fe:a9fe::1', 'reserved address'],
      ['2001::1', 'reserved address'],
      // NAT64 leads to the embedded IPv4 address.
      ['64:ff9b::a9fe:a9fe', 'link-local address'],
      ['64:ff9b::7f00:1', 'loopback address'],
    ];
    for (const [address, reason] of cases)
      expect(classifyAddress(address), address).toMatchObject({ public: false, reason });
  });

  it('lets public unicast through, NAT64 of a public address included (DNS64 on IPv6-only runners)', () => {
    for (const address of [
      '8.8.8.8',
      '200.12.34.56',
      '172.32.0.1',
      '100.128.0.1',
      '2800:1e0::1',
      '64:ff9b::808:808',
      '::ffff:8.8.8.8',
    ])
      expect(classifyAddress(address), address).toMatchObject({ public: true, reason: null });
  });

  it('tells host names from IP literals', () => {
    expect(classifyAddress('intranet.test')).toBeNull();
    expect(classifyAddress('fcbarcelona.com')).toBeNull();
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('www.mineduc.gob.gt')).toBe(false);
  });
});
