import {
  AUTODISCOVER_PREFIX,
  AUTODISCOVER_SRV_PREFIX,
  DOMAIN_HEALTH_CHECKS,
  type CertificateObservation,
  type DnsAnswer,
  type DomainCheckResult,
  type DomainDnsObservation,
  type DomainHealthCheck,
  type DomainHealthContext,
  type HealthVerdict,
  type MxRecord,
  type SrvRecord,
} from './domain-health.ts';

/** Exchange Online's own names: the Autodiscover CNAME target, the MX host suffix and the SPF include. */
export const EXCHANGE_ONLINE_AUTODISCOVER_HOST = 'autodiscover.outlook.com';
export const EXCHANGE_ONLINE_MX_SUFFIX = '.mail.protection.outlook.com';
export const EXCHANGE_ONLINE_SPF_INCLUDE = 'include:spf.protection.outlook.com';
/** A certificate expiring within this many days is a warning. */
export const CERTIFICATE_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the rules read: the observation with the names and the derived facts spelled out once. */
export interface HealthFacts {
  domain: string;
  host: string;
  srvName: string;
  usesExchangeOnline: boolean;
  cname: string | null;
  addresses: DnsAnswer<string>;
  srv: DnsAnswer<SrvRecord>;
  mx: DnsAnswer<MxRecord>;
  txt: DnsAnswer<string>;
  spfRecords: string[];
  certificate: CertificateObservation;
  now: Date;
}

export interface HealthRule {
  code: string;
  verdict: HealthVerdict;
  applies(facts: HealthFacts): boolean;
  found(facts: HealthFacts): string;
  meaning(facts: HealthFacts): string;
  fix: ((facts: HealthFacts) => string) | null;
}

const list = (items: readonly string[]) => items.join(', ');
const records = <T>(answer: DnsAnswer<T>): T[] => (answer.status === 'found' ? answer.records : []);
const lookupError = (answer: DnsAnswer<unknown>) => (answer.status === 'error' ? answer.message : '');
const trimDot = (name: string) => name.toLowerCase().replace(/\.$/, '');
const hostResolves = (facts: HealthFacts) => facts.addresses.status === 'found';
const pointsToExchangeOnline = (facts: HealthFacts) => facts.cname !== null && trimDot(facts.cname) === EXCHANGE_ONLINE_AUTODISCOVER_HOST;
/** The MX records mail goes to first (the lowest preference). */
const preferredMx = (facts: HealthFacts) => {
  const all = records(facts.mx);
  const lowest = Math.min(...all.map((record) => record.priority));
  return all.filter((record) => record.priority === lowest);
};
const presented = (facts: HealthFacts) => (facts.certificate.status === 'presented' ? facts.certificate : null);
const daysLeft = (facts: HealthFacts) => {
  const certificate = presented(facts);
  return certificate ? Math.floor((certificate.validTo.getTime() - facts.now.getTime()) / DAY_MS) : 0;
};
const describeCertificate = (facts: HealthFacts) => {
  const certificate = presented(facts);
  if (!certificate) return '';
  const names = certificate.altNames.length > 0 ? list(certificate.altNames) : certificate.subject ?? 'no name';
  return `${facts.host} (${certificate.address}) presents a certificate for ${names}, issued by ${certificate.issuer ?? 'an unnamed issuer'}, valid until ${certificate.validTo.toISOString().slice(0, 10)}.`;
};
const unanswered = (name: string, answer: DnsAnswer<unknown>) => `The DNS server did not answer for ${name}: ${lookupError(answer)}.`;
const lookupFix = (facts: HealthFacts) =>
  `Check that the domain's name servers answer for ${facts.domain}, and that the portal's resolver (DNS_SERVERS, or the system's) can reach them; then run the checks again.`;
const ON_PREMISES_AUTODISCOVER_FIX = (facts: HealthFacts) =>
  `Publish an A record (or a CNAME) for ${facts.host} pointing to your Exchange Client Access server, or an SRV record ${facts.srvName} with port 443 and that server as target.`;
