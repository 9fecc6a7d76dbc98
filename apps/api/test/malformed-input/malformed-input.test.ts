import { errorResponseSchema } from '@sync-admin/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * Malformed input never gets a 5xx: every route of the app's own OpenAPI document, each parameter and body
 * field in turn, with a bounded set of hostile values, signed in as a System Administrator (valid CSRF token)
 * and signed out. A 4xx must carry the API's error shape, every answer the security headers, and nothing may be
 * logged at error level.
 */

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
}
interface Operation {
  parameters?: { in: 'path' | 'query'; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface Probe {
  label: string;
  method: string;
  url: string;
  body?: { payload: string | Buffer; contentType: string };
}

const SOME_UUID = '00000000-0000-4000-8000-000000000000';
const NESTED_GARBAGE = { a: [{ b: { c: ['\u0000', { d: null }] } }], ['__proto__']: { polluted: true } };

/** Sent in place of every body field; JSON.stringify escapes the lone surrogates, so they reach the parser as such. */
const BODY_VALUES: { label: string; value: unknown }[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'lone low surrogate', value: 'x\udfffy' },
  { label: 'lone high surrogate', value: '\ud800' },
  { label: 'huge string', value: 'x'.repeat(100_000) },
  { label: 'empty string', value: '' },
  { label: 'year 0', value: '0000-01-01T00:00:00Z' },
  { label: 'year 10000 in UTC', value: '9999-12-31T23:59:59-01:00' },
  { label: 'not a UUID', value: 'not-a-uuid' },
  { label: 'negative', value: -1 },
  { label: 'fraction', value: 1.5 },
  { label: 'huge number', value: 1e308 },
  { label: 'boolean', value: true },
  { label: 'null', value: null },
  { label: 'array', value: ['a\u0000b', {}] },
  { label: 'nested garbage', value: NESTED_GARBAGE },
];

/** Sent raw (already percent-encoded) as each query parameter and path segment. */
const URL_VALUES: { label: string; value: string }[] = [
  { label: 'NUL', value: 'a%00b' },
  { label: 'lone surrogate as UTF-8', value: '%ED%BF%BF' },
  { label: 'invalid UTF-8', value: '%FF%FE' },
  { label: 'broken escape', value: '%E0%A4%A' },
  { label: 'huge string', value: 'x'.repeat(10_000) },
  { label: 'year 0', value: '0000-01-01T00%3A00%3A00Z' },
  { label: 'year 10000 in UTC', value: '9999-12-31T23%3A59%3A59-01%3A00' },
  { label: 'not a number', value: 'abc' },
  { label: 'negative', value: '-1' },
  { label: 'overflowing number', value: '1e400' },
  { label: 'beyond 2^53', value: '99999999999999999999' },
  { label: 'empty', value: '' },
  { label: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'dot segments', value: '..%2F..%2Fetc' },
];

/** Whole bodies that are not the object a route expects. */
const WHOLE_BODIES: { label: string; payload: string | Buffer; contentType: string }[] = [
  { label: 'truncated JSON', payload: '{"a":', contentType: 'application/json' },
  { label: 'JSON null', payload: 'null', contentType: 'application/json' },
  { label: 'JSON array', payload: '[]', contentType: 'application/json' },
  { label: 'JSON string', payload: '"\\u0000"', contentType: 'application/json' },
  { label: 'deep nesting', payload: '['.repeat(10_000) + ']'.repeat(10_000), contentType: 'application/json' },
  { label: '__proto__ key', payload: '{"__proto__":{"polluted":true}}', contentType: 'application/json' },
  { label: 'constructor.prototype key', payload: '{"constructor":{"prototype":{"polluted":true}}}', contentType: 'application/json' },
  { label: 'invalid UTF-8 bytes', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), contentType: 'application/json' },
  { label: 'UTF-16 charset', payload: '{}', contentType: 'application/json; charset=utf-16' },
  { label: 'plain text', payload: 'hello', contentType: 'text/plain' },
  { label: 'form encoded', payload: 'a=b', contentType: 'application/x-www-form-urlencoded' },
  { label: 'over the body limit', payload: JSON.stringify({ a: 'x'.repeat(9 * 1024 * 1024) }), contentType: 'application/json' },
];

/** Values the sampler uses for fields whose plain sample the domain would refuse, so probes get past it. */
let hints: Record<string, unknown> = {};

