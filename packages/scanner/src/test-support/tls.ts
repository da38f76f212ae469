import forge from 'node-forge';

/** A certificate authority made for one test run; its PEM goes to `extraCaPems` like `--ca FILE` would. */
export interface TestCa {
  caPem: string;
  issue(options: IssueOptions): { key: string; cert: string };
}

export interface IssueOptions {
  /** Host names or IP literals the certificate is for. */
  hosts: string[];
  expired?: boolean;
  /** Signed by itself instead of the CA. */
  selfSigned?: boolean;
}

const isIp = (host: string) => /^[\d.]+$|:/.test(host);

function serial(): string {
  // A positive serial number (leading byte < 0x80) of 16 random bytes, as RFC 5280 asks.
  return '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
}

export function createTestCa(): TestCa {
  const caKeys = forge.pki.rsa.generateKeyPair(2048);
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  ca.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  ca.validity.notAfter = new Date(Date.now() + 30 * 24 * 3600_000);
  const caName = [{ name: 'commonName', value: 'egov-monitor scanner test CA' }];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const caPem = forge.pki.certificateToPem(ca);

  return {
    caPem,
    issue({ hosts, expired = false, selfSigned = false }) {
      const keys = forge.pki.rsa.generateKeyPair(2048);
      const cert = forge.pki.createCertificate();
      cert.publicKey = keys.publicKey;
      cert.serialNumber = serial();
      if (expired) {
        cert.validity.notBefore = new Date(Date.now() - 60 * 24 * 3600_000);
        cert.validity.notAfter = new Date(Date.now() - 30 * 24 * 3600_000);
      } else {
        cert.validity.notBefore = new Date(Date.now() - 3600_000);
        cert.validity.notAfter = new Date(Date.now() + 10 * 24 * 3600_000);
      }
      const subject = [{ name: 'commonName', value: hosts[0] ?? 'test' }];
      cert.setSubject(subject);
      cert.setIssuer(selfSigned ? subject : ca.subject.attributes);
      cert.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: hosts.map((host) => (isIp(host) ? { type: 7, ip: host } : { type: 2, value: host })),
        },
      ]);
      cert.sign(selfSigned ? keys.privateKey : caKeys.privateKey, forge.md.sha256.create());
      return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
    },
  };
}
