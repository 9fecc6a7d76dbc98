import type { ConnectivityStepResponse, ConnectivityTraceResponse, MailboxConnectionTestResponse, RunItemResponse, RunResponse } from '@sync-admin/contract';
import {
  estimateSecondsRemaining,
  type ConnectivityStep,
  type ConnectivityTrace,
  type MailboxConnectionTest,
  type RunItem,
  type TestAndEnableRun,
} from '@sync-admin/domain';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function toStepResponse(step: ConnectivityStep): ConnectivityStepResponse {
  return {
    kind: step.kind, title: step.title, ...(step.titleSentence ? { titleSentence: step.titleSentence } : {}), outcome: step.outcome, startedAt: step.startedAt.toISOString(), durationMs: step.durationMs,
    detail: step.detail, ...(step.detailSentence ? { detailSentence: step.detailSentence } : {}), error: step.error, exchange: step.exchange, steps: step.steps.map(toStepResponse),
  };
}

export function toTraceResponse(trace: ConnectivityTrace): ConnectivityTraceResponse {
  return { startedAt: trace.startedAt.toISOString(), durationMs: trace.durationMs, steps: trace.steps.map(toStepResponse) };
}

export function toRunResponse(run: TestAndEnableRun): RunResponse {
  return {
    id: run.id, number: run.number, environmentId: run.environmentId, scope: run.scope, state: run.state,
    startedById: run.startedById, startedByName: run.startedByName, createdAt: run.createdAt.toISOString(), startAt: run.startAt.toISOString(),
    cancelledAt: iso(run.cancelledAt), cancelledByName: run.cancelledByName, finishedAt: iso(run.finishedAt), total: run.total,
    counts: run.counts, ratePerSecond: run.recentRatePerSecond, etaSeconds: estimateSecondsRemaining(run),
  };
}

export function toRunItemResponse(item: RunItem): RunItemResponse {
  return {
    id: item.id, runId: item.runId, mailboxId: item.mailboxId, mailboxName: item.mailboxName, emailAddress: item.emailAddress,
    serverProfileId: item.serverProfileId, state: item.state, attempts: item.attempts, nextAttemptAt: iso(item.nextAttemptAt),
    startedAt: iso(item.startedAt), finishedAt: iso(item.finishedAt), channels: item.channels, lastError: item.lastError,
  };
}

export function toConnectionTestResponse(test: MailboxConnectionTest): MailboxConnectionTestResponse {
  return {
    testedAt: test.testedAt.toISOString(), channels: test.result.channels, trace: toTraceResponse(test.result.trace),
    discoveredEwsUrl: test.result.discoveredEwsUrl,
  };
}
