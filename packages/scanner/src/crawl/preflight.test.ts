import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNavigationError } from '../errors.js';
import { preflight } from './preflight.js';

let open: net.Server;
let openPort: number;
let closedPort: number;

beforeAll(async () => {
  open = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => open.listen(0, '127.0.0.1', resolve));
  openPort = (open.address() as net.AddressInfo).port;
  // A port that was just free: nothing listens on it once the probe server is closed.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  await new Promise((resolve) => open.close(resolve));
});

const options = { connectTimeoutMs: 5_000 };
const failing = (code: string) => async () => {
  throw Object.assign(new Error(`getaddrinfo ${code} x`), { code });
};

describe('preflight', () => {
  it('answers a refused port with connection-refused, worded as the browser path words it', async () => {
    const url = new URL(`http://127.0.0.1:${closedPort}/`);
    expect(await preflight(url, options)).toEqual(
      classifyNavigationError('net::ERR_CONNECTION_REFUSED', url.toString()),
    );
  });

  it('answers a name under .invalid with dns-not-found without asking any resolver (RFC 6761)', async () => {
    const url = new URL('https://ministerio.example.invalid/');
    const resolve = async () => {
      throw new Error('no resolver may be asked');
    };
    expect(await preflight(url, { ...options, resolve })).toEqual(
      classifyNavigationError('net::ERR_NAME_NOT_RESOLVED', url.toString()),
    );
  });

  it('answers a definite "no such name" with dns-not-found and leaves a resolver that did not answer to the browser', async () => {
    const url = new URL('https://nope.gob.gt/');
    expect((await preflight(url, { ...options, resolve: failing('ENOTFOUND') }))?.code).toBe('dns-not-found');
    expect(await preflight(url, { ...options, resolve: failing('EAI_AGAIN') })).toBeNull();
  });

  it('leaves to the browser a port that answers, and one the browser itself refuses to open (Fetch "bad port")', async () => {
    expect(await preflight(new URL(`http://127.0.0.1:${openPort}/`), options)).toBeNull();
    // Chromium answers ERR_UNSAFE_PORT (invalid-url) for these before any connection: its verdict stands.
    expect(await preflight(new URL('http://127.0.0.1:6000/'), options)).toBeNull();
    expect(await preflight(new URL('http://nope.example.invalid:10080/'), options)).toBeNull();
  });

  it('calls a host refused only when every address refuses, as Chromium does', async () => {
    const url = new URL(`http://sitio.gob.gt:${openPort}/`);
    expect(await preflight(url, { ...options, resolve: async () => ['127.0.0.2', '127.0.0.1'] })).toBeNull();
    const closed = new URL(`http://sitio.gob.gt:${closedPort}/`);
    expect((await preflight(closed, { ...options, resolve: async () => ['127.0.0.1'] }))?.code).toBe(
      'connection-refused',
    );
  });
});
