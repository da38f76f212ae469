import crypto from 'node:crypto';
import forge from 'node-forge';

/**
 * Certificates for the HTTPS probe's tests, made fresh for each run: a root CA (trusted through `extraCaPems`,
 * as `--ca FILE` would be), an intermediate, and leaves with the defects the probe must tell apart.
 * Until `createTestCa()` of @egov-monitor/fixtures exists this is the probe's own helper; it also covers the
 * "missing intermediate" case, which needs a real intermediate CA.
 */
export interface ProbeTestCa {
  /** PEM of the root, to pass as extraCaPems. */
  rootPem: string;
  intermediatePem: string;
  issue(options: LeafOptions): { key: string; cert: string };
}

export interface LeafOptions {
  hosts: string[];
  /** Not after yesterday. */
  expired?: boolean;
  /** Signed by its own key, no CA involved. */
  selfSigned?: boolean;
  /**
   * Signed by the intermediate. `cert` then holds leaf + intermediate (a correct server chain) unless
   * `omitIntermediate`, when the server sends the leaf alone (the classic misconfiguration: browsers that
   * cached the intermediate work, everything else fails).
   */
  viaIntermediate?: boolean;
  omitIntermediate?: boolean;
}

const DAY = 24 * 3600_000;

// One RSA key pair per run (generated natively): key generation dominates the cost and nothing here tests keys.
function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

let serialCounter = 0;
function serial(): string {
  serialCounter += 1;
  // Positive (leading byte < 0x80) and unique within the run, as RFC 5280 §4.1.2.2 asks.
  return `01${crypto.randomBytes(8).toString('hex')}${serialCounter.toString(16).padStart(4, '0')}`;
}

function certificate(
  subject: string,
  publicKey: forge.pki.PublicKey,
  issuer: { name: string; key: forge.pki.rsa.PrivateKey },
  options: { ca: boolean; hosts?: string[]; expired?: boolean },
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - (options.expired ? 90 : 1) * DAY);
  cert.validity.notAfter = new Date(now + (options.expired ? -1 : 60) * DAY);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: issuer.name }]);
  const extensions: object[] = options.ca
    ? [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ]
    : [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: (options.hosts ?? []).map((host) =>
            /^[\d.]+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host },
          ),
        },
      ];
  cert.setExtensions(extensions);
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

export function createProbeTestCa(): ProbeTestCa {
  const keys = keyPair();
  const rootName = 'egov-monitor probe test root';
  const intermediateName = 'egov-monitor probe test intermediate';
  const root = certificate(rootName, keys.publicKey, { name: rootName, key: keys.privateKey }, { ca: true });
  const intermediate = certificate(
    intermediateName,
    keys.publicKey,
    { name: rootName, key: keys.privateKey },
    { ca: true },
  );
  const intermediatePem = forge.pki.certificateToPem(intermediate);
  const keyPem = forge.pki.privateKeyToPem(keys.privateKey);

  return {
    rootPem: forge.pki.certificateToPem(root),
    intermediatePem,
    issue({ hosts, expired, selfSigned, viaIntermediate, omitIntermediate }) {
      const subject = hosts[0] ?? 'localhost';
      const issuer = selfSigned
        ? { name: subject, key: keys.privateKey }
        : viaIntermediate || omitIntermediate
          ? { name: intermediateName, key: keys.privateKey }
          : { name: rootName, key: keys.privateKey };
      const leaf = forge.pki.certificateToPem(
        certificate(subject, keys.publicKey, issuer, { ca: false, hosts, expired }),
      );
      const chain = viaIntermediate && !omitIntermediate ? leaf + intermediatePem : leaf;
      return { key: keyPem, cert: chain };
    },
  };
}
