import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/** The root client, or a transaction's client when a repository works inside a unit of work. */
export type Client = PrismaClient | Prisma.TransactionClient;

/** Runs `work` in a transaction of its own, or in the caller's when the client already is one. */
export function transactionOn<T>(client: Client, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return '$transaction' in client ? client.$transaction(work) : work(client);
}