const EXCHANGE_ONLINE_AUTODISCOVER_FIX = (facts: HealthFacts) =>
  `Create a CNAME record ${facts.host} pointing to ${EXCHANGE_ONLINE_AUTODISCOVER_HOST}, as the Microsoft 365 admin center's domain setup lists it.`;

/**
 * The rules of each check, in order: the first that applies decides (its verdict, what it means, what to fix).
 * Each list ends with a rule that always applies.
 */
export const DOMAIN_HEALTH_RULES: Record<DomainHealthCheck, readonly HealthRule[]> = {
  autodiscoverHost: [
    {
      code: 'AUTODISCOVER_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.addresses.status === 'error',
      found: (f) => unanswered(f.host, f.addresses),
      meaning: () => 'Whether Autodiscover can be found is unknown: clients asking the same servers cannot find it either.',
      fix: lookupFix,
    },
    {
      code: 'AUTODISCOVER_HOST_MISSING_SRV_PRESENT', verdict: 'warn',
      applies: (f) => !hostResolves(f) && f.srv.status === 'found',
      found: (f) => `${f.host} does not resolve; ${f.srvName} points to ${list(records(f.srv).map((r) => `${trimDot(r.target)}:${r.port}`))}.`,
      meaning: () => 'Clients that try the SRV record find Autodiscover; those that only try the host name do not.',
      fix: (f) => (f.usesExchangeOnline ? EXCHANGE_ONLINE_AUTODISCOVER_FIX(f) : `Publish an A record (or a CNAME) for ${f.host} pointing to your Exchange Client Access server.`),
    },
    {
      code: 'AUTODISCOVER_HOST_MISSING', verdict: 'fail',
      applies: (f) => !hostResolves(f),
      found: (f) => `${f.host} has no A, AAAA or CNAME record.`,
      meaning: () => 'Autodiscover cannot be found by name: profiles set to Auto Discover Server Location and Outlook cannot locate the mailboxes\' Exchange Web Services.',
      fix: (f) => (f.usesExchangeOnline ? EXCHANGE_ONLINE_AUTODISCOVER_FIX(f) : ON_PREMISES_AUTODISCOVER_FIX(f)),
    },
    {
      code: 'AUTODISCOVER_NOT_EXCHANGE_ONLINE', verdict: 'warn',
      applies: (f) => f.usesExchangeOnline && !pointsToExchangeOnline(f),
      found: (f) => `${f.host} resolves to ${list(records(f.addresses))}${f.cname ? ` through ${trimDot(f.cname)}` : ''}, not through ${EXCHANGE_ONLINE_AUTODISCOVER_HOST}.`,
      meaning: () => 'Mailboxes of this domain use an Exchange Online profile, but Autodiscover leads elsewhere (an on-premises server, in a hybrid deployment): Outlook may be sent to the wrong server.',
      fix: (f) => `If the mailboxes have moved to Exchange Online, point ${f.host} to ${EXCHANGE_ONLINE_AUTODISCOVER_HOST} with a CNAME record.`,
    },
    {
      code: 'AUTODISCOVER_HOST_OK', verdict: 'pass',
      applies: () => true,
      found: (f) => `${f.host} resolves to ${list(records(f.addresses))}${f.cname ? ` through ${trimDot(f.cname)}` : ''}.`,
      meaning: () => 'Autodiscover can be found by name.',
      fix: null,
    },
  ],
  autodiscoverSrv: [
    {
      code: 'SRV_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.srv.status === 'error',
      found: (f) => unanswered(f.srvName, f.srv),
      meaning: () => 'Whether an Autodiscover SRV record exists is unknown.',
      fix: lookupFix,
    },
    {
      code: 'SRV_PORT_NOT_443', verdict: 'warn',
      applies: (f) => records(f.srv).some((record) => record.port !== 443),
      found: (f) => `${f.srvName} points to ${list(records(f.srv).map((r) => `${trimDot(r.target)}:${r.port}`))}.`,
      meaning: () => 'Outlook follows Autodiscover SRV records only to port 443: a record with another port is ignored.',
      fix: (f) => `Set the port of ${f.srvName} to 443.`,
    },
    {
      code: 'SRV_OK', verdict: 'pass',
      applies: (f) => f.srv.status === 'found',
      found: (f) => `${f.srvName} points to ${list(records(f.srv).map((r) => `${trimDot(r.target)}:${r.port}`))}.`,
      meaning: () => 'Clients that do not find Autodiscover by name find it through this record.',
      fix: null,
    },
    {
      code: 'SRV_NOT_NEEDED', verdict: 'pass',
      applies: hostResolves,
      found: (f) => `${f.srvName} is not published.`,
      meaning: (f) => `Not needed: ${f.host} resolves, and clients find Autodiscover by name first.`,
      fix: null,
    },
    {
      code: 'SRV_MISSING', verdict: 'fail',
      applies: () => true,
      found: (f) => `${f.srvName} is not published, and ${f.host} does not resolve.`,
      meaning: () => 'Neither way of finding Autodiscover works for this domain.',
      fix: (f) => (f.usesExchangeOnline ? EXCHANGE_ONLINE_AUTODISCOVER_FIX(f) : ON_PREMISES_AUTODISCOVER_FIX(f)),
    },
  ],
  mx: [
    {
      code: 'MX_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.mx.status === 'error',
      found: (f) => unanswered(f.domain, f.mx),
      meaning: () => 'Where mail for the domain is delivered is unknown.',
      fix: lookupFix,
    },
    {
      code: 'MX_MISSING', verdict: 'fail',
      applies: (f) => f.mx.status === 'none',
      found: (f) => `${f.domain} has no MX record.`,
      meaning: () => 'Mail sent to the mailboxes of this domain is not delivered: server-side synchronization has no incoming email to process.',
      fix: (f) => (f.usesExchangeOnline
        ? `Create the MX record the Microsoft 365 admin center lists for ${f.domain} (a host ending in ${EXCHANGE_ONLINE_MX_SUFFIX}).`
        : `Create an MX record for ${f.domain} pointing to the server that receives its mail.`),
    },
    {
      code: 'MX_NOT_EXCHANGE_ONLINE', verdict: 'warn',
      applies: (f) => f.usesExchangeOnline && !preferredMx(f).some((record) => trimDot(record.exchange).endsWith(EXCHANGE_ONLINE_MX_SUFFIX)),
      found: (f) => `Mail for ${f.domain} goes first to ${list(preferredMx(f).map((r) => trimDot(r.exchange)))}, not to Exchange Online (${EXCHANGE_ONLINE_MX_SUFFIX.slice(1)}).`,
      meaning: () => 'Mailboxes of this domain use an Exchange Online profile, but mail reaches another server first (a filtering gateway or an on-premises Exchange): they receive it only if that server passes it on.',
      fix: (f) => `If mail should go straight to Exchange Online, set the MX record of ${f.domain} to the host the Microsoft 365 admin center lists (ending in ${EXCHANGE_ONLINE_MX_SUFFIX}).`,
    },
    {
      code: 'MX_OK', verdict: 'pass',
      applies: () => true,
      found: (f) => `Mail for ${f.domain} goes to ${list(records(f.mx).sort((a, b) => a.priority - b.priority).map((r) => `${trimDot(r.exchange)} (${r.priority})`))}.`,
      meaning: (f) => (f.usesExchangeOnline ? 'Mail is delivered to Exchange Online.' : 'Mail for the domain has a destination.'),
      fix: null,
    },
  ],
  spf: [
    {
      code: 'SPF_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.txt.status === 'error',
      found: (f) => unanswered(f.domain, f.txt),
      meaning: () => 'Whether the domain publishes SPF is unknown.',
      fix: lookupFix,
    },
    {
      code: 'SPF_MISSING', verdict: 'fail',
      applies: (f) => f.spfRecords.length === 0,
      found: (f) => `${f.domain} has no TXT record starting with v=spf1.`,
      meaning: () => 'Receiving servers cannot tell mail sent from this domain from forgeries: email sent through server-side synchronization is more likely to be marked as spam or rejected.',
      fix: (f) => `Publish a TXT record on ${f.domain}: v=spf1 ${f.usesExchangeOnline ? `${EXCHANGE_ONLINE_SPF_INCLUDE} ` : ''}followed by your other sending servers, ending in -all.`,
    },
    {
      code: 'SPF_MULTIPLE', verdict: 'fail',
      applies: (f) => f.spfRecords.length > 1,
      found: (f) => `${f.domain} has ${f.spfRecords.length} SPF records: ${f.spfRecords.join(' | ')}.`,
      meaning: () => 'More than one SPF record is an error (PermError): receivers treat the domain as having no valid SPF.',
      fix: () => 'Merge them into one TXT record starting with v=spf1.',
    },
    {
      code: 'SPF_EXCHANGE_ONLINE_MISSING', verdict: 'fail',
      applies: (f) => f.usesExchangeOnline && !(f.spfRecords[0] ?? '').toLowerCase().split(/\s+/).includes(EXCHANGE_ONLINE_SPF_INCLUDE),
      found: (f) => `The SPF record of ${f.domain} (${f.spfRecords[0]}) does not include ${EXCHANGE_ONLINE_SPF_INCLUDE}.`,
      meaning: () => 'Mailboxes of this domain send through Exchange Online, which the SPF record does not authorize: their email can fail SPF at the receiver.',
      fix: (f) => `Add ${EXCHANGE_ONLINE_SPF_INCLUDE} to the SPF record of ${f.domain}, before its all mechanism.`,
    },
    {
      code: 'SPF_ALLOWS_ALL', verdict: 'warn',
      applies: (f) => /(^|\s)\+?all(\s|$)/i.test(f.spfRecords[0] ?? ''),
      found: (f) => `The SPF record of ${f.domain} ends in +all: ${f.spfRecords[0]}.`,
      meaning: () => 'Any server on the internet may send as this domain: SPF protects nothing.',
      fix: () => 'End the record in -all (or ~all while you check your senders).',
    },
    {
      code: 'SPF_OK', verdict: 'pass',
      applies: () => true,
      found: (f) => `${f.domain} publishes ${f.spfRecords[0]}.`,
      meaning: (f) => (f.usesExchangeOnline ? 'Exchange Online is authorized to send as the domain.' : 'The domain names the servers that may send as it.'),
      fix: null,
    },
  ],
  certificate: [
    {
      code: 'CERTIFICATE_NOT_CHECKED', verdict: 'warn',
      applies: (f) => f.certificate.status === 'notChecked',
      found: (f) => `Not checked: ${f.host} does not resolve.`,
      meaning: () => 'There is no Autodiscover host to connect to (see Autodiscover host).',
      fix: null,
    },
    {
      code: 'CERTIFICATE_NOT_CHECKED_REFUSED', verdict: 'warn',
      applies: (f) => f.certificate.status === 'refused',
      found: (f) => `Not checked: ${f.certificate.status === 'refused' ? f.certificate.message : ''}`,
      meaning: () => 'The host resolves to an address this portal does not connect to, so its certificate could not be read. Clients outside that network cannot reach it either.',
      fix: (f) => `If ${f.host} is an internal server the portal should reach, list it in EWS_ALLOWED_HOSTS; otherwise publish its public address.`,
    },
    {
      code: 'CERTIFICATE_UNREACHABLE', verdict: 'fail',
      applies: (f) => f.certificate.status === 'unreachable',
      found: (f) => (f.certificate.status === 'unreachable' ? `${f.host} (${f.certificate.address}) did not complete a TLS handshake on port 443: ${f.certificate.message}.` : ''),
      meaning: () => 'Autodiscover over https is not reachable: clients cannot read the Autodiscover answer.',
      fix: (f) => `Make ${f.host} answer https on port 443 (firewall, load balancer, the IIS binding of the Client Access server).`,
    },
    {
      code: 'CERTIFICATE_EXPIRED', verdict: 'fail',
      applies: (f) => presented(f) !== null && daysLeft(f) < 0,
      found: describeCertificate,
      meaning: () => 'The certificate has expired: clients refuse the connection, and Autodiscover and Exchange Web Services behind this host stop working.',
      fix: (f) => `Renew the certificate of ${f.host} and bind the new one.`,
    },
    {
      code: 'CERTIFICATE_UNTRUSTED', verdict: 'fail',
      applies: (f) => presented(f)?.isChainTrusted === false,
      found: (f) => `${describeCertificate(f)} Its chain is not trusted (${presented(f)?.chainError ?? 'unknown reason'}).`,
      meaning: () => 'Clients cannot verify who issued the certificate (self-signed, a private CA, or a missing intermediate certificate) and refuse the connection.',
      fix: (f) => `Install on ${f.host} a certificate from a public certification authority, with its intermediate certificates.`,
    },
    {
      code: 'CERTIFICATE_EXCHANGE_ONLINE_REDIRECT', verdict: 'pass',
      applies: (f) => f.usesExchangeOnline && pointsToExchangeOnline(f) && presented(f)?.matchesHost === false,
      found: describeCertificate,
      meaning: (f) => `Expected: ${f.host} is a CNAME to ${EXCHANGE_ONLINE_AUTODISCOVER_HOST}, which presents Microsoft's certificate; clients reach Exchange Online's Autodiscover through its redirect.`,
      fix: null,
    },
    {
      code: 'CERTIFICATE_NAME_MISMATCH', verdict: 'fail',
      applies: (f) => presented(f)?.matchesHost === false,
      found: (f) => `${describeCertificate(f)} It is not valid for ${f.host}.`,
      meaning: () => 'Clients refuse a certificate issued for other names: Autodiscover over https fails.',
      fix: (f) => `Install a certificate whose subject alternative names include ${f.host}.`,
    },
    {
      code: 'CERTIFICATE_EXPIRING', verdict: 'warn',
      applies: (f) => presented(f) !== null && daysLeft(f) < CERTIFICATE_WARNING_DAYS,
      found: (f) => `${describeCertificate(f)} It expires in ${daysLeft(f)} days.`,
      meaning: () => `The certificate expires within ${CERTIFICATE_WARNING_DAYS} days; once it has, Autodiscover over https stops working.`,
      fix: (f) => `Renew the certificate of ${f.host} before ${presented(f)?.validTo.toISOString().slice(0, 10)}.`,
    },
    {
      code: 'CERTIFICATE_OK', verdict: 'pass',
      applies: () => true,
      found: describeCertificate,
      meaning: () => 'The certificate is trusted, valid for the host, and not about to expire.',
      fix: null,
    },
  ],
};

