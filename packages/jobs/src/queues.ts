/**
 * pg-boss queues. Attempts go to one queue per email server profile, so a worker takes work of a profile
 * only when it holds one of that profile's connections (Maximum Concurrent Connections, across processes).
 */
export const ATTEMPT_QUEUE_PREFIX = 'test-and-enable.attempt.';
export const OUTAGE_PROBE_QUEUE = 'test-and-enable.outage-probe';

export function attemptQueueOf(serverProfileId: string): string {
  return `${ATTEMPT_QUEUE_PREFIX}${serverProfileId}`;
}
