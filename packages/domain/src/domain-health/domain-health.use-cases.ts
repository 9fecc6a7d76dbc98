import type { Actor } from '../access/actor.ts';
import { readScope } from '../mailboxes/mailbox-access.ts';
import { notFound, validationFailed } from '../shared/domain-error.ts';
import { isCheckableDomain, worstVerdict, type DomainHealthRecord, type DomainHealthRow, type EmailDomain } from './domain-health.ts';
import type { DnsHealthProbe, DomainHealthRepository } from './domain-health.ports.ts';
import { evaluateDomainHealth } from './domain-health.rules.ts';

export interface DomainHealthDeps {
  domainHealth: DomainHealthRepository;
  dnsHealth: DnsHealthProbe;
  clock: () => Date;
}

/** Domains probed at once: each waits mostly on DNS and one TLS handshake. */
const PARALLEL_DOMAINS = 4;

/**
 * The domains of the mailboxes the actor can read (all of the environment's at Business Unit or Organization
 * depth, their own at User depth, as the Mailboxes grid), each with its latest checks.
 */
export async function listDomainHealth(deps: Pick<DomainHealthDeps, 'domainHealth'>, actor: Actor, environmentId: string): Promise<DomainHealthRow[]> {
  const domains = await deps.domainHealth.findEmailDomains(environmentId, readScope(actor));
  return withLatest(deps, environmentId, domains);
}

/** Runs the checks now, for one of the actor's domains or all of them, keeps the results and returns the rows. */
export async function runDomainHealthChecks(deps: DomainHealthDeps, actor: Actor, environmentId: string, only?: string): Promise<DomainHealthRow[]> {
  const domains = await deps.domainHealth.findEmailDomains(environmentId, readScope(actor));
  const targets = only === undefined ? domains : domains.filter((domain) => domain.domain === only);
  if (only !== undefined) {
    if (targets.length === 0) throw notFound('EMAIL_DOMAIN_NOT_FOUND', `No mailbox you can read has an address at ${only}: the domain`, { domain: only });
    if (!isCheckableDomain(only)) throw validationFailed([{ field: 'domain', code: 'DOMAIN_NOT_CHECKABLE', params: { domain: only }, message: `${only} is not a domain name DNS can be asked about (letters, digits and hyphens in dot-separated labels).` }]);
  }
  await deps.domainHealth.saveHealth(environmentId, await checkDomains(deps, targets.filter((domain) => isCheckableDomain(domain.domain))));
  return withLatest(deps, environmentId, targets);
}

/** Earlier checks of one of the actor's domains, newest first. */
export async function listDomainHealthHistory(deps: Pick<DomainHealthDeps, 'domainHealth'>, actor: Actor, environmentId: string, domain: string, limit: number): Promise<DomainHealthRecord[]> {
  const domains = await deps.domainHealth.findEmailDomains(environmentId, readScope(actor));
  if (!domains.some((candidate) => candidate.domain === domain)) throw notFound('EMAIL_DOMAIN_NOT_FOUND', `No mailbox you can read has an address at ${domain}: the domain`, { domain });
  return deps.domainHealth.findHealthHistory(environmentId, domain, limit);
}

/** The daily run: every domain of every environment, as the system (no actor's scope). Returns how many domains were checked. */
export async function runDailyDomainHealth(deps: DomainHealthDeps): Promise<number> {
  let checked = 0;
  for (const environmentId of await deps.domainHealth.findEnvironmentsWithMailboxes()) {
    const domains = (await deps.domainHealth.findEmailDomains(environmentId, {})).filter((domain) => isCheckableDomain(domain.domain));
    await deps.domainHealth.saveHealth(environmentId, await checkDomains(deps, domains));
    checked += domains.length;
  }
  return checked;
}

async function checkDomains(deps: Pick<DomainHealthDeps, 'dnsHealth' | 'clock'>, domains: readonly EmailDomain[]): Promise<DomainHealthRecord[]> {
  const records: DomainHealthRecord[] = [];
  const queue = [...domains];
  async function lane() {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const observation = await deps.dnsHealth.observeDomain(next.domain);
      const checkedAt = deps.clock();
      const results = evaluateDomainHealth(observation, { serverTypes: next.serverTypes, now: checkedAt });
      records.push({ domain: next.domain, checkedAt, verdict: worstVerdict(results.map((result) => result.verdict)), results });
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOMAINS, queue.length) }, lane));
  return records;
}

async function withLatest(deps: Pick<DomainHealthDeps, 'domainHealth'>, environmentId: string, domains: readonly EmailDomain[]): Promise<DomainHealthRow[]> {
  const latest = new Map((await deps.domainHealth.findLatestHealth(environmentId, domains.map((domain) => domain.domain))).map((record) => [record.domain, record]));
  return domains.map((domain) => ({ ...domain, latest: latest.get(domain.domain) ?? null }));
}
