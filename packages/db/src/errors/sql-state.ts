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

/**
 * Whether a write failed on the named unique index. Outside a transaction Prisma reports it as P2002 with the
 * adapter's error in `meta`; inside an interactive transaction the adapter's error arrives as it is (SQLSTATE
 * 23505, or the pg adapter's UniqueConstraintViolation kind). Either way the index name is in what it says.
 */
export function isUniqueViolationOf(error: unknown, indexName: string): boolean {
  const known = error instanceof Prisma.PrismaClientKnownRequestError ? error : null;
  const failure = known ? known.meta?.driverAdapterError : error;
  const isUnique = known?.code === 'P2002' || sqlStateOf(error) === '23505'
    || (isDriverAdapterFailure(failure) && failure.cause.kind === 'UniqueConstraintViolation');
  if (!isUnique) return false;
  const said = JSON.stringify({ meta: known?.meta ?? null, cause: isDriverAdapterFailure(failure) ? failure.cause : null });
  return said.includes(indexName) || (error instanceof Error && error.message.includes(indexName));
}