/** The smallest value the schema accepts, so a probe changes one field of an otherwise valid request. */
function sample(schema: JsonSchema, key?: string): unknown {
  if (key !== undefined && key in hints) return hints[key];
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sample(schema.anyOf[0]!);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((required) => [required, sample(schema.properties![required]!, required)]));
    case 'array':
      return schema.minItems ? [sample(schema.items!)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return schema.format === 'uuid' ? SOME_UUID : schema.format === 'date-time' ? '2026-01-01T00:00:00Z' : 'x';
  }
}

/** Every property path of a body schema, nested objects and each anyOf branch included. */
function fieldPaths(schema: JsonSchema, prefix: string[] = []): string[][] {
  const branches = schema.anyOf ?? [schema];
  return branches.flatMap((branch) => Object.entries(branch.properties ?? {}).flatMap(([key, property]) => {
    const path = [...prefix, key];
    const nested = property.type === 'object' || property.anyOf?.some((b) => b.type === 'object') ? fieldPaths(property, path) : [];
    return [path, ...nested];
  }));
}

/** The top-level body with `value` at `path`, every object on the way sampled from its own schema. */
function withValue(root: JsonSchema, path: string[], value: unknown): unknown {
  const [key, ...rest] = path;
  const branch = root.anyOf?.find((b) => b.properties?.[key!]) ?? root;
  const base = sample(branch) as Record<string, unknown>;
  return { ...base, [key!]: rest.length === 0 ? value : withValue(branch.properties![key!]!, rest, value) };
}

function probesFor(method: string, template: string, operation: Operation, realIds: Record<string, string>): Probe[] {
  const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
  const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const fill = (overrides: Record<string, string> = {}) =>
    template.replace(/\{(\w+)\}/g, (_match, name: string) => overrides[name] ?? realIds[name] ?? String(sample(pathParams.find((p) => p.name === name)!.schema)));
  const url = fill();
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const json = (value: unknown): Probe['body'] => ({ payload: JSON.stringify(value), contentType: 'application/json' });
  const validBody = bodySchema ? json(sample(bodySchema)) : undefined;
  const probe = (label: string, target: string, body: Probe['body'] = validBody): Probe => ({ label, method, url: target, ...(body ? { body } : {}) });

  const probes = [probe('valid request', url), probe('extra query parameter', `${url}?unexpected=1&__proto__%5Bpolluted%5D=1`)];
  for (const param of pathParams) {
    for (const { label, value } of URL_VALUES) probes.push(probe(`path ${param.name}: ${label}`, fill({ [param.name]: value })));
  }
  for (const param of queryParams) {
    for (const { label, value } of URL_VALUES) probes.push(probe(`query ${param.name}: ${label}`, `${url}?${param.name}=${value}`));
    probes.push(probe(`query ${param.name}: repeated`, `${url}?${param.name}=a&${param.name}=b`));
  }
  if (bodySchema) {
    probes.push(probe('extra body field', url, json({ ...(sample(bodySchema) as object), unexpectedField: 'a\u0000b' })));
    for (const { label, payload, contentType } of WHOLE_BODIES) probes.push(probe(`body: ${label}`, url, { payload, contentType }));
    for (const path of fieldPaths(bodySchema)) {
      for (const { label, value } of BODY_VALUES) probes.push(probe(`body ${path.join('.')}: ${label}`, url, json(withValue(bodySchema, path, value))));
    }
  }
  return probes;
}

