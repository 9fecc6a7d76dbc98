import { Prisma } from '../generated/prisma/client.ts';

/** The part of @prisma/driver-adapter-utils' DriverAdapterError read here (that package is not a direct dependency). */
interface DriverAdapterFailure {
  name: 'DriverAdapterError';
  cause: { kind: string; code?: unknown; originalCode?: unknown };
}

function isDriverAdapterFailure(value: unknown): value is DriverAdapterFailure {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'DriverAdapterError'
    && typeof (value as { cause?: unknown }).cause === 'object' && (value as { cause?: unknown }).cause !== null;
}

/**
 * The PostgreSQL SQLSTATE (e.g. 22021) behind a failed query, however it arrives: a driver adapter error from a
 * model query, or Prisma's P2010 wrapping one from a raw query. PGlite reports the same codes as PostgreSQL;
 * the pg adapter keeps the code in `originalCode` when it maps the error to a kind of its own.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const failure = error instanceof Prisma.PrismaClientKnownRequestError ? error.meta?.driverAdapterError : error;
  if (!isDriverAdapterFailure(failure)) return undefined;
  const { kind, code, originalCode } = failure.cause;
  if (typeof originalCode === 'string') return originalCode;
  return kind === 'postgres' && typeof code === 'string' ? code : undefined;
}
