export * from './queues.ts';
export { startJobEngine, PG_BOSS_SCHEMA, type AttemptJobData, type ExecuteSql, type JobEngine, type JobEngineOptions, type OutageProbeJobData } from './job-engine.ts';
export { startTestAndEnableWorker, type TestAndEnableWorker, type WorkerOptions } from './test-and-enable-worker.ts';
export { startDomainHealthSchedule, DOMAIN_HEALTH_QUEUE, type DomainHealthSchedule, type DomainHealthScheduleOptions } from './domain-health-schedule.ts';
