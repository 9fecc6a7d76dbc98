import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';

export interface KeyAndCertificate {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** The throwaway CA's certificate (PEM): pass it as the adapter's trustedCa, or put it in NODE_EXTRA_CA_CERTS. */
  ca: string;
  /** A server certificate signed by that CA for the hosts the tests and the demo use. */
  server: KeyAndCertificate;
  /** Issues another certificate (for other names, expired, or self-signed) from the same CA. */
  issue(options: IssueOptions): KeyAndCertificate;
}

export interface IssueOptions {
  hosts: readonly string[];
  /** Valid until yesterday. */
  expired?: boolean;
  /** How long it is valid from today (default 30 days). */
  validDays?: number;
  /** Signed by its own key, not by the test CA. */
  selfSigned?: boolean;
}

/** Every name the test peers answer for: loopback, and the example domains mapped to it by the host seam. */
export const TEST_HOSTS = [
  '127.0.0.1', '::1', 'localhost', 'contoso.com', '*.contoso.com', 'fabrikam.com', '*.fabrikam.com',
  'outlook.office365.com', 'partner.outlook.cn',
];

let certificates: TestCertificates | null = null;

/**
 * A throwaway CA and server certificate made with the openssl CLI (ECDSA P-256: fast to generate), once per
 * process. Nothing is trusted system-wide: the CA is handed to the adapter's test-only trustedCa option.
 */
export function testCertificates(): TestCertificates {
  if (certificates) return certificates;
  const dir = mkdtempSync(join(tmpdir(), 'ews-test-ca-'));
  try {
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(dir, 'ca.key')]);
    openssl(['req', '-x509', '-new', '-key', join(dir, 'ca.key'), '-days', '30', '-subj', '/CN=Sync Admin Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', join(dir, 'ca.pem')]);
    const ca = { key: readFileSync(join(dir, 'ca.key'), 'utf8'), cert: readFileSync(join(dir, 'ca.pem'), 'utf8') };
    const issue = (options: IssueOptions) => issueCertificate(ca, options);
    certificates = { ca: ca.cert, server: issue({ hosts: TEST_HOSTS }), issue };
    return certificates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function issueCertificate(ca: KeyAndCertificate, options: IssueOptions): KeyAndCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'ews-test-cert-'));
  try {
    const names = options.hosts.map((host) => (isIP(host) ? `IP:${host}` : `DNS:${host}`)).join(',');
    const key = join(dir, 'server.key');
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
    writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${names}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    const subject = `/CN=${options.hosts.find((host) => !host.startsWith('*')) ?? 'test'}`;
    const days = options.expired ? '-1' : String(options.validDays ?? 30);
    if (options.selfSigned) {
      openssl(['req', '-x509', '-new', '-key', key, '-days', days, '-subj', subject, '-addext', `subjectAltName=${names}`, '-out', join(dir, 'server.pem')]);
    } else {
      writeFileSync(join(dir, 'ca.key'), ca.key);
      writeFileSync(join(dir, 'ca.pem'), ca.cert);
      openssl(['req', '-new', '-key', key, '-subj', subject, '-out', join(dir, 'server.csr')]);
      openssl(['x509', '-req', '-in', join(dir, 'server.csr'), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial',
        '-days', days, '-extfile', join(dir, 'ext.cnf'), '-out', join(dir, 'server.pem')]);
    }
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(join(dir, 'server.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
