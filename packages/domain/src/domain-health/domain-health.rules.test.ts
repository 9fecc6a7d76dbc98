import { describe, expect, it } from 'vitest';
import { isCheckableDomain, worstVerdict, type CertificateObservation, type DomainCheckResult, type DomainDnsObservation, type DomainHealthCheck, type HealthVerdict } from './domain-health.ts';
import { DOMAIN_HEALTH_RULES, DOMAIN_HEALTH_SENTENCES, evaluateDomainHealth, type DomainHealthSentenceCode } from './domain-health.rules.ts';
import { tableSentence, templatePlaceholders } from '../shared/sentence.ts';
import type { ServerType } from '../server-profiles/server-profile.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000);

const goodCertificate: CertificateObservation = {
  status: 'presented', address: '52.96.0.1', subject: 'autodiscover.contoso.com', issuer: 'DigiCert', altNames: ['autodiscover.contoso.com'],
  validTo: inDays(200), isChainTrusted: true, chainError: null, matchesHost: true,
};

/** A healthy on-premises domain: every check passes. */
const healthy: DomainDnsObservation = {
  domain: 'contoso.com',
  autodiscoverCname: { status: 'none' },
  autodiscoverAddresses: { status: 'found', records: ['52.96.0.1'] },
  autodiscoverSrv: { status: 'none' },
  mx: { status: 'found', records: [{ exchange: 'mail.contoso.com', priority: 10 }] },
  txt: { status: 'found', records: ['google-site-verification=abc', 'v=spf1 ip4:52.96.0.0/24 -all'] },
  certificate: goodCertificate,
};

/** A healthy Exchange Online domain. */
const online: DomainDnsObservation = {
  ...healthy,
  autodiscoverCname: { status: 'found', records: ['autodiscover.outlook.com'] },
  autodiscoverAddresses: { status: 'found', records: ['40.99.0.1'] },
  mx: { status: 'found', records: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }] },
  txt: { status: 'found', records: ['v=spf1 include:spf.protection.outlook.com -all'] },
  certificate: { ...goodCertificate, subject: 'outlook.com', altNames: ['*.outlook.com', 'autodiscover.outlook.com'], matchesHost: false },
};

const ON_PREMISES: ServerType[] = ['exchangeServer'];
const EXCHANGE_ONLINE: ServerType[] = ['exchangeOnline'];

type DomainCheckSentence = DomainCheckResult['meaningMessage'] | DomainCheckResult['fixMessage'];

interface Case {
  name: string;
  check: DomainHealthCheck;
  observation: DomainDnsObservation;
  serverTypes: ServerType[];
  verdict: HealthVerdict;
  code: string;
  found?: RegExp;
  fix?: RegExp | null;
}

