import net from 'node:net';
import tls from 'node:tls';
import { EgressRefusedError, vetHost, type EgressPolicy } from './policy.js';

/** TLS options of a connection (the host's name for SNI and identity checks, the scan's trust). */
export type TlsOptions = Omit<tls.ConnectionOptions, 'host' | 'port' | 'socket' | 'path' | 'lookup'>;

type ConnectCallback = (error: Error | null, socket?: net.Socket) => void;

/** A refused or unresolvable host as a Node error (ENOTFOUND keeps its code, so callers classify it as before). */
function failure(host: string, verdict: Exclude<Awaited<ReturnType<typeof vetHost>>, { ok: true }>): Error {
  if (verdict.refused) return new EgressRefusedError(verdict.reason, host, verdict.address);
  return Object.assign(new Error(verdict.message), { code: verdict.code, hostname: host });
}

/**
 * Opens a TCP (or TLS) connection through the egress policy: the host is resolved and judged at this moment, and
 * the socket goes to the address that was judged — never to a name the kernel would resolve again. Every
 * Node-side connection of a scan is made here.
 */
export function egressConnect(
  policy: EgressPolicy,
  target: { host: string; port: number; tls?: TlsOptions; timeoutMs?: number },
  callback: ConnectCallback,
): void {
  const host = target.host.replace(/^\[(.*)\]$/, '$1');
  vetHost(policy, host).then(
    (verdict) => {
      if (!verdict.ok) return callback(failure(host, verdict));
      const socket = target.tls
        ? tls.connect({ ...target.tls, host: verdict.address, port: target.port })
        : net.connect({ host: verdict.address, port: target.port });
      if (target.timeoutMs) socket.setTimeout(target.timeoutMs);
      callback(null, socket);
    },
    (error: Error) => callback(error),
  );
}

/** The promise form, for callers that drive the socket themselves (the certificate check). */
export function egressSocket(
  policy: EgressPolicy,
  target: { host: string; port: number; tls?: TlsOptions; timeoutMs?: number },
): Promise<net.Socket> {
  return new Promise((resolve, reject) =>
    egressConnect(policy, target, (error, socket) => (error || !socket ? reject(error) : resolve(socket))),
  );
}

/**
 * `createConnection` for http.request / https.request (with no `agent`): Node calls it with the request's
 * host and port and waits for the callback, so each request — and each redirect hop, which is a new request —
 * connects through the policy. Pass `tls` for https (the TLS session is made here, not by an Agent).
 */
export function egressCreateConnection(policy: EgressPolicy, tlsOptions?: TlsOptions) {
  return (
    options: { host?: string | null; hostname?: string | null; port?: number | string | null },
    callback: ConnectCallback,
  ): undefined => {
    const host = options.hostname ?? options.host ?? 'localhost';
    const port = Number(options.port ?? (tlsOptions ? 443 : 80));
    egressConnect(policy, { host, port, ...(tlsOptions ? { tls: tlsOptions } : {}) }, callback);
    return undefined;
  };
}
