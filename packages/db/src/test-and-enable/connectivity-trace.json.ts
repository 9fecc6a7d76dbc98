import type { ConnectivityStep, ConnectivityTrace } from '@sync-admin/domain';
import type { Prisma } from '../generated/prisma/client.ts';

/** Traces are stored as JSON; their dates travel as ISO strings and come back as Dates. */
export function traceToJson(trace: ConnectivityTrace): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(trace)) as Prisma.InputJsonValue;
}

type StoredStep = Omit<ConnectivityStep, 'startedAt' | 'steps'> & { startedAt: string; steps: StoredStep[] };

function stepFromJson(step: StoredStep): ConnectivityStep {
  return { ...step, startedAt: new Date(step.startedAt), steps: step.steps.map(stepFromJson) };
}

export function traceFromJson(json: Prisma.JsonValue | null): ConnectivityTrace | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const stored = json as unknown as { startedAt: string; durationMs: number; steps: StoredStep[] };
  return { startedAt: new Date(stored.startedAt), durationMs: stored.durationMs, steps: stored.steps.map(stepFromJson) };
}
