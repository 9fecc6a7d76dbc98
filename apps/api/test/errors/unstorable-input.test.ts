import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import errorHandler from '../../src/plugins/app/error-handler.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The error handler's last line: should a NUL, an unpaired surrogate or an out-of-range date slip past the
 * request schemas, the database's (or Prisma's) refusal is a 400 with the API's error shape and a warning
 * without a stack trace, never a 500. Each case runs the real query on the real database (PGlite, PostgreSQL).
 */
describe('input the database cannot store', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let logged = '';

  beforeAll(async () => {
    t = await createTestApp();
    const prisma = t.db.prisma;
    const stream = new Writable({ write: (chunk, _encoding, done) => { logged += chunk.toString(); done(); } });
    app = Fastify({ logger: { level: 'info', stream } });
    await app.register(errorHandler);
    const cases: Record<string, () => Promise<unknown>> = {
      'NUL in a model query': () => prisma.user.findUnique({ where: { email: 'a\u0000b' } }),
      'NUL in raw SQL': () => prisma.$queryRaw`SELECT ${'a\u0000b'}::text`,
      'NUL inside JSON': () => prisma.$queryRaw`SELECT ${JSON.stringify({ before: 'a\u0000b' })}::jsonb`,
      'lone low surrogate in a model query': () => prisma.user.findUnique({ where: { email: 'x\udfffy' } }),
      'lone high surrogate in raw SQL': () => prisma.$queryRawUnsafe('SELECT $1::text', '\ud800'),
      'year 0 in a model query': () => prisma.alert.findMany({ where: { createdAt: { gte: new Date('0000-01-01T00:00:00Z') } } }),
      'year 0 in raw SQL': () => prisma.$queryRaw`SELECT ${new Date('0000-01-01T00:00:00Z')}::timestamptz`,
      'year 10000': () => prisma.alert.findMany({ where: { createdAt: { gte: new Date('+010000-01-01T00:00:00Z') } } }),
      'an invalid Date': () => prisma.alert.findMany({ where: { createdAt: { gte: new Date(Number.NaN) } } }),
      'a bug, not input': () => prisma.$queryRawUnsafe('SELECT FROM nowhere WHERE'),
    };
    app.get('/query', async (request) => {
      await cases[(request.query as { case: string }).case]!();
      return {};
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const ask = (name: string) => app.inject({ method: 'GET', url: '/query', query: { case: name } });
  const linesOf = (level: number) => logged.split('\n').filter((line) => line.includes(`"level":${level}`));

  it.each(['NUL in a model query', 'NUL in raw SQL', 'NUL inside JSON', 'lone low surrogate in a model query', 'lone high surrogate in raw SQL'])(
    'answers 400 for %s, naming the problem', async (name) => {
      logged = '';
      const response = await ask(name);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: { code: 'VALIDATION_FAILED', messageCode: 'UNSTORABLE_TEXT', message: 'The request holds text that cannot be stored: remove NUL characters and unpaired surrogates.', fieldErrors: [] },
      });
      expect(linesOf(50)).toEqual([]);
      expect(linesOf(40)).toHaveLength(1);
      expect(linesOf(40)[0]).not.toContain('stack');
    });

  it.each(['year 0 in a model query', 'year 0 in raw SQL', 'year 10000', 'an invalid Date'])('answers 400 for %s', async (name) => {
    logged = '';
    const response = await ask(name);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request holds a date that cannot be stored: use a date between the years 1 and 9999.' });
    expect(linesOf(50)).toEqual([]);
  });

  it('still answers 500 for a genuine bug and logs it with its stack', async () => {
    logged = '';
    const response = await ask('a bug, not input');
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(linesOf(50)).toHaveLength(1);
    expect(linesOf(50)[0]).toContain('stack');
  });
});
