import type PgBoss from 'pg-boss';

/** The daily Domain health run: one pg-boss schedule, whose jobs any worker process takes. */
export const DOMAIN_HEALTH_QUEUE = 'domain-health.daily';

export interface DomainHealthScheduleOptions {
  boss: PgBoss;
  /** Five-field cron, in UTC. */
  cron: string;
  runDaily(): Promise<unknown>;
}

export interface DomainHealthSchedule {
  stop(): Promise<void>;
}

/**
 * Keeps the schedule (pg-boss stores one per queue, so every worker setting it is one schedule, not many) and
 * works its jobs. A singleton queue: a run still going when the next one is due is not doubled.
 */
export async function startDomainHealthSchedule(options: DomainHealthScheduleOptions): Promise<DomainHealthSchedule> {
  await options.boss.createQueue(DOMAIN_HEALTH_QUEUE, { name: DOMAIN_HEALTH_QUEUE, policy: 'singleton' });
  await options.boss.schedule(DOMAIN_HEALTH_QUEUE, options.cron, {}, { tz: 'UTC' });
  const workerId = await options.boss.work(DOMAIN_HEALTH_QUEUE, async () => {
    await options.runDaily();
  });
  return { stop: () => options.boss.offWork({ id: workerId }) };
}
