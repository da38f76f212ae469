import net from 'node:net';
import { vetHost, type EgressPolicy } from './policy.js';

/**
 * The browser's way out: a SOCKS5 proxy inside the scanner's own process, on 127.0.0.1, that Chromium sends every
 * connection through (navigations, redirect hops, sub-resources, WebSockets, prefetches, workers — loopback
 * included, by `<-loopback>` in the bypass list, which Playwright adds). Chromium's SOCKS5 client hands over the
 * host *name* (it does no DNS of its own), so the proxy resolves it with the scan's resolver, judges every
 * address against the policy at that moment, and connects to the address it judged. A refused connection is a
 * SOCKS failure: Chromium reports a network error (net::ERR_SOCKS_CONNECTION_FAILED), never a page, so nothing
 * from a refused address can become content. Each site's browser context gets its own listener (its own port),
 * so concurrent sites with different targets each carry their own allowance.
 *
 * Why SOCKS and not an HTTP proxy: plain-http requests through an HTTP proxy would have to be parsed and
 * forwarded by us, and a refusal answered with an HTTP status that Chromium shows as the page; SOCKS tunnels
 * every scheme the same way and only ever connects or fails.
 */

/** A connection the proxy did not make, kept so a failed navigation can be told apart (refused vs. DNS vs. down). */
export interface ConnectFailure {
  host: string;
  port: number;
  /** `refused` (the policy said no), or the Node error code (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, …). */
  code: string;
  /** For refusals: "private address", "loopback address", … */
  reason?: string;
  at: number;
}

export interface EgressListener {
  /** `socks5://127.0.0.1:PORT`, for `browser.newContext({ proxy: { server } })` or the launch's `proxy`. */
  server: string;
  port: number;
  policy: EgressPolicy;
  /** Replace the policy for connections opened from now on (the default context follows the site Lighthouse audits). */
  setPolicy(policy: EgressPolicy): void;
  /** Failed and refused connections, oldest first (the most recent MAX_FAILURES). */
  failures(): readonly ConnectFailure[];
  /** Connections made, per `host:port` as the browser asked for them (for tests and logs). */
  connections(): ReadonlyMap<string, number>;
  /**
   * Why a navigation to `url` could not connect: the latest failure for its host since `since` (epoch ms), else
   * the latest failure of any host since then (a redirect hop to another host fails under the first URL's name).
   */
  explain(url: string, since?: number): ConnectFailure | undefined;
  close(): Promise<void>;
}

const MAX_FAILURES = 200;
/** A SOCKS5 greeting plus request is at most 2 + 255 + 4 + 1 + 255 + 2 bytes; more before the tunnel is not SOCKS. */
const MAX_HANDSHAKE_BYTES = 600;
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

// RFC 1928 §6 reply codes.
const REPLY = {
  ok: 0,
  failure: 1,
  notAllowed: 2,
  networkUnreachable: 3,
  hostUnreachable: 4,
  connectionRefused: 5,
  ttlExpired: 6,
  commandNotSupported: 7,
  addressTypeNotSupported: 8,
} as const;

const replyFor = (code: string): number => {
  switch (code) {
    case 'refused':
      return REPLY.notAllowed;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
      return REPLY.hostUnreachable;
    case 'ENETUNREACH':
      return REPLY.networkUnreachable;
    case 'ECONNREFUSED':
      return REPLY.connectionRefused;
    case 'ETIMEDOUT':
      return REPLY.ttlExpired;
    default:
      return REPLY.failure;
  }
};

function hostOf(url: string): { host: string; port: number } | null {
  try {
    const parsed = new URL(url);
    const port = Number(
      parsed.port || (parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? 443 : 80),
    );
    return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase(), port };
  } catch {
    return null;
  }
}

/** Reads one SOCKS5 CONNECT request from the start of `data`; null when more bytes are needed. */
function parseRequest(
  data: Buffer,
):
  { command: number; host: string; port: number; length: number } | { error: number; length: number } | null {
  if (data.length < 5) return null;
  const command = data[1]!;
  const type = data[3]!;
  let host: string;
  let offset: number;
  if (type === 1) {
    if (data.length < 10) return null;
    host = [...data.subarray(4, 8)].join('.');
    offset = 8;
  } else if (type === 3) {
    const size = data[4]!;
    if (data.length < 5 + size + 2) return null;
    host = data.toString('latin1', 5, 5 + size);
    offset = 5 + size;
  } else if (type === 4) {
    if (data.length < 22) return null;
    const groups: string[] = [];
    for (let index = 4; index < 20; index += 2) groups.push(data.readUInt16BE(index).toString(16));
    host = groups.join(':');
    offset = 20;
  } else return { error: REPLY.addressTypeNotSupported, length: data.length };
  return { command, host, port: data.readUInt16BE(offset), length: offset + 2 };
}

