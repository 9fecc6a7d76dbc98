import type { AddressInfo } from 'node:net';
import { startEwsTestServer, testCertificates, type EwsTestServer } from '@sync-admin/ews/test-peers';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, serverProfileId, signIn, waitForJob, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * Test & Enable jobs run for real: the in-process worker, the real EWS adapter and a schema-validating EWS
 * test server on 127.0.0.1 with an NTLM-verified service account. Each case picks its own Fabrikam mailboxes.
 */
const SERVICE_USER = 'FABRIKAM\\svc-sync';
const SERVICE_PASSWORD = 'Fabrikam-Svc-Passw0rd';

describe('Test & Enable jobs against an Exchange test server', () => {
  let t: TestApp;
  let ews: EwsTestServer;
  let smtp: SMTPServer;
  const mails: { to: string[]; data: string }[] = [];
  let admin: SignedIn;
  let fabrikam: string;
  let profile: string;
  const used = new Set<string>();

  /** Approved, active Fabrikam mailboxes no other case has used. */
  async function mailboxes(count: number) {
    const rows = await t.db.prisma.mailbox.findMany({
      where: { environmentId: fabrikam, isActive: true, emailAddressStatus: 'approved', id: { notIn: [...used] } },
      orderBy: { name: 'asc' }, take: count,
    });
    if (rows.length < count) throw new Error(`only ${rows.length} unused mailboxes left`);
    for (const row of rows) used.add(row.id);
    return rows;
  }

  async function startOn(ids: string[]) {
    const response = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/mailbox-actions/test-and-enable`, headers: admin.headers, payload: { target: { ids } } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().run as { id: string; number: number };
  }
  const mailbox = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/mailboxes/${id}`, headers: admin.headers })).json();
  const items = async (jobId: string) => (await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/jobs/${jobId}/items?limit=500`, headers: admin.headers })).json().items;
  // Alerts the runs of this file raised (the demo data has older ones).
  let since: Date;
  const alertsOf = (mailboxId: string) => t.db.prisma.alert.findMany({ where: { mailboxId, createdAt: { gte: since } }, orderBy: { createdAt: 'asc' } });
  const patchProfile = async (changes: object) => {
    const url = `/api/environments/${fabrikam}/server-profiles/${profile}`;
    return t.app.inject({ method: 'PATCH', url, headers: admin.headers, payload: await atCurrentVersion(t.db, url, changes) });
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => { mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data }); callback(); });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({
      worker: true,
      seams: { trustedCa: testCertificates().ca },
      env: {
        TRANSIENT_RETRY_LIMIT: '3', TRANSIENT_RETRY_INTERVAL_SECONDS: '1', OUTAGE_MIN_MAILBOXES: '5', JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      },
    });
    admin = await signIn(t.app, 'global.admin@contoso.example');
    fabrikam = await environmentId(t.db, 'Fabrikam');
    profile = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
    // Every Fabrikam mailbox approved, active and on the profile, so each case has fresh ones to test.
    await t.db.prisma.mailbox.updateMany({ where: { environmentId: fabrikam }, data: { emailAddressStatus: 'approved', isActive: true, serverProfileId: profile } });
    since = new Date();
    const addresses = (await t.db.prisma.mailbox.findMany({ where: { environmentId: fabrikam }, select: { emailAddress: true } })).map((m) => m.emailAddress);
    ews = await startEwsTestServer({
      accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }],
      mailboxes: addresses,
    });
    const patched = await patchProfile({
      incomingServerLocation: ews.url, outgoingServerLocation: ews.url, authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
      incomingUserName: SERVICE_USER, incomingPassword: SERVICE_PASSWORD, incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm',
      incomingUseImpersonation: true, outgoingUseImpersonation: true, maxConcurrentConnections: 3, timeoutMailboxConnectionAfterAmount: 5, sendEmailAlert: true,
    });
    expect(patched.statusCode, patched.body).toBe(200);
  });
  afterEach(() => {
    ews.clearFaults();
    ews.setLatency(0);
  });
  afterAll(async () => {
    await t.close();
    await ews.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('tests and enables each mailbox: statuses, enabled channels, completed on, and an alert to its owner; without sending mail', async () => {
    const picked = await mailboxes(3);
    ews.reset();
    const run = await startOn(picked.map((m) => m.id));
    const job = await waitForJob(t, admin.headers, fabrikam, run.id);
    expect(job).toMatchObject({ state: 'completed', total: 3, counts: { succeeded: 3, failed: 0, retrying: 0 } });

    for (const row of picked) {
      const after = await mailbox(row.id);
      expect(after).toMatchObject({
        incomingEmailStatus: 'success', outgoingEmailStatus: 'success', appointmentsContactsTasksStatus: 'success',
        isEnabledForIncomingEmail: true, isEnabledForOutgoingEmail: true, isEnabledForAppointmentsContactsTasks: true,
        consecutiveErrorCount: 0, lastError: null, testAndEnableRequestedAt: null,
        testAndEnable: { runId: run.id, runNumber: run.number, startedByName: 'Grace Global', itemState: 'succeeded', attempts: 1, nextAttemptAt: null },
      });
      expect(Date.parse(after.testCompletedOn)).toBeGreaterThan(Date.now() - 60_000);
      expect(after.lastConnectivityTest.trace.steps.length).toBeGreaterThan(0);
      // Kept in the database and read back with each step's sentence (decision 62).
      expect(after.lastConnectivityTest.trace.steps[0]).toMatchObject({
        title: 'Incoming Email', titleSentence: { code: 'CHANNEL', labels: { channel: { kind: 'exchangeChannel', keys: ['incoming'] } } },
        detailSentence: { code: expect.stringMatching(/^ACCESS_/) },
      });
      const operations = ews.requests.filter((r) => r.mailbox === row.emailAddress && r.operation !== 'handshake').map((r) => `${r.operation}${r.folder ? ` ${r.folder}` : ''}`);
      expect(operations.sort()).toEqual(['CreateItem drafts', 'DeleteItem', 'GetFolder calendar', 'GetFolder contacts', 'GetFolder inbox', 'GetFolder tasks'].sort());
      expect(await alertsOf(row.id)).toEqual([expect.objectContaining({ severity: 'information', toMailboxOwner: true, message: expect.stringContaining('completed successfully') })]);
    }
    expect(ews.draftsLeft()).toEqual({});
    expect(ews.requests.every((r) => r.identity === SERVICE_USER || r.operation === 'handshake')).toBe(true);
  });

  it('a permanent error disables that channel at once and leaves an error alert with its code; the other channels are enabled', async () => {
    const [row] = await mailboxes(1);
    ews.inject({ match: { operation: 'CreateItem', mailbox: row!.emailAddress }, fault: { kind: 'errorResponse', responseCode: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
    const before = row!.consecutiveErrorCount;
    const run = await startOn([row!.id]);
    await waitForJob(t, admin.headers, fabrikam, run.id);
    const [item] = await items(run.id);
    expect(item).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'ErrorAccessDenied', errorClass: 'permanent' } });
    expect(await mailbox(row!.id)).toMatchObject({
      incomingEmailStatus: 'success', outgoingEmailStatus: 'failure', isEnabledForIncomingEmail: true, isEnabledForOutgoingEmail: false,
      consecutiveErrorCount: before + 1, lastError: { code: 'ErrorAccessDenied', message: expect.stringContaining('Access is denied') },
    });
    const alerts = await alertsOf(row!.id);
    expect(alerts.map((a) => [a.severity, a.code])).toEqual([['error', 'ErrorAccessDenied']]);
    expect(alerts[0]!.message).toMatch(/^Outgoing Email failed for the mailbox .*: Access denied\. .*disabled for Outgoing Email/);
    // The wall sends the sentence by code beside it (decision 58): Exchange's words are data, channel and title labels.
    const wall = await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/alerts?mailboxId=${row!.id}&since=${since.toISOString()}`, headers: admin.headers });
    expect(wall.json().items).toEqual([expect.objectContaining({
      message: alerts[0]!.message,
      sentence: {
        code: 'CHANNELS_FAILED',
        params: { channels: 'Outgoing Email', mailbox: row!.name, title: 'Access denied', exchangeMessage: expect.stringContaining('Access is denied') },
        labels: { channels: { kind: 'exchangeChannel', keys: ['outgoing'] }, title: { kind: 'exchangeErrorTitle', keys: ['ErrorAccessDenied'] } },
      },
    })]);
  });

  it('a transient error leaves a warning and is retried later, after the time Exchange asks for; then it passes', async () => {
    const [row] = await mailboxes(1);
    ews.inject({ match: { operation: 'GetFolder', folder: 'inbox', mailbox: row!.emailAddress }, times: 1, fault: { kind: 'soapFault', responseCode: 'ErrorServerBusy', message: 'The server cannot service this request right now. Try again later.', backOffMs: 2_000 } });
    const started = Date.now();
    const run = await startOn([row!.id]);
    const job = await waitForJob(t, admin.headers, fabrikam, run.id);
    expect(job.counts).toMatchObject({ succeeded: 1 });
    const [item] = await items(run.id);
    expect(item).toMatchObject({ state: 'succeeded', attempts: 2 });
    const attempts = await t.db.prisma.testAndEnableAttempt.findMany({ where: { itemId: item.id }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((a) => [a.attempt, a.outcome, a.errorCode])).toEqual([[1, 'transient', 'ErrorServerBusy'], [2, 'success', null]]);
    // BackOffMilliseconds (2 s) outweighs the 1 s retry interval.
    expect(attempts[1]!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    const alerts = await alertsOf(row!.id);
    expect(alerts.map((a) => a.severity)).toEqual(['warning', 'information']);
    expect(alerts[0]!.message).toMatch(/The system will try again later \(attempt 1 of 3; next attempt at /);
    expect(await mailbox(row!.id)).toMatchObject({ incomingEmailStatus: 'success', consecutiveErrorCount: 0, lastError: null });
  });

  it('a transient error that lasts becomes permanent after TRANSIENT_RETRY_LIMIT attempts', async () => {
    const [row] = await mailboxes(1);
    ews.inject({ match: { mailbox: row!.emailAddress, folder: 'calendar' }, fault: { kind: 'errorResponse', responseCode: 'ErrorMailboxStoreUnavailable', message: 'The mailbox database is temporarily unavailable.' } });
    const run = await startOn([row!.id]);
    await waitForJob(t, admin.headers, fabrikam, run.id);
    const [item] = await items(run.id);
    expect(item).toMatchObject({ state: 'failed', attempts: 3, channels: { incoming: { outcome: 'success' }, appointmentsContactsTasks: { outcome: 'failure' } } });
    expect(await mailbox(row!.id)).toMatchObject({
      incomingEmailStatus: 'success', appointmentsContactsTasksStatus: 'failure', isEnabledForAppointmentsContactsTasks: false,
      consecutiveErrorCount: row!.consecutiveErrorCount + 3, lastError: { code: 'ErrorMailboxStoreUnavailable' },
    });
    const alerts = await alertsOf(row!.id);
    expect(alerts.map((a) => a.severity)).toEqual(['warning', 'warning', 'error']);
    expect(alerts[2]!.message).toMatch(/^Appointments, Contacts, and Tasks failed for the mailbox .* after 3 attempts: Mailbox database unavailable\./);
    // Only the failing channel was tried again: one Inbox bind in all.
    expect(ews.requests.filter((r) => r.mailbox === row!.emailAddress && r.folder === 'inbox')).toHaveLength(1);
  });

  it('never has more than Maximum Concurrent Connections calls in flight for the profile, and uses them', async () => {
    const picked = await mailboxes(12);
    ews.setLatency(40);
    ews.reset();
    const run = await startOn(picked.map((m) => m.id));
    const job = await waitForJob(t, admin.headers, fabrikam, run.id, 60_000);
    expect(job.counts.succeeded).toBe(12);
    const { byIdentity } = ews.stats();
    expect(byIdentity[SERVICE_USER]!.max).toBe(3);
  });

  it('holds the profile when more than half of its mailboxes fail alike, alerts and emails its owner once, and resumes by itself', async () => {
    // A profile of its own: the outage rule reads the last hour of the profile, and the other cases' successes count there.
    const created = await t.app.inject({
      method: 'POST', url: `/api/environments/${fabrikam}/server-profiles`, headers: admin.headers, payload: {
        serverType: 'exchangeServer', name: 'Fabrikam Exchange (site B)', useAutoDiscover: false, incomingServerLocation: ews.url, outgoingServerLocation: ews.url,
        authenticateUsing: 'credentialsSpecifiedInEmailServerProfile', incomingUserName: SERVICE_USER, incomingPassword: SERVICE_PASSWORD,
        incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm', incomingUseImpersonation: true, outgoingUseImpersonation: true,
        maxConcurrentConnections: 3, sendEmailAlert: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const siteB = created.json().id as string;
    const picked = await mailboxes(10);
    const moved = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/mailbox-actions/change-multiple`, headers: admin.headers, payload: { target: { ids: picked.map((m) => m.id) }, changes: { serverProfileId: siteB } } });
    expect(moved.json().done).toBe(10);
    ews.inject({ fault: { kind: 'httpStatus', status: 503 } });
    const sentBefore = mails.length;
    const run = await startOn(picked.map((m) => m.id));
    let held = false;
    for (let i = 0; i < 100 && !held; i++) {
      held = (await t.db.prisma.serverProfile.findUniqueOrThrow({ where: { id: siteB } })).testAndEnableHeldAt !== null;
      if (!held) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(held).toBe(true);
    const profileResponse = (await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/server-profiles/${siteB}`, headers: admin.headers })).json();
    expect(profileResponse.testAndEnableHold).toMatchObject({ family: 'serviceUnavailable' });
    // Held items spend no retries, and no mailbox is disabled for the outage.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const during = await items(run.id);
    expect(during.filter((i: { state: string }) => i.state === 'held').length).toBeGreaterThan(0);
    expect(during.every((i: { state: string }) => i.state !== 'failed')).toBe(true);
    for (const row of picked) expect((await mailbox(row.id)).incomingEmailStatus).toBe(row.incomingEmailStatus);
    const outage = await t.db.prisma.alert.findMany({ where: { serverProfileId: siteB, code: 'ExchangeOutage' } });
    expect(outage).toHaveLength(1);
    expect(outage[0]!.message).toMatch(/^More than half of the mailboxes of the email server profile Fabrikam Exchange \(site B\) tested in the last hour failed/);
    expect(mails.slice(sentBefore)).toEqual([expect.objectContaining({ to: ['global.admin@contoso.example'] })]);
    // Unfolded: long headers wrap and the body is quoted-printable.
    const mail = mails.at(-1)!.data.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]+/g, ' ');
    expect(mail).toContain('Subject: Sync Admin: more than half of the mailboxes of Fabrikam Exchange (site B) failed in the last hour');
    expect(mail).toContain('Their tests are held and retried together');

    ews.clearFaults();
    const job = await waitForJob(t, admin.headers, fabrikam, run.id, 60_000);
    expect(job.counts).toMatchObject({ succeeded: 10, failed: 0 });
    expect((await t.db.prisma.serverProfile.findUniqueOrThrow({ where: { id: siteB } })).testAndEnableHeldAt).toBeNull();
    expect(await t.db.prisma.alert.count({ where: { serverProfileId: siteB, code: 'ExchangeOutage' } })).toBe(1);
    expect(await t.db.prisma.alert.count({ where: { serverProfileId: siteB, mailboxId: null, message: { contains: 'Exchange answers again' } } })).toBe(1);
  });

  it('Cancel stops a running job cleanly: waiting mailboxes end as cancelled, started ones finish', async () => {
    const picked = await mailboxes(8);
    expect((await patchProfile({ maxConcurrentConnections: 1 })).statusCode).toBe(200);
    try {
      ews.setLatency(300);
      const run = await startOn(picked.map((m) => m.id));
      for (let i = 0; i < 100; i++) {
        const job = (await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/jobs/${run.id}`, headers: admin.headers })).json();
        if (job.counts.succeeded >= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const cancelled = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/jobs/${run.id}/cancel`, headers: admin.headers });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      const job = await waitForJob(t, admin.headers, fabrikam, run.id);
      expect(job.state).toBe('cancelled');
      expect(job.counts.succeeded + job.counts.cancelled).toBe(8);
      expect(job.counts.cancelled).toBeGreaterThan(0);
      for (const item of await items(run.id)) {
        // Cancelled ones never started; the started ones finished.
        if (item.state === 'cancelled') {
          expect(item.startedAt).toBeNull();
          expect(await mailbox(item.mailboxId)).toMatchObject({ testAndEnableRequestedAt: null });
        } else {
          expect(item.state).toBe('succeeded');
        }
      }
    } finally {
      await patchProfile({ maxConcurrentConnections: 3 });
    }
  });

  it('a mailbox whose owner holds no security role fails as Microsoft documents it (8005E259), without contacting Exchange', async () => {
    const [row] = await mailboxes(1);
    const nobody = await t.db.prisma.user.create({ data: { email: 'no.role@fabrikam.example', fullName: 'No Role', passwordHash: 'x' } });
    await t.db.prisma.mailbox.update({ where: { id: row!.id }, data: { ownerId: nobody.id } });
    ews.reset();
    const run = await startOn([row!.id]);
    await waitForJob(t, admin.headers, fabrikam, run.id);
    expect(await mailbox(row!.id)).toMatchObject({ incomingEmailStatus: 'failure', outgoingEmailStatus: 'failure', lastError: { code: 'MailboxOwnerLacksPrivileges' } });
    expect(ews.requests.filter((r) => r.mailbox === row!.emailAddress)).toEqual([]);
  });

  it('Test connection on a mailbox runs every check step by step and keeps the trace, leaving its statuses alone', async () => {
    const [row] = await mailboxes(1);
    const response = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/mailboxes/${row!.id}/test-connection`, headers: admin.headers });
    expect(response.statusCode, response.body).toBe(200);
    const test = response.json();
    expect(test.channels).toMatchObject({ incoming: { outcome: 'success' }, outgoing: { outcome: 'success' }, appointmentsContactsTasks: { outcome: 'success' } });
    expect(test.trace.steps.length).toBeGreaterThan(1);
    expect(JSON.stringify(test)).not.toContain(SERVICE_PASSWORD);
    const after = await mailbox(row!.id);
    expect(after.lastConnectivityTest).toMatchObject({ at: test.testedAt });
    expect(after.incomingEmailStatus).toBe(row!.incomingEmailStatus);

    const support = await signIn(t.app, 'support@contoso.example');
    expect((await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/mailboxes/${row!.id}/test-connection`, headers: support.headers })).statusCode).toBe(403);
  });

  it('Test connection on the profile keeps its trace and the failure\'s code', async () => {
    ews.inject({ fault: { kind: 'httpStatus', status: 401 } });
    const response = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/server-profiles/${profile}/test-connection`, headers: admin.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().lastTest).toMatchObject({ status: 'failure', errorCode: 'HTTP401', sentence: null, trace: { steps: expect.any(Array) } });
    expect(JSON.stringify(response.json())).not.toContain(SERVICE_PASSWORD);
  });

  it('Test connection on the profile that passes keeps its result line\'s sentence, read back from the database', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/server-profiles/${profile}/test-connection`, headers: admin.headers });
    expect(response.statusCode, response.body).toBe(200);
    const { lastTest } = response.json();
    expect(lastTest).toMatchObject({ status: 'success', message: expect.stringMatching(/^Connected to /), sentence: { code: expect.stringMatching(/^CONNECTED_OPENED_INBOX/) } });
    const read = await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/server-profiles/${profile}`, headers: admin.headers });
    expect(read.json().lastTest.sentence).toEqual(lastTest.sentence);
  });
});