describe('malformed input on every route of the OpenAPI document', () => {
  let t: TestApp;
  let admin: SignedIn;
  let probes: Probe[];
  let ids: Record<'environmentId' | 'profileId' | 'mailboxId' | 'roleId' | 'userId' | 'teamId', string>;

  beforeAll(async () => {
    // The real EWS adapter: the profiles and mailboxes the walk tests need no network to fail (no location, no S2S app).
    t = await createTestApp();
    admin = await signIn(t.app, 'sysadmin@contoso.example');
    const contoso = await environmentId(t.db, 'Contoso');
    ids = {
      environmentId: contoso,
      profileId: (await t.db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: contoso, isActive: false } })).id,
      mailboxId: (await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso } })).id,
      roleId: (await t.db.prisma.securityRole.findFirstOrThrow({ where: { environmentId: contoso, name: 'Support' } })).id,
      userId: await userId(t.db, 'alex@contoso.example'),
      teamId: (await t.db.prisma.team.findFirstOrThrow({ where: { environmentId: contoso } })).id,
    };
    hints = { emailAddress: 'probe@contoso.example', ids: [ids.mailboxId], changes: { outgoingEmailDeliveryMethod: 'serverSideSynchronization' } };
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })));
    // Deletions, then sign-out, last: the records and the session the other probes use must still exist.
    const rank = (o: { method: string; template: string }) => (o.method !== 'DELETE' ? 0 : o.template === '/api/session' ? 2 : 1);
    probes = operations.sort((a, b) => rank(a) - rank(b)).flatMap((o) => probesFor(o.method, o.template, o.operation, ids));
  });
  afterAll(() => t.close());

  async function walk(headers: Record<string, string>) {
    const failures: string[] = [];
    for (const probe of probes) {
      const response = await t.app.inject({
        method: probe.method as 'GET',
        url: probe.url,
        headers: { ...headers, ...(probe.body ? { 'content-type': probe.body.contentType } : {}) },
        ...(probe.body ? { payload: probe.body.payload } : {}),
      });
      const where = `${probe.method} ${probe.url.slice(0, 120)} (${probe.label}) → ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (response.statusCode >= 500) failures.push(where);
      else if (response.statusCode >= 400 && !errorResponseSchema.safeParse(safeJson(response.body)).success) failures.push(`no error shape: ${where}`);
      if (response.headers['x-content-type-options'] !== 'nosniff' || response.headers['cache-control'] !== 'no-store') failures.push(`no security headers: ${where}`);
    }
    return failures;
  }

  it.each([
    ['POST', '/api/session', { email: 'a\u0000b@x', password: 'x' }, 'email'],
    ['POST', '/api/session', { email: 'x\udfffy', password: 'x' }, 'email'],
    ['GET', '/mailboxes?search=a%00b', undefined, 'search'],
    ['GET', '/alerts?search=a%00b', undefined, 'search'],
    ['GET', '/audit?search=a%00b', undefined, 'search'],
    ['PATCH', '/server-profiles/{profileId}', { description: 'a\u0000b', version: 1 }, 'description'],
    ['PATCH', '/mailboxes/{mailboxId}', { name: 'a\u0000b', version: 1 }, 'name'],
    ['POST', '/mailbox-actions/approve-email', { target: { filter: { search: 'a\u0000b' } } }, 'target.filter.search'],
    ['GET', '/alerts?since=0000-01-01T00:00:00Z', undefined, 'since'],
    ['GET', '/audit?from=0000-01-01T00:00:00Z', undefined, 'from'],
    ['PATCH', '/mailboxes/{mailboxId}', { processEmailsReceivedAfter: '0000-01-01T00:00:00Z', version: 1 }, 'processEmailsReceivedAfter'],
    ['PATCH', '/server-profiles/{profileId}', { processEmailsReceivedAfter: '0000-01-01T00:00:00Z', version: 1 }, 'processEmailsReceivedAfter'],
  ] as const)('answers the reported %s %s with 400 naming the field', async (method, path, payload, field) => {
    const url = path.startsWith('/api/') ? path : `/api/environments/${ids.environmentId}${path.replace(/\{(\w+)\}/, (_m, name: keyof typeof ids) => ids[name])}`;
    const response = await t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('covers every route with a bounded number of probes', () => {
    expect(new Set(probes.map((p) => `${p.method} ${p.url.split('?')[0]}`)).size).toBeGreaterThanOrEqual(30);
    // A bound, not a target: it grows with the routes and their fields (5,124 probes with the CSV and Email health routes).
    expect(probes.length).toBeLessThan(8000);
  });

  it('never answers 5xx signed in as a System Administrator with a valid CSRF token', async () => {
    expect(await walk(admin.headers)).toEqual([]);
  }, 60_000);

  it('never answers 5xx signed out', async () => {
    expect(await walk({})).toEqual([]);
  }, 60_000);

  it('logged nothing at error level: no stack traces for user input', () => {
    const errors = t.logs().split('\n').filter((line) => line.includes('"level":50'));
    expect(errors.map((line) => line.slice(0, 300))).toEqual([]);
  });
});

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
