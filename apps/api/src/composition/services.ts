import { randomUUID } from 'node:crypto';
import {
  createAccessRepository,
  createActorDirectory,
  createAlertRepository,
  createAuditRepository,
  createConnectionLeases,
  createDomainHealthRepository,
  createHealthDashboardRepository,
  createEmailSettingsRepository,
  createMailboxRepository,
  createSecurityRoleRepository,
  createServerProfileRepository,
  createSignInAttemptRepository,
  createTestAndEnableRunRepository,
  createUnitOfWork,
  type Database,
  type SecretCipher,
} from '@sync-admin/db';
import type { DnsHealthProbe, OutboundDestinationPolicy, ProfileOwnerNotifier } from '@sync-admin/domain';
import type { ExchangeConnectivity } from '@sync-admin/ews';
import type { JobEngine } from '@sync-admin/jobs';
import type { Config } from '../config.ts';
import { createCachedAccess } from '../lib/cached-access.ts';
import { memoizeFor } from '../lib/memoize-for.ts';
import { createSignInThrottle } from '../lib/sign-in-throttle.ts';

/** The adapters that talk to the world outside the database; tests pass the same real ones, configured for localhost. */
export interface Adapters {
  connectivity: ExchangeConnectivity;
  outbound: OutboundDestinationPolicy;
  dnsHealth: DnsHealthProbe;
  notifier: ProfileOwnerNotifier;
  jobs: JobEngine;
}

/**
 * The one place the services are built, from the parsed configuration: the API, the worker process and the
 * tests all call it, so each runs the same use cases over the same repositories and adapters.
 */
export function createServices(config: Config, db: Database, cipher: SecretCipher, adapters: Adapters, clock: () => Date = () => new Date()) {
  const { prisma } = db;
  const wakeListeners = new Set<() => void>();
  const access = createCachedAccess(createAccessRepository(prisma), { ttlMs: 5_000, now: Date.now });
  const actors = createActorDirectory(prisma);
  const emailSettings = createEmailSettingsRepository(prisma);
  // A Test & Enable attempt reads its job's starter, its mailbox's owner and the Email settings: the same few
  // rows for thousands of mailboxes in a row. Reused for 5 s, as the API reuses a session's access (decision 17).
  const attemptLookups = {
    actors: { findActor: memoizeFor(5_000, actors.findActor, (environmentId, userId) => `${environmentId}:${userId}`) },
    emailSettings: { ...emailSettings, findEmailSettings: memoizeFor(5_000, emailSettings.findEmailSettings, (environmentId) => environmentId) },
  };
  return {
    config,
    clock,
    access,
    attemptLookups,
    /** A write through this process: what was read before it may be stale now. */
    clearCaches() {
      access.clear();
      attemptLookups.actors.findActor.clear();
      attemptLookups.emailSettings.findEmailSettings.clear();
    },
    signInThrottle: createSignInThrottle({
      attempts: createSignInAttemptRepository(prisma), clock,
      perAccountPerMinute: config.LOGIN_ATTEMPTS_PER_MINUTE, perAddressPerMinute: config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
    }),
    profiles: createServerProfileRepository(prisma, cipher),
    probe: adapters.connectivity,
    connectivity: adapters.connectivity,
    outbound: adapters.outbound,
    notifier: adapters.notifier,
    jobs: adapters.jobs,
    mailboxes: createMailboxRepository(prisma, cipher),
    emailSettings,
    securityRoles: createSecurityRoleRepository(prisma),
    alerts: createAlertRepository(prisma),
    audit: createAuditRepository(prisma),
    actors,
    runs: createTestAndEnableRunRepository(prisma, cipher),
    unitOfWork: createUnitOfWork(prisma, cipher, adapters.jobs.jobsWithin),
    leases: createConnectionLeases(prisma),
    domainHealth: createDomainHealthRepository(prisma),
    dnsHealth: adapters.dnsHealth,
    healthDashboard: createHealthDashboardRepository(prisma),
    retry: { transientRetryLimit: config.TRANSIENT_RETRY_LIMIT, transientRetryIntervalSeconds: config.TRANSIENT_RETRY_INTERVAL_SECONDS },
    csvExportBatchSize: config.CSV_EXPORT_BATCH_SIZE,
    outage: { windowMs: 60 * 60 * 1000, minimumMailboxes: config.OUTAGE_MIN_MAILBOXES },
    newClaimToken: () => randomUUID(),
    /** Work was just queued: a worker in this process looks at once instead of at its next poll. */
    wakeWorker: () => wakeListeners.forEach((listener) => listener()),
    onWakeWorker: (listener: () => void) => {
      wakeListeners.add(listener);
      return () => void wakeListeners.delete(listener);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
