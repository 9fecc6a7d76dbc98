import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface Group { mailboxId: string | null; code: string | null; severity: string; count: number; latestMessage: string; nextStep: { kind: string; at: string | null } }

describe('the Alerts wall grouped by mailbox (or profile) and code', () => {
  let t: TestApp;
  let admin: SignedIn;
  let contoso: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'global.admin@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
  });
  afterAll(() => t.close());

  it('covers every alert once, with counts, the latest message and the next step', async () => {
    const total = (await get(`/api/environments/${contoso}/alerts?limit=1`)).json().total as number;
    const response = await get(`/api/environments/${contoso}/alerts/groups?limit=500`);
    expect(response.statusCode, response.body).toBe(200);
    const groups: Group[] = response.json().items;
    expect(response.json().total).toBe(groups.length);
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(total);
    expect(new Set(groups.map((g) => `${g.mailboxId}|${g.code}|${g.severity}`)).size).toBe(groups.length);

    // A failed mailbox's error: its channels are disabled until it is tested again.
    const failed = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, incomingEmailStatus: 'failure', alerts: { some: { severity: 'error' } } } });
    const group = groups.find((g) => g.mailboxId === failed.id && g.severity === 'error')!;
    expect(group.nextStep).toEqual({ kind: 'disabled', at: null });
    for (const info of groups.filter((g) => g.severity !== 'error')) expect(info.nextStep.kind).toBe('none');
  });

  it('says when a mailbox waiting for a retry is tried again', async () => {
    // One Test & Enable can start: active, on an active profile (which mailbox comes first otherwise is the plan's choice).
    const failed = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, isActive: true, serverProfile: { is: { isActive: true } }, alerts: { some: { severity: 'error' } } } });
    // Started through the API (no worker runs here), then put where a transient failure leaves it.
    const started = await t.app.inject({ method: 'POST', url: `/api/environments/${contoso}/mailbox-actions/test-and-enable`, headers: admin.headers, payload: { target: { ids: [failed.id] } } });
    expect(started.statusCode, started.body).toBe(200);
    const at = new Date(Date.now() + 300_000);
    await t.db.prisma.testAndEnableRunItem.updateMany({ where: { mailboxId: failed.id, state: 'pending' }, data: { state: 'retrying', nextAttemptAt: at } });
    const groups: Group[] = (await get(`/api/environments/${contoso}/alerts/groups?mailboxId=${failed.id}`)).json().items;
    expect(groups.find((g) => g.severity === 'error')!.nextStep).toEqual({ kind: 'retrying', at: at.toISOString() });
  });

  it('refuses a malformed filter with the field', async () => {
    const response = await get(`/api/environments/${contoso}/alerts/groups?severity=loud`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors[0].field).toBe('severity');
  });
});