export function healthFacts(observation: DomainDnsObservation, context: DomainHealthContext): HealthFacts {
  const cname = observation.autodiscoverCname.status === 'found' ? observation.autodiscoverCname.records[0] ?? null : null;
  return {
    domain: observation.domain,
    host: `${AUTODISCOVER_PREFIX}${observation.domain}`,
    srvName: `${AUTODISCOVER_SRV_PREFIX}${observation.domain}`,
    usesExchangeOnline: context.serverTypes.includes('exchangeOnline'),
    cname,
    addresses: observation.autodiscoverAddresses,
    srv: observation.autodiscoverSrv,
    mx: observation.mx,
    txt: observation.txt,
    spfRecords: records(observation.txt).filter((record) => /^v=spf1(\s|$)/i.test(record.trim())),
    certificate: observation.certificate,
    now: context.now,
  };
}

/** Judges what the probe saw: one result per check, by the first rule of its list that applies. */
export function evaluateDomainHealth(observation: DomainDnsObservation, context: DomainHealthContext): DomainCheckResult[] {
  const facts = healthFacts(observation, context);
  return DOMAIN_HEALTH_CHECKS.map((check) => {
    const rule = DOMAIN_HEALTH_RULES[check].find((candidate) => candidate.applies(facts));
    if (!rule) throw new Error(`No rule of ${check} applies: its list must end with a catch-all.`);
    return { check, verdict: rule.verdict, code: rule.code, found: rule.found(facts), meaning: rule.meaning(facts), fix: rule.fix?.(facts) ?? null };
  });
}
