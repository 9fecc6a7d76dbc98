import { randomBytes } from 'node:crypto';
import type { AttemptRecord, TestAndEnableRunRepository } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { createSecretCipher } from '../secret-cipher.ts';
import { createEnvironment, createServerProfile, createUser, openTestDatabase } from '../test-database.test-support.ts';
import { createConnectionLeases } from './connection-leases.ts';
import { createTestAndEnableRunRepository } from './test-and-enable-run.repository.ts';

const AT = new Date('2026-12-02T10:00:00.000Z');
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1000);

describe('Test & Enable runs on the database: every write guarded', () => {
  let db: Database;
  let runs: TestAndEnableRunRepository;
  let environmentId: string;
  let ownerId: string;
  let profileId: string;
  const mailboxIds: string[] = [];

  async function newRun(mailboxes: string[]) {
    const run = await runs.createRun({
      environmentId, scope: { kind: 'mailboxes', description: 'test', serverProfileId: null },
      startedById: ownerId, startedByName: 'Olivia Owner', createdAt: AT, startAt: AT,
    });
    const items = await runs.insertItems(run.id, mailboxes.map((mailboxId) => ({ mailboxId, serverProfileId: profileId, channels: ['incoming', 'outgoing'] })), AT);
    return { run, items };
  }

  const record = (itemId: string, claimToken: string, overrides: Partial<AttemptRecord> = {}): AttemptRecord => ({
    itemId, claimToken, attempt: 1, at: later(1), durationMs: 120, itemState: 'succeeded', nextAttemptAt: null,
    channels: { incoming: { outcome: 'success', error: null, note: null } }, retryChannels: [], lastError: null, outcome: 'success', outageFamily: null,
    ...overrides,
  });

  beforeAll(async () => {
    db = await openTestDatabase();
    runs = createTestAndEnableRunRepository(db.prisma, createSecretCipher(randomBytes(32)));
    environmentId = (await createEnvironment(db.prisma, 'Contoso')).id;
    ownerId = (await createUser(db.prisma, 'Olivia Owner')).id;
    profileId = (await createServerProfile(db.prisma, environmentId, ownerId, 'Contoso Exchange', 'exchangeServer')).id;
    for (let i = 0; i < 6; i++) {
      mailboxIds.push((await db.prisma.mailbox.create({
        data: { environmentId, type: 'user', name: `Mailbox ${i}`, emailAddress: `m${i}@contoso.example`, ownerId, serverProfileId: profileId },
      })).id);
    }
  });
  afterAll(() => db.close());

  it('gives each mailbox at most one active item: a second run leaves it out', async () => {
    const first = await newRun([mailboxIds[0]!, mailboxIds[1]!]);
    expect(first.items.map((i) => i.mailboxId).sort()).toEqual([mailboxIds[0], mailboxIds[1]].sort());
    const second = await newRun([mailboxIds[1]!, mailboxIds[2]!]);
    expect(second.items.map((i) => i.mailboxId)).toEqual([mailboxIds[2]]);
    expect((await runs.findRun(environmentId, second.run.id))!.total).toBe(1);
    expect(await runs.findActiveRunItems([mailboxIds[1]!])).toEqual([{ mailboxId: mailboxIds[1], runId: first.run.id, runNumber: first.run.number, startedByName: 'Olivia Owner' }]);
    const mailbox = await db.prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxIds[2]! } });
    expect(mailbox).toMatchObject({ testAndEnableRunId: second.run.id, testAndEnableRequestedAt: AT, testAndEnableLastAttemptedById: ownerId });
  });

  it('lets one worker claim an attempt, refuses a second claim, and lets another take it once the claim lapsed', async () => {
    const { items: [item] } = await newRun([mailboxIds[3]!]);
    const claim = (token: string, at: Date, attempt = 1) => runs.claimItem(item!.itemId, attempt, { token, expiresAt: later(30), fromHeld: false }, at);
    expect(await claim('wrong-attempt', AT, 2)).toBeNull();
    const first = await claim('first', AT);
    expect(first).toMatchObject({ item: { id: item!.itemId, attempts: 0, channels: ['incoming', 'outgoing'], stateBeforeClaim: 'pending' }, mailbox: { id: mailboxIds[3], password: null } });
    expect(await claim('second', later(1))).toBeNull();
    const third = await claim('third', later(31));
    expect(third?.item.stateBeforeClaim).toBe('running');

    // The first worker lost its claim: what it found is not recorded; the one holding the claim records once.
    expect(await runs.recordAttempt(record(item!.itemId, 'first'))).toBe(false);
    expect(await runs.recordAttempt(record(item!.itemId, 'third'))).toBe(true);
    expect(await runs.recordAttempt(record(item!.itemId, 'third'))).toBe(false);
    expect(await db.prisma.testAndEnableAttempt.count({ where: { itemId: item!.itemId } })).toBe(1);
    expect(await db.prisma.testAndEnableRunItem.findUniqueOrThrow({ where: { id: item!.itemId } })).toMatchObject({ state: 'succeeded', attempts: 1, claimToken: null });
  });

  it('cancels waiting items but lets a running one finish, then ends the run', async () => {
    const { run, items } = await newRun([mailboxIds[4]!, mailboxIds[5]!]);
    const running = items.find((i) => i.mailboxId === mailboxIds[4])!;
    await runs.claimItem(running.itemId, 1, { token: 'w', expiresAt: later(30), fromHeld: false }, AT);
    expect(await runs.cancelRun(run.id, { id: ownerId, name: 'Olivia Owner' }, later(2))).toEqual({ cancelledItems: 1 });
    expect(await runs.cancelRun(run.id, { id: ownerId, name: 'Olivia Owner' }, later(3))).toBeNull();
    await runs.finishRunIfDone(run.id, later(3));
    expect((await runs.findRun(environmentId, run.id))).toMatchObject({ state: 'cancelled', finishedAt: null, counts: { running: 1, cancelled: 1 } });

    expect(await runs.recordAttempt(record(running.itemId, 'w'))).toBe(true);
    await runs.finishRunIfDone(run.id, later(4));
    expect(await runs.findRun(environmentId, run.id)).toMatchObject({ state: 'cancelled', finishedAt: later(4), counts: { succeeded: 1, cancelled: 1 } });
    expect(await db.prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxIds[5]! } })).toMatchObject({ testAndEnableRequestedAt: null });
  });

  it('holds a profile once, holds its waiting items, and releases them for their next attempt', async () => {
    const run = await runs.createRun({ environmentId, scope: { kind: 'mailboxes', description: 'hold', serverProfileId: null }, startedById: ownerId, startedByName: 'O', createdAt: AT, startAt: AT });
    const down = (await createServerProfile(db.prisma, environmentId, ownerId, 'Down', 'exchangeServer')).id;
    const fresh = await db.prisma.mailbox.create({ data: { environmentId, type: 'user', name: 'Held', emailAddress: 'held@contoso.example', ownerId, serverProfileId: down } });
    const [item] = await runs.insertItems(run.id, [{ mailboxId: fresh.id, serverProfileId: down, channels: ['incoming'] }], AT);
    expect(await runs.holdServerProfile(down, 'unreachable', AT)).toBe(true);
    expect(await runs.holdServerProfile(down, 'serverBusy', AT)).toBe(false);
    expect(await runs.findServerProfileHold(down)).toEqual({ family: 'unreachable', heldAt: AT });
    expect(await runs.findHeldItem(down)).toEqual({ itemId: item!.itemId, attempt: 1 });
    expect(await runs.releaseServerProfile(down, later(300))).toEqual([{ itemId: item!.itemId, attempt: 1 }]);
    expect(await runs.findServerProfileHold(down)).toBeNull();
    expect(await runs.findHeldItem(down)).toBeNull();
  });

  it('puts back an item whose worker died holding it, for the same attempt', async () => {
    const fresh = await db.prisma.mailbox.create({ data: { environmentId, type: 'user', name: 'Orphan', emailAddress: 'orphan@contoso.example', ownerId, serverProfileId: profileId } });
    const { items: [item] } = await newRun([fresh.id]);
    await runs.claimItem(item!.itemId, 1, { token: 'dead', expiresAt: later(10), fromHeld: false }, AT);
    expect(await runs.releaseExpiredClaims(later(5))).toEqual([]);
    const released = await runs.releaseExpiredClaims(later(11));
    expect(released).toEqual([{ itemId: item!.itemId, serverProfileId: profileId, attempt: 1, timeout: { timeoutMailboxConnection: true, timeoutMailboxConnectionAfterAmount: 100 } }]);
    expect(await runs.recordAttempt(record(item!.itemId, 'dead'))).toBe(false);
    expect(await runs.claimItem(item!.itemId, 1, { token: 'alive', expiresAt: later(60), fromHeld: false }, later(12))).not.toBeNull();
  });

  it('counts connection leases across holders and never grants more than the limit', async () => {
    const leases = createConnectionLeases(db.prisma);
    const a = await leases.acquire('serverProfile:x', 3, 2, 'worker-a', 30_000);
    const b = await leases.acquire('serverProfile:x', 3, 2, 'worker-b', 30_000);
    expect([a.length, b.length]).toEqual([2, 1]);
    expect(await leases.acquire('serverProfile:x', 3, 5, 'worker-c', 30_000)).toEqual([]);
    await leases.release('worker-a', a.slice(0, 1));
    expect(await leases.acquire('serverProfile:x', 3, 5, 'worker-c', 30_000)).toHaveLength(1);
    // Another profile has its own count; expired leases (a killed worker's) no longer count.
    expect(await leases.acquire('serverProfile:y', 1, 1, 'worker-a', 1)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await leases.acquire('serverProfile:y', 1, 1, 'worker-b', 30_000)).toHaveLength(1);
    // The worker whose lease lapsed frees nothing of the one that took the slot over.
    const [lapsed] = await leases.acquire('serverProfile:z', 1, 1, 'worker-a', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await leases.acquire('serverProfile:z', 1, 1, 'worker-b', 30_000)).toEqual([lapsed]);
    await leases.release('worker-a', [lapsed!]);
    expect(await leases.acquire('serverProfile:z', 1, 1, 'worker-c', 30_000)).toEqual([]);
  });
});
