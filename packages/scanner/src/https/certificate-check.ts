import tls from 'node:tls';

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

/**
 * One TLS handshake to the URL's host, judged against the system roots plus `extraCaPems` (--ca FILE,
 * NODE_EXTRA_CA_CERTS). It never throws: a refused or reset connection comes back as `valid: false` with `error`.
 */
export function checkCertificate(url: string, extraCaPems: string[], timeoutMs = 10_000): Promise<CertificateCheck> {
  const target = new URL(url);
  const port = Number(target.port || 443);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port,
      // SNI may not be an IP address (RFC 6066 §3).
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      ca: [...tls.rootCertificates, ...extraCaPems],
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    const done = (result: CertificateCheck) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      let problem: string | null = socket.authorizationError ? String(socket.authorizationError) : null;
      if (!problem) {
        // Node authorises the chain only; the host name is checked separately.
        const hostError = tls.checkServerIdentity(host, cert);
        if (hostError) problem = (hostError as NodeJS.ErrnoException).code ?? hostError.message;
      }
      done({
        valid: problem === null,
        problem,
        protocol: socket.getProtocol(),
        validTo: cert.valid_to ? new Date(cert.valid_to).toISOString() : null,
        selfSigned: problem === 'DEPTH_ZERO_SELF_SIGNED_CERT' || problem === 'SELF_SIGNED_CERT_IN_CHAIN',
      });
    });
    socket.once('timeout', () =>
      done({ valid: false, problem: null, protocol: null, validTo: null, selfSigned: false, error: 'timeout' }),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({ valid: false, problem: null, protocol: null, validTo: null, selfSigned: false, error: error.code ?? error.message }),
    );
  });
}
