import { evaluateDomainHealth, type DomainDnsObservation } from '@sync-admin/domain';
import { createOutboundPolicy } from '@sync-admin/ews';
import { testCertificates } from '@sync-admin/ews/test-peers';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsHealthProbe } from './dns-health-probe.ts';
import { startTestDnsServer, startTestTlsServer, type TestDnsServer, type TestTlsServer } from './test-peers/index.ts';

const LOCAL = ['127.0.0.1'];
const EXO_MX = [{ exchange: 'pass-test.mail.protection.outlook.com', priority: 0 }];

let dns: TestDnsServer;
let tls: TestTlsServer;
let closedPort: number;

beforeAll(async () => {
  const certificates = testCertificates();
  tls = await startTestTlsServer({
    'autodiscover.pass.test': certificates.issue({ hosts: ['autodiscover.pass.test'], validDays: 365 }),
    'autodiscover.expiring.test': certificates.issue({ hosts: ['autodiscover.expiring.test'], validDays: 10 }),
    'autodiscover.expired.test': certificates.issue({ hosts: ['autodiscover.expired.test'], expired: true }),
    'autodiscover.selfsigned.test': certificates.issue({ hosts: ['autodiscover.selfsigned.test'], selfSigned: true, validDays: 365 }),
  }, certificates.issue({ hosts: ['www.elsewhere.test'], validDays: 365 }));
  // A port nothing listens on: the autodiscover host of unreachable.test refuses the connection.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  dns = await startTestDnsServer({
    'pass.test': { MX: EXO_MX, TXT: ['v=spf1 include:spf.protection.outlook.com -all', 'MS=ms12345678'] },
    'autodiscover.pass.test': { A: LOCAL, AAAA: ['::1'] },
    '_autodiscover._tcp.pass.test': { SRV: [{ target: 'autodiscover.pass.test', port: 443 }] },
    'cname.test': { MX: [{ exchange: 'mail.cname.test', priority: 10 }] },
    'autodiscover.cname.test': { CNAME: 'autodiscover.outlook.com' },
    'autodiscover.outlook.com': { A: ['52.96.0.1'] },
    'expiring.test': { MX: [{ exchange: 'mail.expiring.test', priority: 10 }], TXT: ['v=spf1 mx -all'] },
    'autodiscover.expiring.test': { A: LOCAL },
    'expired.test': {},
    'autodiscover.expired.test': { A: LOCAL },
    'selfsigned.test': {},
    'autodiscover.selfsigned.test': { A: LOCAL },
    'mismatch.test': {},
    'autodiscover.mismatch.test': { A: LOCAL },
    'inside.test': {},
    'autodiscover.inside.test': { A: ['10.0.0.5'] },
    'broken.test': { servfail: true },
    'autodiscover.broken.test': { servfail: true },
    '_autodiscover._tcp.broken.test': { servfail: true },
  });
});

afterAll(async () => {
  await dns?.close();
  await tls?.close();
});

function probe(options: { tlsPort?: number; allowedHosts?: string[] } = {}) {
  return createDnsHealthProbe({
    servers: [dns.address],
    outbound: createOutboundPolicy({ allowedHosts: options.allowedHosts ?? ['autodiscover.pass.test', 'autodiscover.expiring.test', 'autodiscover.expired.test', 'autodiscover.selfsigned.test', 'autodiscover.mismatch.test'], allowHttp: false }),
    tlsPort: options.tlsPort ?? tls.port,
    trustedCa: testCertificates().ca,
    timeoutMs: 2_000,
  });
}

const verdicts = (observation: DomainDnsObservation, serverTypes: Array<'exchangeOnline' | 'exchangeServer'>) =>
  Object.fromEntries(evaluateDomainHealth(observation, { serverTypes, now: new Date() }).map((result) => [result.check, `${result.verdict} ${result.code}`]));