const CASES: Case[] = [
  // Autodiscover host
  { name: 'an A record', check: 'autodiscoverHost', observation: healthy, serverTypes: ON_PREMISES, verdict: 'pass', code: 'AUTODISCOVER_HOST_OK', found: /autodiscover\.contoso\.com resolves to 52\.96\.0\.1/, fix: null },
  { name: 'Exchange Online through its CNAME', check: 'autodiscoverHost', observation: online, serverTypes: EXCHANGE_ONLINE, verdict: 'pass', code: 'AUTODISCOVER_HOST_OK', found: /through autodiscover\.outlook\.com/ },
  { name: 'no record, on-premises', check: 'autodiscoverHost', observation: { ...healthy, autodiscoverAddresses: { status: 'none' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'AUTODISCOVER_HOST_MISSING', fix: /A record \(or a CNAME\) for autodiscover\.contoso\.com/ },
  { name: 'no record, Exchange Online', check: 'autodiscoverHost', observation: { ...online, autodiscoverCname: { status: 'none' }, autodiscoverAddresses: { status: 'none' } }, serverTypes: EXCHANGE_ONLINE, verdict: 'fail', code: 'AUTODISCOVER_HOST_MISSING', fix: /CNAME record autodiscover\.contoso\.com pointing to autodiscover\.outlook\.com/ },
  { name: 'no record but an SRV record', check: 'autodiscoverHost', observation: { ...healthy, autodiscoverAddresses: { status: 'none' }, autodiscoverSrv: { status: 'found', records: [{ target: 'mail.contoso.com', port: 443, priority: 0, weight: 0 }] } }, serverTypes: ON_PREMISES, verdict: 'warn', code: 'AUTODISCOVER_HOST_MISSING_SRV_PRESENT' },
  { name: 'Exchange Online mailboxes, Autodiscover on-premises', check: 'autodiscoverHost', observation: healthy, serverTypes: EXCHANGE_ONLINE, verdict: 'warn', code: 'AUTODISCOVER_NOT_EXCHANGE_ONLINE' },
  { name: 'no answer from DNS', check: 'autodiscoverHost', observation: { ...healthy, autodiscoverAddresses: { status: 'error', message: 'queryA ETIMEOUT autodiscover.contoso.com' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'AUTODISCOVER_LOOKUP_FAILED', found: /ETIMEOUT/, fix: /DNS_SERVERS/ },
  // SRV
  { name: 'no SRV record while the host resolves', check: 'autodiscoverSrv', observation: healthy, serverTypes: ON_PREMISES, verdict: 'pass', code: 'SRV_NOT_NEEDED', fix: null },
  { name: 'an SRV record on 443', check: 'autodiscoverSrv', observation: { ...healthy, autodiscoverSrv: { status: 'found', records: [{ target: 'mail.contoso.com.', port: 443, priority: 0, weight: 0 }] } }, serverTypes: ON_PREMISES, verdict: 'pass', code: 'SRV_OK', found: /mail\.contoso\.com:443/ },
  { name: 'an SRV record on another port', check: 'autodiscoverSrv', observation: { ...healthy, autodiscoverSrv: { status: 'found', records: [{ target: 'mail.contoso.com', port: 8443, priority: 0, weight: 0 }] } }, serverTypes: ON_PREMISES, verdict: 'warn', code: 'SRV_PORT_NOT_443', fix: /port .* to 443/ },
  { name: 'neither SRV nor host', check: 'autodiscoverSrv', observation: { ...healthy, autodiscoverAddresses: { status: 'none' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'SRV_MISSING' },
  { name: 'SRV lookup failed', check: 'autodiscoverSrv', observation: { ...healthy, autodiscoverSrv: { status: 'error', message: 'SERVFAIL' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'SRV_LOOKUP_FAILED' },
  // MX
  { name: 'an MX record, on-premises', check: 'mx', observation: healthy, serverTypes: ON_PREMISES, verdict: 'pass', code: 'MX_OK', found: /mail\.contoso\.com \(10\)/ },
  { name: 'Exchange Online protection', check: 'mx', observation: online, serverTypes: EXCHANGE_ONLINE, verdict: 'pass', code: 'MX_OK' },
  { name: 'Exchange Online mailboxes, mail elsewhere first', check: 'mx', observation: { ...online, mx: { status: 'found', records: [{ exchange: 'gateway.contoso.com', priority: 5 }, { exchange: 'contoso-com.mail.protection.outlook.com', priority: 10 }] } }, serverTypes: EXCHANGE_ONLINE, verdict: 'warn', code: 'MX_NOT_EXCHANGE_ONLINE', found: /goes first to gateway\.contoso\.com/ },
  { name: 'no MX record', check: 'mx', observation: { ...online, mx: { status: 'none' } }, serverTypes: EXCHANGE_ONLINE, verdict: 'fail', code: 'MX_MISSING', fix: /mail\.protection\.outlook\.com/ },
  { name: 'no MX record, on-premises', check: 'mx', observation: { ...healthy, mx: { status: 'none' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'MX_MISSING', fix: /pointing to the server that receives its mail/ },
  { name: 'MX lookup failed', check: 'mx', observation: { ...healthy, mx: { status: 'error', message: 'REFUSED' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'MX_LOOKUP_FAILED' },
  // SPF
  { name: 'an SPF record among other TXT records', check: 'spf', observation: healthy, serverTypes: ON_PREMISES, verdict: 'pass', code: 'SPF_OK', found: /v=spf1 ip4:52\.96\.0\.0\/24 -all/ },
  { name: 'Exchange Online included', check: 'spf', observation: online, serverTypes: EXCHANGE_ONLINE, verdict: 'pass', code: 'SPF_OK' },
  { name: 'Exchange Online not included', check: 'spf', observation: healthy, serverTypes: EXCHANGE_ONLINE, verdict: 'fail', code: 'SPF_EXCHANGE_ONLINE_MISSING', fix: /Add include:spf\.protection\.outlook\.com/ },
  { name: 'no SPF record', check: 'spf', observation: { ...healthy, txt: { status: 'found', records: ['google-site-verification=abc'] } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'SPF_MISSING' },
  { name: 'no TXT record at all', check: 'spf', observation: { ...healthy, txt: { status: 'none' } }, serverTypes: EXCHANGE_ONLINE, verdict: 'fail', code: 'SPF_MISSING', fix: /v=spf1 include:spf\.protection\.outlook\.com/ },
  { name: 'two SPF records', check: 'spf', observation: { ...healthy, txt: { status: 'found', records: ['v=spf1 -all', 'v=spf1 mx -all'] } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'SPF_MULTIPLE' },
  { name: 'an SPF record allowing everyone', check: 'spf', observation: { ...healthy, txt: { status: 'found', records: ['v=spf1 include:spf.protection.outlook.com +all'] } }, serverTypes: EXCHANGE_ONLINE, verdict: 'warn', code: 'SPF_ALLOWS_ALL' },
  { name: 'v=spf10 is not SPF', check: 'spf', observation: { ...healthy, txt: { status: 'found', records: ['v=spf10 -all'] } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'SPF_MISSING' },
  { name: 'TXT lookup failed', check: 'spf', observation: { ...healthy, txt: { status: 'error', message: 'queryTxt ETIMEOUT contoso.com' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'SPF_LOOKUP_FAILED' },
  // Certificate
  { name: 'a trusted, matching certificate', check: 'certificate', observation: healthy, serverTypes: ON_PREMISES, verdict: 'pass', code: 'CERTIFICATE_OK', found: /issued by DigiCert, valid until/ },
  { name: 'Microsoft\'s certificate behind the Exchange Online CNAME', check: 'certificate', observation: online, serverTypes: EXCHANGE_ONLINE, verdict: 'pass', code: 'CERTIFICATE_EXCHANGE_ONLINE_REDIRECT' },
  { name: 'expiring in 29 days', check: 'certificate', observation: { ...healthy, certificate: { ...goodCertificate, validTo: inDays(29.5) } }, serverTypes: ON_PREMISES, verdict: 'warn', code: 'CERTIFICATE_EXPIRING', found: /expires in 29 days/ },
  { name: 'expiring in 30 days', check: 'certificate', observation: { ...healthy, certificate: { ...goodCertificate, validTo: inDays(30.5) } }, serverTypes: ON_PREMISES, verdict: 'pass', code: 'CERTIFICATE_OK' },
  { name: 'expired', check: 'certificate', observation: { ...healthy, certificate: { ...goodCertificate, validTo: inDays(-1), isChainTrusted: false, chainError: 'CERT_HAS_EXPIRED' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'CERTIFICATE_EXPIRED', fix: /Renew/ },
  { name: 'self-signed', check: 'certificate', observation: { ...healthy, certificate: { ...goodCertificate, isChainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'CERTIFICATE_UNTRUSTED', found: /DEPTH_ZERO_SELF_SIGNED_CERT/ },
  { name: 'issued for other names', check: 'certificate', observation: { ...healthy, certificate: { ...goodCertificate, altNames: ['www.contoso.com'], matchesHost: false } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'CERTIFICATE_NAME_MISMATCH', fix: /subject alternative names include autodiscover\.contoso\.com/ },
  { name: 'no TLS on 443', check: 'certificate', observation: { ...healthy, certificate: { status: 'unreachable', address: '52.96.0.1', message: 'connect ECONNREFUSED 52.96.0.1:443' } }, serverTypes: ON_PREMISES, verdict: 'fail', code: 'CERTIFICATE_UNREACHABLE', found: /ECONNREFUSED/ },
  { name: 'an address the portal does not connect to', check: 'certificate', observation: { ...healthy, certificate: { status: 'refused', message: 'autodiscover.contoso.com resolves to 10.0.0.5, a private address …' } }, serverTypes: ON_PREMISES, verdict: 'warn', code: 'CERTIFICATE_NOT_CHECKED_REFUSED', fix: /EWS_ALLOWED_HOSTS/ },
  { name: 'no host to connect to', check: 'certificate', observation: { ...healthy, autodiscoverAddresses: { status: 'none' }, certificate: { status: 'notChecked' } }, serverTypes: ON_PREMISES, verdict: 'warn', code: 'CERTIFICATE_NOT_CHECKED' },
];

describe('domain health rules', () => {
  it.each(CASES)('$check: $name → $verdict ($code)', ({ check, observation, serverTypes, verdict, code, found, fix }) => {
    const result = evaluateDomainHealth(observation, { serverTypes, now: NOW }).find((candidate) => candidate.check === check);
    expect(result).toMatchObject({ check, verdict, code });
    if (found) expect(result?.found).toMatch(found);
    if (fix === null) expect(result?.fix).toBeNull();
    else if (fix) expect(result?.fix).toMatch(fix);
    expect(result?.meaning).toMatch(/\S/);
  });

  it('covers every rule with a case, and every warning or failure says what to fix', () => {
    const covered = new Set(CASES.map((testCase) => testCase.code));
    for (const rules of Object.values(DOMAIN_HEALTH_RULES)) {
      for (const rule of rules) {
        expect(covered, rule.code).toContain(rule.code);
        if (rule.verdict === 'fail') expect(rule.fix, rule.code).not.toBeNull();
      }
    }
  });

  it('names the sentence of every meaning and fix, with the params its English text is filled with', () => {
    const said = new Set<string>();
    for (const { check, observation, serverTypes } of CASES) {
      const result = evaluateDomainHealth(observation, { serverTypes, now: NOW }).find((candidate) => candidate.check === check)!;
      const sentences: [string | null, DomainCheckSentence][] = [[result.meaning, result.meaningMessage], [result.fix, result.fixMessage]];
      for (const [english, coded] of sentences) {
        if (english === null) { expect(coded, result.code).toBeNull(); continue; }
        const code = coded!.code as DomainHealthSentenceCode;
        const template = DOMAIN_HEALTH_SENTENCES[code];
        expect(Object.keys(coded!.params ?? {}).sort(), code).toEqual(templatePlaceholders(template));
        expect(tableSentence(code, template, coded!.params).message, code).toBe(english);
        said.add(code);
      }
    }
    // Every sentence of the table is said by some case: no dead codes.
    expect(Object.keys(DOMAIN_HEALTH_SENTENCES).filter((code) => !said.has(code))).toEqual([]);
    const missingHost = evaluateDomainHealth({ ...healthy, autodiscoverAddresses: { status: 'none' } }, { serverTypes: ON_PREMISES, now: NOW })[0]!;
    expect(missingHost.fixMessage).toEqual({ code: 'FIX_AUTODISCOVER_ON_PREMISES', params: { host: 'autodiscover.contoso.com', srvName: '_autodiscover._tcp.contoso.com' } });
  });

  it('judges a healthy domain as passing in every check', () => {
    expect(evaluateDomainHealth(healthy, { serverTypes: ON_PREMISES, now: NOW }).map((result) => result.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    expect(evaluateDomainHealth(online, { serverTypes: ['exchangeServer', 'exchangeOnline'], now: NOW }).map((result) => result.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('takes the worst verdict for the domain', () => {
    expect(worstVerdict(['pass', 'warn', 'pass'])).toBe('warn');
    expect(worstVerdict(['warn', 'fail'])).toBe('fail');
    expect(worstVerdict([])).toBe('pass');
  });

  it.each([
    ['contoso.com', true], ['mail-1.contoso.co.uk', true], ['localhost', false], ['-bad.com', false], ['a..com', false], ['con toso.com', false], [`${'a'.repeat(64)}.com`, false],
  ])('%s is a name DNS can be asked about: %s', (domain, expected) => {
    expect(isCheckableDomain(domain)).toBe(expected);
  });
});