export async function startEgressListener(
  initialPolicy: EgressPolicy,
  options: { connectTimeoutMs?: number } = {},
): Promise<EgressListener> {
  let policy = initialPolicy;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const failures: ConnectFailure[] = [];
  const made = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const fail = (failure: Omit<ConnectFailure, 'at'>) => {
    failures.push({ ...failure, at: Date.now() });
    if (failures.length > MAX_FAILURES) failures.shift();
  };

  const tunnel = (client: net.Socket, host: string, port: number, early: Buffer) => {
    const reply = (code: number) => {
      if (!client.destroyed) client.write(Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]));
    };
    const key = `${host.toLowerCase()}:${port}`;
    const current = policy;
    vetHost(current, host).then(
      (verdict) => {
        if (client.destroyed) return;
        if (!verdict.ok) {
          const code = verdict.refused ? 'refused' : verdict.code;
          fail({
            host: host.toLowerCase(),
            port,
            code,
            ...(verdict.refused ? { reason: verdict.reason } : {}),
          });
          reply(replyFor(code));
          client.end();
          return;
        }
        const upstream = net.connect({ host: verdict.address, port });
        track(upstream);
        const timer = setTimeout(
          () => upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })),
          connectTimeoutMs,
        );
        const closeBoth = () => {
          client.destroy();
          upstream.destroy();
        };
        upstream.once('connect', () => {
          clearTimeout(timer);
          made.set(key, (made.get(key) ?? 0) + 1);
          reply(REPLY.ok);
          if (early.length > 0) upstream.write(early);
          upstream.removeAllListeners('error');
          upstream.on('error', closeBoth);
          client.on('error', closeBoth);
          upstream.on('close', closeBoth);
          client.on('close', closeBoth);
          client.pipe(upstream);
          upstream.pipe(client);
        });
        upstream.once('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          const code = error.code ?? 'ECONNREFUSED';
          fail({ host: host.toLowerCase(), port, code });
          reply(replyFor(code));
          client.end();
        });
        client.once('close', () => {
          clearTimeout(timer);
          upstream.destroy();
        });
      },
      () => {
        fail({ host: host.toLowerCase(), port, code: 'ENOTFOUND' });
        reply(REPLY.hostUnreachable);
        client.end();
      },
    );
  };

  const server = net.createServer((client) => {
    track(client);
    client.on('error', () => client.destroy());
    let buffered = Buffer.alloc(0);
    let stage: 'greeting' | 'request' = 'greeting';
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > MAX_HANDSHAKE_BYTES || buffered[0] !== 5) {
        client.destroy();
        return;
      }
      if (stage === 'greeting') {
        if (buffered.length < 2 || buffered.length < 2 + buffered[1]!) return;
        const methods = buffered.subarray(2, 2 + buffered[1]!);
        buffered = buffered.subarray(2 + buffered[1]!);
        // Only "no authentication": the listener is on loopback and its port is the credential.
        if (!methods.includes(0)) {
          client.end(Buffer.from([5, 0xff]));
          return;
        }
        client.write(Buffer.from([5, 0]));
        stage = 'request';
        if (buffered.length === 0) return;
      }
      const request = parseRequest(buffered);
      if (request === null) return;
      client.removeListener('data', onData);
      client.pause();
      const early = buffered.subarray(request.length);
      if ('error' in request || request.command !== 1) {
        client.end(
          Buffer.from([
            5,
            'error' in request ? request.error : REPLY.commandNotSupported,
            0,
            1,
            0,
            0,
            0,
            0,
            0,
            0,
          ]),
        );
        return;
      }
      tunnel(client, request.host, request.port, early);
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    server: `socks5://127.0.0.1:${port}`,
    port,
    get policy() {
      return policy;
    },
    setPolicy(next: EgressPolicy) {
      policy = next;
    },
    failures: () => failures,
    connections: () => made,
    explain(url: string, since = 0) {
      const target = hostOf(url);
      const recent = failures.filter((failure) => failure.at >= since);
      const same = target
        ? recent.filter((failure) => failure.host === target.host && failure.port === target.port)
        : [];
      return same.at(-1) ?? recent.at(-1);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
