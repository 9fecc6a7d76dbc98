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
import { codedSentence, type MessageParams, type ServerMessage } from '../shared/domain-error.ts';
import { tableSentence } from '../shared/sentence.ts';

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
  meaning(facts: HealthFacts): ServerMessage;
  fix: ((facts: HealthFacts) => ServerMessage) | null;
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

/**
 * What the checks' results mean and what to fix, one sentence per code (decision 58: a code names one sentence with
 * one set of params and is never reused). The web says them from `domain-health:sentence.<code>`, whose English
 * text is this table's (test/i18n-resources.test.ts holds them equal). What was found stays English: it is DNS data.
 */
export const DOMAIN_HEALTH_SENTENCES = {
  AUTODISCOVER_UNKNOWN: 'Whether Autodiscover can be found is unknown: clients asking the same servers cannot find it either.',
  AUTODISCOVER_FOUND_BY_SRV_ONLY: 'Clients that try the SRV record find Autodiscover; those that only try the host name do not.',
  AUTODISCOVER_NOT_FOUND_BY_NAME: 'Autodiscover cannot be found by name: profiles set to Auto Discover Server Location and Outlook cannot locate the mailboxes\' Exchange Web Services.',
  AUTODISCOVER_LEADS_ELSEWHERE: 'Mailboxes of this domain use an Exchange Online profile, but Autodiscover leads elsewhere (an on-premises server, in a hybrid deployment): Outlook may be sent to the wrong server.',
  AUTODISCOVER_FOUND_BY_NAME: 'Autodiscover can be found by name.',
  SRV_UNKNOWN: 'Whether an Autodiscover SRV record exists is unknown.',
  SRV_OTHER_PORT_IGNORED: 'Outlook follows Autodiscover SRV records only to port 443: a record with another port is ignored.',
  SRV_FINDS_AUTODISCOVER: 'Clients that do not find Autodiscover by name find it through this record.',
  SRV_NOT_NEEDED_HOST_RESOLVES: 'Not needed: {{host}} resolves, and clients find Autodiscover by name first.',
  AUTODISCOVER_NOT_FOUND_EITHER_WAY: 'Neither way of finding Autodiscover works for this domain.',
  MX_UNKNOWN: 'Where mail for the domain is delivered is unknown.',
  MAIL_NOT_DELIVERED: 'Mail sent to the mailboxes of this domain is not delivered: server-side synchronization has no incoming email to process.',
  MAIL_REACHES_OTHER_SERVER_FIRST: 'Mailboxes of this domain use an Exchange Online profile, but mail reaches another server first (a filtering gateway or an on-premises Exchange): they receive it only if that server passes it on.',
  MAIL_DELIVERED_TO_EXCHANGE_ONLINE: 'Mail is delivered to Exchange Online.',
  MAIL_HAS_DESTINATION: 'Mail for the domain has a destination.',
  SPF_UNKNOWN: 'Whether the domain publishes SPF is unknown.',
  SPF_NONE_FORGERIES_POSSIBLE: 'Receiving servers cannot tell mail sent from this domain from forgeries: email sent through server-side synchronization is more likely to be marked as spam or rejected.',
  SPF_MULTIPLE_PERMERROR: 'More than one SPF record is an error (PermError): receivers treat the domain as having no valid SPF.',
  SPF_EXCHANGE_ONLINE_NOT_AUTHORIZED: 'Mailboxes of this domain send through Exchange Online, which the SPF record does not authorize: their email can fail SPF at the receiver.',
  SPF_PROTECTS_NOTHING: 'Any server on the internet may send as this domain: SPF protects nothing.',
  SPF_AUTHORIZES_EXCHANGE_ONLINE: 'Exchange Online is authorized to send as the domain.',
  SPF_NAMES_SENDERS: 'The domain names the servers that may send as it.',
  CERTIFICATE_NO_HOST: 'There is no Autodiscover host to connect to (see Autodiscover host).',
  CERTIFICATE_ADDRESS_NOT_CONNECTED: 'The host resolves to an address this portal does not connect to, so its certificate could not be read. Clients outside that network cannot reach it either.',
  CERTIFICATE_HTTPS_UNREACHABLE: 'Autodiscover over https is not reachable: clients cannot read the Autodiscover answer.',
  CERTIFICATE_EXPIRED_REFUSED: 'The certificate has expired: clients refuse the connection, and Autodiscover and Exchange Web Services behind this host stop working.',
  CERTIFICATE_ISSUER_UNVERIFIED: 'Clients cannot verify who issued the certificate (self-signed, a private CA, or a missing intermediate certificate) and refuse the connection.',
  CERTIFICATE_EXCHANGE_ONLINE_REDIRECT_EXPECTED: `Expected: {{host}} is a CNAME to ${EXCHANGE_ONLINE_AUTODISCOVER_HOST}, which presents Microsoft's certificate; clients reach Exchange Online's Autodiscover through its redirect.`,
  CERTIFICATE_OTHER_NAMES_REFUSED: 'Clients refuse a certificate issued for other names: Autodiscover over https fails.',
  CERTIFICATE_EXPIRES_WITHIN_DAYS: 'The certificate expires within {{days}} days; once it has, Autodiscover over https stops working.',
  CERTIFICATE_SOUND: 'The certificate is trusted, valid for the host, and not about to expire.',

  FIX_DNS_LOOKUP: 'Check that the domain\'s name servers answer for {{domain}}, and that the portal\'s resolver (DNS_SERVERS, or the system\'s) can reach them; then run the checks again.',
  FIX_AUTODISCOVER_ON_PREMISES: 'Publish an A record (or a CNAME) for {{host}} pointing to your Exchange Client Access server, or an SRV record {{srvName}} with port 443 and that server as target.',
  FIX_AUTODISCOVER_HOST_ON_PREMISES: 'Publish an A record (or a CNAME) for {{host}} pointing to your Exchange Client Access server.',
  FIX_AUTODISCOVER_EXCHANGE_ONLINE: `Create a CNAME record {{host}} pointing to ${EXCHANGE_ONLINE_AUTODISCOVER_HOST}, as the Microsoft 365 admin center's domain setup lists it.`,
  FIX_AUTODISCOVER_IF_MOVED_TO_EXCHANGE_ONLINE: `If the mailboxes have moved to Exchange Online, point {{host}} to ${EXCHANGE_ONLINE_AUTODISCOVER_HOST} with a CNAME record.`,
  FIX_SRV_PORT_443: 'Set the port of {{srvName}} to 443.',
  FIX_MX_CREATE_EXCHANGE_ONLINE: `Create the MX record the Microsoft 365 admin center lists for {{domain}} (a host ending in ${EXCHANGE_ONLINE_MX_SUFFIX}).`,
  FIX_MX_CREATE: 'Create an MX record for {{domain}} pointing to the server that receives its mail.',
  FIX_MX_POINT_TO_EXCHANGE_ONLINE: `If mail should go straight to Exchange Online, set the MX record of {{domain}} to the host the Microsoft 365 admin center lists (ending in ${EXCHANGE_ONLINE_MX_SUFFIX}).`,
  FIX_SPF_PUBLISH_EXCHANGE_ONLINE: `Publish a TXT record on {{domain}}: v=spf1 ${EXCHANGE_ONLINE_SPF_INCLUDE} followed by your other sending servers, ending in -all.`,
  FIX_SPF_PUBLISH: 'Publish a TXT record on {{domain}}: v=spf1 followed by your other sending servers, ending in -all.',
  FIX_SPF_MERGE: 'Merge them into one TXT record starting with v=spf1.',
  FIX_SPF_ADD_EXCHANGE_ONLINE: `Add ${EXCHANGE_ONLINE_SPF_INCLUDE} to the SPF record of {{domain}}, before its all mechanism.`,
  FIX_SPF_END_IN_FAIL: 'End the record in -all (or ~all while you check your senders).',
  FIX_CERTIFICATE_ALLOW_HOST: 'If {{host}} is an internal server the portal should reach, list it in EWS_ALLOWED_HOSTS; otherwise publish its public address.',
  FIX_CERTIFICATE_ANSWER_HTTPS: 'Make {{host}} answer https on port 443 (firewall, load balancer, the IIS binding of the Client Access server).',
  FIX_CERTIFICATE_RENEW: 'Renew the certificate of {{host}} and bind the new one.',
  FIX_CERTIFICATE_PUBLIC_CA: 'Install on {{host}} a certificate from a public certification authority, with its intermediate certificates.',
  FIX_CERTIFICATE_NAME: 'Install a certificate whose subject alternative names include {{host}}.',
  FIX_CERTIFICATE_RENEW_BEFORE: 'Renew the certificate of {{host}} before {{date}}.',
} as const;
export type DomainHealthSentenceCode = keyof typeof DOMAIN_HEALTH_SENTENCES;

