import type { ServerType } from '../server-profiles/server-profile.ts';
import type { CodedSentence } from '../shared/domain-error.ts';

/**
 * DNS and Autodiscover health of an email domain: the first steps of Microsoft's Remote Connectivity Analyzer,
 * for every domain among an environment's mailbox addresses.
 */
export const DOMAIN_HEALTH_CHECKS = ['autodiscoverHost', 'autodiscoverSrv', 'mx', 'spf', 'certificate'] as const;
export type DomainHealthCheck = (typeof DOMAIN_HEALTH_CHECKS)[number];

export const DOMAIN_HEALTH_CHECK_LABELS: Record<DomainHealthCheck, string> = {
  autodiscoverHost: 'Autodiscover host',
  autodiscoverSrv: 'Autodiscover SRV record',
  mx: 'MX records',
  spf: 'SPF record',
  certificate: 'Autodiscover certificate',
};

export const HEALTH_VERDICTS = ['pass', 'warn', 'fail'] as const;
export type HealthVerdict = (typeof HEALTH_VERDICTS)[number];

export const HEALTH_VERDICT_LABELS: Record<HealthVerdict, string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail' };

const VERDICT_RANK: Record<HealthVerdict, number> = { pass: 0, warn: 1, fail: 2 };

/** The worst verdict of a domain's checks: what its row shows. */
export function worstVerdict(verdicts: Iterable<HealthVerdict>): HealthVerdict {
  let worst: HealthVerdict = 'pass';
  for (const verdict of verdicts) if (VERDICT_RANK[verdict] > VERDICT_RANK[worst]) worst = verdict;
  return worst;
}

/** One DNS question's answer: records, none (the name or the type does not exist), or no answer at all. */
export type DnsAnswer<T> =
  | { status: 'found'; records: T[] }
  | { status: 'none' }
  | { status: 'error'; message: string };

export interface SrvRecord { target: string; port: number; priority: number; weight: number }
export interface MxRecord { exchange: string; priority: number }

/** What the autodiscover host's TLS endpoint presented, or why it was not asked. */
export type CertificateObservation =
  | { status: 'notChecked' }
  | { status: 'refused'; message: string }
  | { status: 'unreachable'; address: string; message: string }
  | {
    status: 'presented';
    address: string;
    subject: string | null;
    issuer: string | null;
    altNames: string[];
    validTo: Date;
    /** The chain leads to a trusted root (the name is judged apart, by `matchesHost`). */
    isChainTrusted: boolean;
    chainError: string | null;
    matchesHost: boolean;
  };

/** Everything the probe saw for one domain: plain data, judged by the rules. */
export interface DomainDnsObservation {
  domain: string;
  /** autodiscover.<domain>: its CNAME chain's first target, if any, and the addresses it resolves to (A and AAAA). */
  autodiscoverCname: DnsAnswer<string>;
  autodiscoverAddresses: DnsAnswer<string>;
  /** _autodiscover._tcp.<domain> */
  autodiscoverSrv: DnsAnswer<SrvRecord>;
  mx: DnsAnswer<MxRecord>;
  /** TXT records of the domain, each record's strings joined. */
  txt: DnsAnswer<string>;
  certificate: CertificateObservation;
}

/** What the rules know about the domain besides DNS: which kinds of server profile its mailboxes use. */
export interface DomainHealthContext {
  serverTypes: readonly ServerType[];
  now: Date;
}

export interface DomainCheckResult {
  check: DomainHealthCheck;
  verdict: HealthVerdict;
  /** Stable code of the rule that decided, e.g. MX_NOT_EXCHANGE_ONLINE. */
  code: string;
  /** What was found, in words. */
  found: string;
  /** What it means for server-side synchronization and mail flow. */
  meaning: string;
  /** The sentence `meaning` says (DOMAIN_HEALTH_SENTENCES, decision 58); absent in records checked before it had one. */
  meaningMessage?: CodedSentence;
  /** What to change; null when nothing needs to. */
  fix: string | null;
  fixMessage?: CodedSentence | null;
}

/** An email domain of an environment, from its mailboxes' addresses. */
export interface EmailDomain {
  domain: string;
  mailboxes: number;
  serverTypes: ServerType[];
}

export interface DomainHealthRecord {
  domain: string;
  checkedAt: Date;
  verdict: HealthVerdict;
  results: DomainCheckResult[];
}

export interface DomainHealthRow extends EmailDomain {
  latest: DomainHealthRecord | null;
}

export const AUTODISCOVER_PREFIX = 'autodiscover.';
export const AUTODISCOVER_SRV_PREFIX = '_autodiscover._tcp.';

/** A name DNS can be asked about: letters, digits and hyphens in labels of 1–63, at least two labels, 253 at most. */
export function isCheckableDomain(domain: string): boolean {
  if (domain.length > 253 || !domain.includes('.')) return false;
  return domain.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}
