import type { RunResponse } from '@sync-admin/contract';

/** How often a job that has not finished is read again: progress moves on screen, and the API is spared. */
export const LIVE_REFRESH_MS = 2_000;

/** Until its last mailbox ends, a job (even a cancelled one, whose started mailboxes finish) keeps changing. */
export const isJobLive = (job: RunResponse) => job.finishedAt === null;

/** Cancel is offered while the job is scheduled or running; the API has the last word (409 otherwise). */
export const isJobCancellable = (job: RunResponse) => job.state === 'scheduled' || job.state === 'running';