describe('the DNS health probe, against a DNS server and a TLS server of our own on 127.0.0.1', () => {
  it('reads A, AAAA, SRV, MX and TXT records and a trusted certificate that matches: every check passes', async () => {
    const observation = await probe().observeDomain('pass.test');
    expect(observation).toMatchObject({
      autodiscoverCname: { status: 'none' },
      autodiscoverAddresses: { status: 'found', records: ['127.0.0.1', '::1'] },
      autodiscoverSrv: { status: 'found', records: [{ target: 'autodiscover.pass.test', port: 443, priority: 0, weight: 0 }] },
      mx: { status: 'found', records: EXO_MX },
      txt: { status: 'found', records: ['v=spf1 include:spf.protection.outlook.com -all', 'MS=ms12345678'] },
      certificate: { status: 'presented', address: '127.0.0.1', altNames: ['autodiscover.pass.test'], isChainTrusted: true, matchesHost: true, subject: 'autodiscover.pass.test' },
    });
    expect(verdicts(observation, ['exchangeServer'])).toEqual({
      autodiscoverHost: 'pass AUTODISCOVER_HOST_OK', autodiscoverSrv: 'pass SRV_OK', mx: 'pass MX_OK', spf: 'pass SPF_OK', certificate: 'pass CERTIFICATE_OK',
    });
  });

  it('follows a CNAME to its addresses and reports the CNAME target', async () => {
    const observation = await probe().observeDomain('cname.test');
    expect(observation.autodiscoverCname).toEqual({ status: 'found', records: ['autodiscover.outlook.com'] });
    expect(observation.autodiscoverAddresses).toEqual({ status: 'found', records: ['52.96.0.1'] });
  });

  it('tells a missing record (no SPF, no MX) from one that is there', async () => {
    const observation = await probe().observeDomain('expired.test');
    expect(observation).toMatchObject({ mx: { status: 'none' }, txt: { status: 'none' }, autodiscoverSrv: { status: 'none' } });
    expect(verdicts(observation, ['exchangeOnline'])).toMatchObject({ mx: 'fail MX_MISSING', spf: 'fail SPF_MISSING' });
  });

  it('warns of a certificate that expires within 30 days', async () => {
    const observation = await probe().observeDomain('expiring.test');
    expect(verdicts(observation, ['exchangeServer']).certificate).toBe('warn CERTIFICATE_EXPIRING');
  });

  it.each([
    ['expired.test', 'fail CERTIFICATE_EXPIRED', { isChainTrusted: false, chainError: 'CERT_HAS_EXPIRED' }],
    ['selfsigned.test', 'fail CERTIFICATE_UNTRUSTED', { isChainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }],
    ['mismatch.test', 'fail CERTIFICATE_NAME_MISMATCH', { isChainTrusted: true, matchesHost: false, altNames: ['www.elsewhere.test'] }],
  ])('fails %s: %s', async (domain, expected, certificate) => {
    const observation = await probe().observeDomain(domain);
    expect(observation.certificate).toMatchObject({ status: 'presented', ...certificate });
    expect(verdicts(observation, ['exchangeServer']).certificate).toBe(expected);
  });

  it('reports a host that does not answer TLS as unreachable', async () => {
    const observation = await probe({ tlsPort: closedPort }).observeDomain('pass.test');
    expect(observation.certificate).toMatchObject({ status: 'unreachable', address: '127.0.0.1', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('does not connect to a host that resolves to a private or loopback address unless EWS_ALLOWED_HOSTS lists it', async () => {
    expect((await probe({ allowedHosts: [] }).observeDomain('inside.test')).certificate).toEqual({
      status: 'refused', message: expect.stringMatching(/^autodiscover\.inside\.test resolves to 10\.0\.0\.5, a private address, .*EWS_ALLOWED_HOSTS/),
    });
    expect((await probe({ allowedHosts: [] }).observeDomain('pass.test')).certificate).toMatchObject({ status: 'refused', message: expect.stringMatching(/127\.0\.0\.1, a loopback address/) });
  });

  it('tells a name that does not exist from a server that fails to answer', async () => {
    const missing = await probe().observeDomain('nowhere.test');
    expect(missing).toMatchObject({ autodiscoverAddresses: { status: 'none' }, mx: { status: 'none' }, certificate: { status: 'notChecked' } });
    const broken = await probe().observeDomain('broken.test');
    expect(broken).toMatchObject({ autodiscoverAddresses: { status: 'error', message: expect.stringMatching(/ESERVFAIL/) }, mx: { status: 'error' }, txt: { status: 'error' } });
    expect(verdicts(broken, ['exchangeServer'])).toMatchObject({ autodiscoverHost: 'fail AUTODISCOVER_LOOKUP_FAILED', mx: 'fail MX_LOOKUP_FAILED', spf: 'fail SPF_LOOKUP_FAILED' });
  });
});
