import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import responseContract from './response-contract.ts';

async function appWith(schema: Record<string, unknown> | undefined, url = '/api/things') {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(responseContract);
  app.get(url, { schema }, async () => ({ name: 'x' }));
  return app;
}

describe('response contract', () => {
  it.each([
    ['no schema', undefined],
    ['no response schema', { summary: 'things' }],
    ['error answers only', { response: { 400: z.object({ error: z.string() }) } }],
  ])('refuses an API route with %s', async (_, schema) => {
    await expect(appWith(schema)).rejects.toThrow('GET /api/things declares no response schema for its success answer.');
  });

  it.each([
    ['200', { response: { 200: z.object({ name: z.string() }) } }],
    ['201', { response: { 201: z.object({ name: z.string() }), 400: z.unknown() } }],
    ['2XX', { response: { '2XX': z.object({ name: z.string() }) } }],
  ])('takes an API route whose %s answer has a schema', async (_, schema) => {
    const app = await appWith(schema);
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });

  it('leaves routes outside the API alone (the web app, the OpenAPI docs)', async () => {
    for (const url of ['/assets/app.js', '/api/docs/json']) {
      const app = await appWith(undefined, url);
      await expect(app.ready()).resolves.toBeDefined();
      await app.close();
    }
  });
});
