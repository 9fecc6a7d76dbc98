import { startTestDnsServer, startTestTlsServer, type TestDnsServer, type TestDnsZone, type TestTlsServer } from '@sync-admin/dns/test-peers';
import { testCertificates } from '@sync-admin/ews/test-peers';
import { DOMAIN_HEALTH_QUEUE } from '@sync-admin/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface CheckResult {
  check: string; verdict: string; code: string; found: string; meaning: string; fix: string | null;
  meaningMessage?: { code: string; params?: Record<string, string | number> }; fixMessage?: { code: string; params?: Record<string, string | number> } | null;
}
interface Row { domain: string; mailboxes: number; serverTypes: string[]; latest: { checkedAt: string; verdict: string; results: CheckResult[] } | null }

/**
 * The seeded environments' domains on a DNS server of our own: Fabrikam (Exchange Server) healthy, Contoso
 * (Exchange Online) with its mail routed elsewhere and Exchange Online missing from its SPF record.
 */
const ZONE: TestDnsZone = {
  'fabrikam.example': { MX: [{ exchange: 'mail.fabrikam.example', priority: 10 }], TXT: ['v=spf1 mx -all'] },
  'autodiscover.fabrikam.example': { A: ['127.0.0.1'] },
  'contoso.example': { MX: [{ exchange: 'gateway.contoso.example', priority: 10 }], TXT: ['v=spf1 mx -all'] },
  'autodiscover.contoso.example': { CNAME: 'autodiscover.outlook.com' },
  'autodiscover.outlook.com': { A: ['127.0.0.1'] },
};
const FIXED_CONTOSO: TestDnsZone = {
  ...ZONE,
  'contoso.example': { MX: [{ exchange: 'contoso-example.mail.protection.outlook.com', priority: 0 }], TXT: ['v=spf1 include:spf.protection.outlook.com -all'] },
};

