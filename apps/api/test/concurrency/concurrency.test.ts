import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE, createTestApp, environmentId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * Many writers at once on one record (decisions 35–37). On PostgreSQL the API's pool serves 10 requests at a
 * time, so these are real races; on the embedded database they run one transaction at a time and must agree.
 */
describe('concurrent writers', () => {
  const WRITERS = 50;
  let t: TestApp;
  let admin: SignedIn;
  let contoso: string;
  let ownerId: string;

  const url = (path: string) => `/api/environments/${contoso}${path}`;
  const send = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
    t.app.inject({ method, url: url(path), headers: admin.headers, remoteAddress: '127.0.0.1', ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'global.admin@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    ownerId = await userId(t.db, 'global.admin@contoso.example');
  });
  afterAll(() => t.close());

  it(`keeps every one of 14 field changes among ${WRITERS} concurrent PATCHes of one profile, or answers its writer 409`, async () => {
    const created = await send('POST', '/server-profiles', {
      serverType: 'exchangeServer', name: 'Concurrency', useAutoDiscover: false, authenticateUsing: 'credentialsSpecifiedByUserOrQueue',
      incomingServerLocation: 'https://127.0.0.1:8443/EWS/Exchange.asmx', outgoingServerLocation: 'https://127.0.0.1:8443/EWS/Exchange.asmx',
    });
    expect(created.statusCode, created.body).toBe(201);
    const profile = created.json();
    const changes: Record<string, unknown>[] = [
      { name: 'Concurrency (renamed)' }, { description: 'Changed by writer 2' }, { incomingPort: 8443 }, { outgoingPort: 9443 },
      { incomingUseImpersonation: true }, { outgoingUseImpersonation: true }, { incomingAuthenticationProtocol: 'ntlm' },
      { outgoingAuthenticationProtocol: 'negotiate' }, { minPollingIntervalInMinutes: 5 }, { maxConcurrentConnections: 7 },
      { timeoutMailboxConnectionAfterAmount: 50 }, { sendEmailAlert: true }, { moveUndeliveredEmails: true },
      { processEmailsReceivedAfter: '2026-06-01T00:00:00.000Z' },
    ];
    // The other writers change the description too, each to its own text: 50 writers, one version read.
    const writes = [...changes, ...Array.from({ length: WRITERS - changes.length }, (_, i) => ({ description: `Filler ${i}` }))];
    const responses = await Promise.all(writes.map((change) => send('PATCH', `/server-profiles/${profile.id}`, { ...change, version: profile.version })));

    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 200 && s !== 409), JSON.stringify(statuses)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error).toMatchObject({ code: 'STALE_RECORD', message: expect.stringContaining('Reload') });
    }
    const stored = (await send('GET', `/server-profiles/${profile.id}`)).json();
    expect(stored.version).toBe(profile.version + 1);
    writes.forEach((change, i) => {
      const [field, value] = Object.entries(change)[0]!;
      // No silent loss: a writer told 200 finds its change stored; every other writer was told 409.
      if (responses[i]!.statusCode === 200) expect(stored[field], `writer ${i} (${field})`).toEqual(value);
    });
    // And a change sent alone never takes fields it did not send: the winner changed exactly one field.
    const changedFields = Object.keys(changes.reduce((all, change) => ({ ...all, ...change }), {}))
      .filter((field) => JSON.stringify(stored[field]) !== JSON.stringify(profile[field]));
    expect(changedFields.length).toBeLessThanOrEqual(1);
  });

  it('never leaves an inactive or a second default profile when Set as default and Deactivate race, in 10 rounds', async () => {
    const other = await send('POST', '/server-profiles', { serverType: 'exchangeOnline', name: 'Race candidate' });
    expect(other.statusCode, other.body).toBe(201);
    const candidate = other.json().id as string;
    const original = (await t.db.prisma.environment.findUniqueOrThrow({ where: { id: contoso } })).defaultServerProfileId!;
    for (let round = 1; round <= 10; round++) {
      const responses = await Promise.all(Array.from({ length: WRITERS }, (_, i) =>
        send('POST', `/server-profiles/${candidate}/${i % 2 === 0 ? 'set-default' : 'deactivate'}`)));
      const statuses = responses.map((r) => r.statusCode);
      // Each command either ran or was refused with the rule's reason: no 500, no deadlock.
      expect(statuses.filter((s) => s !== 200 && s !== 409), `round ${round}: ${JSON.stringify(statuses)}`).toEqual([]);

      const environment = await t.db.prisma.environment.findUniqueOrThrow({ where: { id: contoso }, include: { defaultServerProfile: true } });
      expect(environment.defaultServerProfile?.isActive, `round ${round}: the default is active`).toBe(true);
      const defaults = (await send('GET', '/server-profiles?view=all')).json().items.filter((p: { isDefault: boolean }) => p.isDefault);
      expect(defaults, `round ${round}: exactly one default`).toHaveLength(1);

      // Back to the start: the candidate active, the original profile the default.
      expect((await send('POST', `/server-profiles/${candidate}/activate`)).statusCode).toBe(200);
      expect((await send('POST', `/server-profiles/${original}/set-default`)).statusCode).toBe(200);
    }
  });

  it(`creates one mailbox of ${WRITERS} concurrent creates with the same address; the others get the lookup's 400`, async () => {
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, i) => send('POST', '/mailboxes', {
      type: 'user', name: `Same address ${i}`, emailAddress: i % 2 === 0 ? 'same.address@contoso.example' : 'Same.Address@Contoso.example',
    })));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201), JSON.stringify(statuses)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.statusCode !== 201)) {
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fieldErrors).toEqual([
        { field: 'emailAddress', code: 'EMAIL_ADDRESS_TAKEN', params: { emailAddress: 'same.address@contoso.example' }, message: 'Another mailbox in this environment already uses same.address@contoso.example.' },
      ]);
    }
    expect(await t.db.prisma.mailbox.count({ where: { environmentId: contoso, emailAddress: { equals: 'same.address@contoso.example', mode: 'insensitive' } } })).toBe(1);
  });

  it(`gives ${WRITERS} concurrent renames to one address a single winner, the others the lookup's 400`, async () => {
    const rows = await Promise.all(Array.from({ length: WRITERS }, (_, i) => t.db.prisma.mailbox.create({
      data: { environmentId: contoso, type: 'user', name: `Rename ${i}`, emailAddress: `rename.${i}@contoso.example`, ownerId },
    })));
    const responses = await Promise.all(rows.map((row) => send('PATCH', `/mailboxes/${row.id}`, { emailAddress: 'renamed.target@contoso.example', version: row.version })));
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.statusCode !== 200)) {
      expect(refused.json().error.fieldErrors).toEqual([{ field: 'emailAddress', code: 'EMAIL_ADDRESS_TAKEN', params: { emailAddress: 'renamed.target@contoso.example' }, message: 'Another mailbox in this environment already uses renamed.target@contoso.example.' }]);
    }
  });

  // A deterministic race: another connection renames half of the mailboxes and holds its row locks while Approve
  // Email reads and decides, then commits once the approval's UPDATE waits on those locks.
  it.skipIf(TEST_DATABASE !== 'postgres')('does not approve a mailbox whose address changed after Approve Email read it, and reports it', async () => {
    const profile = (await t.db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: contoso, serverType: 'exchangeOnline', isActive: true } })).id;
    const rows = await Promise.all(Array.from({ length: WRITERS }, (_, i) => t.db.prisma.mailbox.create({
      data: { environmentId: contoso, type: 'user', name: `Approve race ${i}`, emailAddress: `approve.race.${i}@contoso.example`, ownerId, serverProfileId: profile },
    })));
    const renamed = rows.filter((_, i) => i % 2 === 1);
    const renamer = new pg.Client({ connectionString: t.databaseUrl! });
    const watcher = new pg.Client({ connectionString: t.databaseUrl! });
    await Promise.all([renamer.connect(), watcher.connect()]);
    try {
      await renamer.query('BEGIN');
      await renamer.query(
        `UPDATE "Mailbox" SET "emailAddress" = 'moved.' || "emailAddress", "emailAddressStatus" = 'pendingApproval', "version" = "version" + 1 WHERE "id" = ANY($1::uuid[])`,
        [renamed.map((row) => row.id)],
      );
      const approval = send('POST', '/mailbox-actions/approve-email', { target: { ids: rows.map((row) => row.id) } });
      // Wait until the approval has decided and its UPDATE waits on the renamer's locks (a state, not a delay).
      for (;;) {
        const { rows: waiting } = await watcher.query(
          `SELECT count(*)::int AS "count" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'WITH updated AS (UPDATE "Mailbox"%'`,
        );
        if (waiting[0].count > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await renamer.query('COMMIT');
      const response = await approval;
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json();
      expect(result).toMatchObject({ done: WRITERS / 2, skipped: WRITERS / 2 });
      const renamedIds = new Set(renamed.map((row) => row.id));
      for (const row of result.results) {
        if (renamedIds.has(row.mailboxId)) {
          expect(row).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('changed by someone else') });
        } else expect(row).toMatchObject({ outcome: 'done', message: 'Email address approved.' });
      }
      const stored = await t.db.prisma.mailbox.findMany({ where: { id: { in: [...renamedIds] } } });
      expect(stored.map((row) => row.emailAddressStatus)).toEqual(stored.map(() => 'pendingApproval'));
      expect(await t.db.prisma.auditEntry.count({ where: { entityId: { in: [...renamedIds] }, action: 'approveEmail' } })).toBe(0);
    } finally {
      await renamer.end();
      await watcher.end();
    }
  });
});
