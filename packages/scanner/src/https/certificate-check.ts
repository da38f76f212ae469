import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { isIpLiteral } from '../egress/addresses.js';
import { egressConnect } from '../egress/connect.js';
import { EgressRefusedError, PUBLIC_ONLY, type EgressPolicy } from '../egress/policy.js';
import { trustedSecureContext } from './trust.js';

export interface CertificateCheck {
  /** Trusted chain (system roots + extra CAs), right host, within its validity dates. */
  valid: boolean;
  /** OpenSSL's verdict when not valid, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID. */
  problem: string | null;
  protocol: string | null;
  /** Certificate notAfter, ISO. */
  validTo: string | null;
  selfSigned: boolean;
  error?: string;
}

const failure = (error: string): CertificateCheck => ({
  valid: false,
  problem: null,
  protocol: null,
  validTo: null,
  selfSigned: false,
  error,
});

/**
 * One TLS handshake to the URL's host, judged against the system roots plus `extraCaPems` (--ca FILE,
 * NODE_EXTRA_CA_CERTS), connected through the egress policy: a "Pagar en línea" link to 10.0.0.1:22 is refused
 * before any packet leaves (`error: "refused: private address"`), so the check is never a port scanner. It never
 * throws: a refused or reset connection comes back as `valid: false` with `error`.
 */
export function checkCertificate(
  url: string,
  extraCaPems: string[],
  timeoutMs = 10_000,
  egress: EgressPolicy = PUBLIC_ONLY,
): Promise<CertificateCheck> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(failure('invalid-url'));
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    return Promise.resolve(failure('unsupported-scheme'));
  const port = Number(target.port || 443);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    egressConnect(
      egress,
      {
        host,
        port,
        timeoutMs,
        tls: {
          // SNI may not be an IP address (RFC 6066 §3).
          ...(isIpLiteral(host) ? {} : { servername: host }),
          secureContext: trustedSecureContext(extraCaPems),
          rejectUnauthorized: false,
        },
      },
      (error, connected) => {
        if (error || !connected) {
          resolve(
            failure(
              error instanceof EgressRefusedError
                ? error.message
                : ((error as NodeJS.ErrnoException | null)?.code ?? error?.message ?? 'connect-failed'),
            ),
          );
          return;
        }
        handshake(connected as TLSSocket, host, resolve);
      },
    );
  });
}

function handshake(socket: TLSSocket, host: string, resolve: (check: CertificateCheck) => void): void {
  const done = (result: CertificateCheck) => {
    socket.destroy();
    resolve(result);
  };
  socket.once('secureConnect', () => {
    const { valid, problem, protocol, validTo, selfSigned } = judgeCertificate(socket, host);
    done({ valid, problem, protocol, validTo, selfSigned });
  });
  socket.once('timeout', () => done(failure('timeout')));
  socket.once('error', (error: NodeJS.ErrnoException) => done(failure(error.code ?? error.message)));
}

/** The certificate verdict with each defect told apart, as pshtt reports them (one certificate can have several). */
export interface CertificateVerdict extends CertificateCheck {
  /** The leaf's notAfter is in the past (judged on the dates, whatever else is wrong). */
  expired: boolean;
  /** The chain does not lead to a trusted root: unknown CA, missing intermediate, self-signed. */
  badChain: boolean;
  /** The certificate does not name the host (RFC 6125). */
  badHostname: boolean;
  /** Whole days until notAfter, negative once expired. */
  daysLeft: number | null;
}

// OpenSSL verify codes that mean "no path to a trusted root" (pshtt's "bad chain" covers the same ground:
// "unable to get local issuer certificate" and "self signed certificate").
const CHAIN_PROBLEMS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'PATH_LENGTH_EXCEEDED',
]);

const DAY_MS = 24 * 3600_000;

/**
 * Judges the certificate of a connected TLS socket (made with `rejectUnauthorized: false` and the scan's CAs)
 * for `host`. Shared by `checkCertificate` and the HTTPS probe so both say the same thing about one server.
 */
export function judgeCertificate(
  socket: TLSSocket,
  host: string,
  now: Date = new Date(),
): CertificateVerdict {
  const cert = socket.getPeerCertificate();
  const hasCert = Boolean(cert && Object.keys(cert).length > 0);
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : null;
  // Node authorises the chain only; the host name is checked separately.
  const hostError = hasCert ? tls.checkServerIdentity(host, cert) : new Error('no certificate');
  const hostProblem = hostError ? ((hostError as NodeJS.ErrnoException).code ?? hostError.message) : null;
  const problem = authorizationError ?? hostProblem;
  const validTo = hasCert && cert.valid_to ? new Date(cert.valid_to) : null;
  const expired =
    authorizationError === 'CERT_HAS_EXPIRED' || (validTo !== null && validTo.getTime() < now.getTime());
  return {
    valid: problem === null,
    problem,
    protocol: socket.getProtocol(),
    validTo: validTo ? validTo.toISOString() : null,
    selfSigned:
      authorizationError === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
      authorizationError === 'SELF_SIGNED_CERT_IN_CHAIN',
    expired,
    badChain: authorizationError !== null && CHAIN_PROBLEMS.has(authorizationError),
    badHostname: hostProblem !== null,
    daysLeft: validTo ? Math.floor((validTo.getTime() - now.getTime()) / DAY_MS) : null,
  };
}