describe('Domain health: DNS and Autodiscover checks per email domain', () => {
  let t: TestApp;
  let dns: TestDnsServer;
  let tls: TestTlsServer;
  let admin: SignedIn;
  let alex: SignedIn;
  let contoso: string;
  let fabrikam: string;

  beforeAll(async () => {
    const certificates = testCertificates();
    tls = await startTestTlsServer({
      'autodiscover.fabrikam.example': certificates.issue({ hosts: ['autodiscover.fabrikam.example'], validDays: 365 }),
    }, certificates.issue({ hosts: ['*.outlook.com', 'autodiscover.outlook.com'], validDays: 365 }));
    dns = await startTestDnsServer(ZONE);
    t = await createTestApp({
      env: { DNS_SERVERS: dns.address, EWS_ALLOWED_HOSTS: 'autodiscover.fabrikam.example,autodiscover.contoso.example' },
      seams: { autodiscoverTlsPort: tls.port, trustedCa: certificates.ca },
      worker: true,
    });
    admin = await signIn(t.app, 'global.admin@contoso.example');
    alex = await signIn(t.app, 'alex@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    fabrikam = await environmentId(t.db, 'Fabrikam');
  });

  afterAll(async () => {
    await t?.close();
    await dns?.close();
    await tls?.close();
  });

  async function list(environment: string, session = admin): Promise<Row[]> {
    const response = await t.app.inject({ method: 'GET', url: `/api/environments/${environment}/domain-health`, headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  }
  async function run(environment: string, payload: object, session = admin) {
    return t.app.inject({ method: 'POST', url: `/api/environments/${environment}/domain-health/run`, headers: session.headers, payload });
  }
  const verdicts = (row: Row | undefined) => Object.fromEntries((row?.latest?.results ?? []).map((result) => [result.check, `${result.verdict} ${result.code}`]));

  it('lists the domains of the mailbox addresses with their mailbox counts and profile types, unchecked at first', async () => {
    const mailboxes = await t.db.prisma.mailbox.count({ where: { environmentId: fabrikam } });
    expect(await list(fabrikam)).toEqual([{ domain: 'fabrikam.example', mailboxes, serverTypes: ['exchangeServer'], latest: null }]);
    const rows = await list(contoso);
    expect(rows.map((row) => row.domain)).toEqual(['contoso.example']);
    expect(rows[0]?.serverTypes).toEqual(['exchangeOnline']);
  });

  it('derives domains in one grouped query, case-insensitively, and counts only the mailboxes a User-depth reader owns', async () => {
    const owner = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'alex@contoso.example' } })).id;
    await t.db.prisma.mailbox.create({ data: { environmentId: contoso, type: 'user', name: 'Upper Case', emailAddress: 'Upper@Contoso.EXAMPLE', ownerId: owner } });
    const all = await list(contoso);
    expect(all.map((row) => row.domain)).toEqual(['contoso.example']);
    expect(all[0]?.mailboxes).toBe(await t.db.prisma.mailbox.count({ where: { environmentId: contoso } }));
    // A mailbox without a profile adds no profile type.
    expect(all[0]?.serverTypes).toEqual(['exchangeOnline']);
    expect((await list(contoso, alex))[0]?.mailboxes).toBe(await t.db.prisma.mailbox.count({ where: { environmentId: contoso, ownerId: owner } }));
  });

  it('runs every check against the DNS server and the TLS server, passing, warning and failing with what to fix', async () => {
    const response = await run(fabrikam, {});
    expect(response.statusCode, response.body).toBe(200);
    const [row] = response.json().items as Row[];
    expect(verdicts(row)).toEqual({
      autodiscoverHost: 'pass AUTODISCOVER_HOST_OK', autodiscoverSrv: 'pass SRV_NOT_NEEDED', mx: 'pass MX_OK', spf: 'pass SPF_OK', certificate: 'pass CERTIFICATE_OK',
    });
    expect(row?.latest?.verdict).toBe('pass');

    const contosoRow = (await run(contoso, { domain: 'Contoso.Example' })).json().items[0] as Row;
    expect(verdicts(contosoRow)).toEqual({
      autodiscoverHost: 'pass AUTODISCOVER_HOST_OK', autodiscoverSrv: 'pass SRV_NOT_NEEDED', mx: 'warn MX_NOT_EXCHANGE_ONLINE',
      spf: 'fail SPF_EXCHANGE_ONLINE_MISSING', certificate: 'pass CERTIFICATE_EXCHANGE_ONLINE_REDIRECT',
    });
    expect(contosoRow.latest?.verdict).toBe('fail');
    const spf = contosoRow.latest?.results.find((result) => result.check === 'spf');
    expect(spf?.fix).toBe('Add include:spf.protection.outlook.com to the SPF record of contoso.example, before its all mechanism.');
    // The sentences carry their codes beside the English, kept with the record (decision 58).
    const listed = (await list(contoso))[0]?.latest?.results.find((result) => result.check === 'spf');
    expect(listed).toMatchObject({
      meaningMessage: { code: 'SPF_EXCHANGE_ONLINE_NOT_AUTHORIZED' },
      fixMessage: { code: 'FIX_SPF_ADD_EXCHANGE_ONLINE', params: { domain: 'contoso.example' } },
    });
  });

  it('keeps every run with its time: the list shows the latest, the history the earlier ones', async () => {
    const before = (await list(contoso))[0]?.latest;
    dns.setZone(FIXED_CONTOSO);
    try {
      await run(contoso, {});
    } finally {
      dns.setZone(ZONE);
    }
    const latest = (await list(contoso))[0]?.latest;
    expect(latest?.verdict).toBe('pass');
    expect(new Date(latest!.checkedAt).getTime()).toBeGreaterThanOrEqual(new Date(before!.checkedAt).getTime());
    const history = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/domain-health/contoso.example/history`, headers: admin.headers });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items.map((record: { verdict: string }) => record.verdict)).toEqual(['pass', 'fail']);
  });

  it('lets a User-depth reader run and read the checks of their own mailboxes\' domains only', async () => {
    const own = await run(contoso, { domain: 'contoso.example' }, alex);
    expect(own.statusCode, own.body).toBe(200);
    const other = await run(fabrikam, {}, alex);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('The environment was not found.');
  });

  it.each([
    [{ domain: 'x'.repeat(254) }, 400, /domain: A domain name has at most 253 characters/],
    [{ domain: '' }, 400, /domain: domain is required/],
    [{ domain: 'contoso.example', extra: true }, 400, /extra/],
    [{ domain: 'nowhere.example' }, 404, /No mailbox you can read has an address at nowhere\.example/],
  ])('refuses %o with %i naming the field', async (payload, status, message) => {
    const response = await run(contoso, payload);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.message).toMatch(message);
  });

  it('refuses a mailbox domain DNS cannot be asked about, naming the field', async () => {
    const owner = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'global.admin@contoso.example' } })).id;
    await t.db.prisma.mailbox.create({ data: { environmentId: fabrikam, type: 'queue', name: 'Local', emailAddress: 'queue@localhost', ownerId: owner } });
    const response = await run(fabrikam, { domain: 'localhost' });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fieldErrors).toEqual([{ field: 'domain', code: 'DOMAIN_NOT_CHECKABLE', params: { domain: 'localhost' }, message: expect.stringMatching(/^localhost is not a domain name DNS can be asked about/) }]);
    // Running all skips it; it stays unchecked.
    const rows = (await run(fabrikam, {})).json().items as Row[];
    expect(rows.find((row) => row.domain === 'localhost')?.latest).toBeNull();
    expect(rows.find((row) => row.domain === 'fabrikam.example')?.latest?.verdict).toBe('pass');
  });

  it('is scheduled daily in the worker, whose run checks every environment\'s domains', async () => {
    const schedules = await t.services.jobs.boss.getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: DOMAIN_HEALTH_QUEUE, cron: '0 3 * * *', timezone: 'UTC' })]));
    const before = await t.db.prisma.emailDomainHealth.count();
    // What the schedule sends when it is due: the worker takes it.
    await t.services.jobs.boss.send(DOMAIN_HEALTH_QUEUE, {});
    const deadline = Date.now() + 30_000;
    while ((await t.db.prisma.emailDomainHealth.count()) < before + 2) {
      if (Date.now() > deadline) throw new Error('the daily run did not record the domains');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const recorded = await t.db.prisma.emailDomainHealth.findMany({ where: { checkedAt: { gt: new Date(Date.now() - 60_000) } }, distinct: ['domain'], select: { domain: true } });
    expect(recorded.map((row) => row.domain).sort()).toEqual(expect.arrayContaining(['contoso.example', 'fabrikam.example']));
  });

  it('describes its routes in the OpenAPI document', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining([
      '/api/environments/{environmentId}/domain-health', '/api/environments/{environmentId}/domain-health/run',
      '/api/environments/{environmentId}/domain-health/{domain}/history',
    ]));
  });
});