const say = (code: DomainHealthSentenceCode, params?: MessageParams): ServerMessage => tableSentence(code, DOMAIN_HEALTH_SENTENCES[code], params);
const lookupFix = (facts: HealthFacts) => say('FIX_DNS_LOOKUP', { domain: facts.domain });
const onPremisesAutodiscoverFix = (facts: HealthFacts) => say('FIX_AUTODISCOVER_ON_PREMISES', { host: facts.host, srvName: facts.srvName });
const exchangeOnlineAutodiscoverFix = (facts: HealthFacts) => say('FIX_AUTODISCOVER_EXCHANGE_ONLINE', { host: facts.host });

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
      meaning: () => say('AUTODISCOVER_UNKNOWN'),
      fix: lookupFix,
    },
    {
      code: 'AUTODISCOVER_HOST_MISSING_SRV_PRESENT', verdict: 'warn',
      applies: (f) => !hostResolves(f) && f.srv.status === 'found',
      found: (f) => `${f.host} does not resolve; ${f.srvName} points to ${list(records(f.srv).map((r) => `${trimDot(r.target)}:${r.port}`))}.`,
      meaning: () => say('AUTODISCOVER_FOUND_BY_SRV_ONLY'),
      fix: (f) => (f.usesExchangeOnline ? exchangeOnlineAutodiscoverFix(f) : say('FIX_AUTODISCOVER_HOST_ON_PREMISES', { host: f.host })),
    },
    {
      code: 'AUTODISCOVER_HOST_MISSING', verdict: 'fail',
      applies: (f) => !hostResolves(f),
      found: (f) => `${f.host} has no A, AAAA or CNAME record.`,
      meaning: () => say('AUTODISCOVER_NOT_FOUND_BY_NAME'),
      fix: (f) => (f.usesExchangeOnline ? exchangeOnlineAutodiscoverFix(f) : onPremisesAutodiscoverFix(f)),
    },
    {
      code: 'AUTODISCOVER_NOT_EXCHANGE_ONLINE', verdict: 'warn',
      applies: (f) => f.usesExchangeOnline && !pointsToExchangeOnline(f),
      found: (f) => `${f.host} resolves to ${list(records(f.addresses))}${f.cname ? ` through ${trimDot(f.cname)}` : ''}, not through ${EXCHANGE_ONLINE_AUTODISCOVER_HOST}.`,
      meaning: () => say('AUTODISCOVER_LEADS_ELSEWHERE'),
      fix: (f) => say('FIX_AUTODISCOVER_IF_MOVED_TO_EXCHANGE_ONLINE', { host: f.host }),
    },
    {
      code: 'AUTODISCOVER_HOST_OK', verdict: 'pass',
      applies: () => true,
      found: (f) => `${f.host} resolves to ${list(records(f.addresses))}${f.cname ? ` through ${trimDot(f.cname)}` : ''}.`,
      meaning: () => say('AUTODISCOVER_FOUND_BY_NAME'),
      fix: null,
    },
  ],
  autodiscoverSrv: [
    {
      code: 'SRV_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.srv.status === 'error',
      found: (f) => unanswered(f.srvName, f.srv),
      meaning: () => say('SRV_UNKNOWN'),
      fix: lookupFix,
    },
    {
      code: 'SRV_PORT_NOT_443', verdict: 'warn',
      applies: (f) => records(f.srv).some((record) => record.port !== 443),
      found: (f) => `${f.srvName} points to ${list(records(f.srv).map((r) => `${trimDot(r.target)}:${r.port}`))}.`,
      meaning: () => say('SRV_OTHER_PORT_IGNORED'),
      fix: (f) => say('FIX_SRV_PORT_443', { srvName: f.srvName }),
    },
    {
      code: 'SRV_OK', verdict: 'pass',
      applies: (f) => f.srv.status === 'found',
      found: (f) => `${f.srvName} points to ${list(records(f.srv).map((r) => `${trimDot(r.target)}:${r.port}`))}.`,
      meaning: () => say('SRV_FINDS_AUTODISCOVER'),
      fix: null,
    },
    {
      code: 'SRV_NOT_NEEDED', verdict: 'pass',
      applies: hostResolves,
      found: (f) => `${f.srvName} is not published.`,
      meaning: (f) => say('SRV_NOT_NEEDED_HOST_RESOLVES', { host: f.host }),
      fix: null,
    },
    {
      code: 'SRV_MISSING', verdict: 'fail',
      applies: () => true,
      found: (f) => `${f.srvName} is not published, and ${f.host} does not resolve.`,
      meaning: () => say('AUTODISCOVER_NOT_FOUND_EITHER_WAY'),
      fix: (f) => (f.usesExchangeOnline ? exchangeOnlineAutodiscoverFix(f) : onPremisesAutodiscoverFix(f)),
    },
  ],
  mx: [
    {
      code: 'MX_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.mx.status === 'error',
      found: (f) => unanswered(f.domain, f.mx),
      meaning: () => say('MX_UNKNOWN'),
      fix: lookupFix,
    },
    {
      code: 'MX_MISSING', verdict: 'fail',
      applies: (f) => f.mx.status === 'none',
      found: (f) => `${f.domain} has no MX record.`,
      meaning: () => say('MAIL_NOT_DELIVERED'),
      fix: (f) => say(f.usesExchangeOnline ? 'FIX_MX_CREATE_EXCHANGE_ONLINE' : 'FIX_MX_CREATE', { domain: f.domain }),
    },
    {
      code: 'MX_NOT_EXCHANGE_ONLINE', verdict: 'warn',
      applies: (f) => f.usesExchangeOnline && !preferredMx(f).some((record) => trimDot(record.exchange).endsWith(EXCHANGE_ONLINE_MX_SUFFIX)),
      found: (f) => `Mail for ${f.domain} goes first to ${list(preferredMx(f).map((r) => trimDot(r.exchange)))}, not to Exchange Online (${EXCHANGE_ONLINE_MX_SUFFIX.slice(1)}).`,
      meaning: () => say('MAIL_REACHES_OTHER_SERVER_FIRST'),
      fix: (f) => say('FIX_MX_POINT_TO_EXCHANGE_ONLINE', { domain: f.domain }),
    },
    {
      code: 'MX_OK', verdict: 'pass',
      applies: () => true,
      found: (f) => `Mail for ${f.domain} goes to ${list(records(f.mx).sort((a, b) => a.priority - b.priority).map((r) => `${trimDot(r.exchange)} (${r.priority})`))}.`,
      meaning: (f) => say(f.usesExchangeOnline ? 'MAIL_DELIVERED_TO_EXCHANGE_ONLINE' : 'MAIL_HAS_DESTINATION'),
      fix: null,
    },
  ],
  spf: [
    {
      code: 'SPF_LOOKUP_FAILED', verdict: 'fail',
      applies: (f) => f.txt.status === 'error',
      found: (f) => unanswered(f.domain, f.txt),
      meaning: () => say('SPF_UNKNOWN'),
      fix: lookupFix,
    },
    {
      code: 'SPF_MISSING', verdict: 'fail',
      applies: (f) => f.spfRecords.length === 0,
      found: (f) => `${f.domain} has no TXT record starting with v=spf1.`,
      meaning: () => say('SPF_NONE_FORGERIES_POSSIBLE'),
      fix: (f) => say(f.usesExchangeOnline ? 'FIX_SPF_PUBLISH_EXCHANGE_ONLINE' : 'FIX_SPF_PUBLISH', { domain: f.domain }),
    },
    {
      code: 'SPF_MULTIPLE', verdict: 'fail',
      applies: (f) => f.spfRecords.length > 1,
      found: (f) => `${f.domain} has ${f.spfRecords.length} SPF records: ${f.spfRecords.join(' | ')}.`,
      meaning: () => say('SPF_MULTIPLE_PERMERROR'),
      fix: () => say('FIX_SPF_MERGE'),
    },
    {
      code: 'SPF_EXCHANGE_ONLINE_MISSING', verdict: 'fail',
      applies: (f) => f.usesExchangeOnline && !(f.spfRecords[0] ?? '').toLowerCase().split(/\s+/).includes(EXCHANGE_ONLINE_SPF_INCLUDE),
      found: (f) => `The SPF record of ${f.domain} (${f.spfRecords[0]}) does not include ${EXCHANGE_ONLINE_SPF_INCLUDE}.`,
      meaning: () => say('SPF_EXCHANGE_ONLINE_NOT_AUTHORIZED'),
      fix: (f) => say('FIX_SPF_ADD_EXCHANGE_ONLINE', { domain: f.domain }),
    },
    {
      code: 'SPF_ALLOWS_ALL', verdict: 'warn',
      applies: (f) => /(^|\s)\+?all(\s|$)/i.test(f.spfRecords[0] ?? ''),
      found: (f) => `The SPF record of ${f.domain} ends in +all: ${f.spfRecords[0]}.`,
      meaning: () => say('SPF_PROTECTS_NOTHING'),
      fix: () => say('FIX_SPF_END_IN_FAIL'),
    },
    {
      code: 'SPF_OK', verdict: 'pass',
      applies: () => true,
      found: (f) => `${f.domain} publishes ${f.spfRecords[0]}.`,
      meaning: (f) => say(f.usesExchangeOnline ? 'SPF_AUTHORIZES_EXCHANGE_ONLINE' : 'SPF_NAMES_SENDERS'),
      fix: null,
    },
  ],
  certificate: [
    {
      code: 'CERTIFICATE_NOT_CHECKED', verdict: 'warn',
      applies: (f) => f.certificate.status === 'notChecked',
      found: (f) => `Not checked: ${f.host} does not resolve.`,
      meaning: () => say('CERTIFICATE_NO_HOST'),
      fix: null,
    },
    {
      code: 'CERTIFICATE_NOT_CHECKED_REFUSED', verdict: 'warn',
      applies: (f) => f.certificate.status === 'refused',
      found: (f) => `Not checked: ${f.certificate.status === 'refused' ? f.certificate.message : ''}`,
      meaning: () => say('CERTIFICATE_ADDRESS_NOT_CONNECTED'),
      fix: (f) => say('FIX_CERTIFICATE_ALLOW_HOST', { host: f.host }),
    },
    {
      code: 'CERTIFICATE_UNREACHABLE', verdict: 'fail',
      applies: (f) => f.certificate.status === 'unreachable',
      found: (f) => (f.certificate.status === 'unreachable' ? `${f.host} (${f.certificate.address}) did not complete a TLS handshake on port 443: ${f.certificate.message}.` : ''),
      meaning: () => say('CERTIFICATE_HTTPS_UNREACHABLE'),
      fix: (f) => say('FIX_CERTIFICATE_ANSWER_HTTPS', { host: f.host }),
    },
    {
      code: 'CERTIFICATE_EXPIRED', verdict: 'fail',
      applies: (f) => presented(f) !== null && daysLeft(f) < 0,
      found: describeCertificate,
      meaning: () => say('CERTIFICATE_EXPIRED_REFUSED'),
      fix: (f) => say('FIX_CERTIFICATE_RENEW', { host: f.host }),
    },
    {
      code: 'CERTIFICATE_UNTRUSTED', verdict: 'fail',
      applies: (f) => presented(f)?.isChainTrusted === false,
      found: (f) => `${describeCertificate(f)} Its chain is not trusted (${presented(f)?.chainError ?? 'unknown reason'}).`,
      meaning: () => say('CERTIFICATE_ISSUER_UNVERIFIED'),
      fix: (f) => say('FIX_CERTIFICATE_PUBLIC_CA', { host: f.host }),
    },
    {
      code: 'CERTIFICATE_EXCHANGE_ONLINE_REDIRECT', verdict: 'pass',
      applies: (f) => f.usesExchangeOnline && pointsToExchangeOnline(f) && presented(f)?.matchesHost === false,
      found: describeCertificate,
      meaning: (f) => say('CERTIFICATE_EXCHANGE_ONLINE_REDIRECT_EXPECTED', { host: f.host }),
      fix: null,
    },
    {
      code: 'CERTIFICATE_NAME_MISMATCH', verdict: 'fail',
      applies: (f) => presented(f)?.matchesHost === false,
      found: (f) => `${describeCertificate(f)} It is not valid for ${f.host}.`,
      meaning: () => say('CERTIFICATE_OTHER_NAMES_REFUSED'),
      fix: (f) => say('FIX_CERTIFICATE_NAME', { host: f.host }),
    },
    {
      code: 'CERTIFICATE_EXPIRING', verdict: 'warn',
      applies: (f) => presented(f) !== null && daysLeft(f) < CERTIFICATE_WARNING_DAYS,
      found: (f) => `${describeCertificate(f)} It expires in ${daysLeft(f)} days.`,
      meaning: () => say('CERTIFICATE_EXPIRES_WITHIN_DAYS', { days: CERTIFICATE_WARNING_DAYS }),
      fix: (f) => say('FIX_CERTIFICATE_RENEW_BEFORE', { host: f.host, date: presented(f)?.validTo.toISOString().slice(0, 10) ?? '' }),
    },
    {
      code: 'CERTIFICATE_OK', verdict: 'pass',
      applies: () => true,
      found: describeCertificate,
      meaning: () => say('CERTIFICATE_SOUND'),
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
    const meaning = rule.meaning(facts);
    const fix = rule.fix?.(facts) ?? null;
    return {
      check, verdict: rule.verdict, code: rule.code, found: rule.found(facts),
      meaning: meaning.message, meaningMessage: codedSentence(meaning),
      fix: fix?.message ?? null, fixMessage: fix && codedSentence(fix),
    };
  });
}
