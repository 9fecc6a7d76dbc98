import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import errorHandler from '../../src/plugins/app/error-handler.ts';
import { createTestApp, TEST_DATABASE, type TestApp } from '../helpers/test-app.ts';

/**
 * Overload found by the soak benchmark: when every pooled connection stays busy, Prisma gives up starting a
 * transaction (P2028). That is a 503 the client may retry, logged as a warning, not a 500 with a stack trace.
 * PostgreSQL only: the embedded PGlite queues transactions on its one connection and never gives up waiting.
 */
describe.skipIf(TEST_DATABASE === 'pglite')('a transaction that cannot start in time', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let logged = '';

  beforeAll(async () => {
    t = await createTestApp();
    const stream = new Writable({ write: (chunk, _encoding, done) => { logged += chunk.toString(); done(); } });
    app = Fastify({ logger: { level: 'info', stream } });
    await app.register(errorHandler);
    // More long transactions than the pool's 10 connections, each allowed to wait 50 ms for one.
    app.get('/crowd', async () => {
      const results = await Promise.allSettled(Array.from({ length: 12 }, () =>
        t.db.prisma.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(0.3)`, { maxWait: 50 })));
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (refused) throw refused.reason;
      return {};
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers 503 with Retry-After and the error shape, logged as a warning', async () => {
    const response = await app.inject({ method: 'GET', url: '/crowd' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toEqual({ error: { code: 'UNAVAILABLE', messageCode: 'PORTAL_BUSY', message: 'The portal is busy. Try again in a moment.', fieldErrors: [] } });
    expect(logged).not.toContain('"level":50');
    expect(logged).toContain('database busy');
  });
});
