import {
  MAILBOX_SETTING_LABELS,
  type Mailbox,
  type MailboxForCommand,
  type MailboxListItem,
  type MailboxSettings,
} from '@sync-admin/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { traceFromJson } from '../test-and-enable/connectivity-trace.json.ts';

export const mailboxInclude = {
  owner: { select: { fullName: true } },
  serverProfile: { select: { name: true, serverType: true, isActive: true } },
  emailAddressApprovedBy: { select: { fullName: true } },
  testAndEnableLastAttemptedBy: { select: { fullName: true } },
  testAndEnableRun: { select: { id: true, number: true, startedByName: true } },
} satisfies Prisma.MailboxInclude;

/** The mailbox's item in its current (or last) run: where its retries stand. */
export type MailboxRunItemRow = { state: Prisma.TestAndEnableRunItemGetPayload<object>['state']; attempts: number; nextAttemptAt: Date | null } | null;

export type MailboxRowWithRelations = Prisma.MailboxGetPayload<{ include: typeof mailboxInclude }>;

/** Row → domain. The encrypted password never leaves this file: only whether it is set. */
export function toMailbox(row: MailboxRowWithRelations, runItem: MailboxRunItemRow): Mailbox {
  const run = row.testAndEnableRun;
  return {
    id: row.id,
    environmentId: row.environmentId,
    type: row.type,
    name: row.name,
    emailAddress: row.emailAddress,
    ownerId: row.ownerId,
    ownerName: row.owner.fullName,
    isActive: row.isActive,
    serverProfileId: row.serverProfileId,
    serverProfileName: row.serverProfile?.name ?? null,
    serverProfileIsActive: row.serverProfile?.isActive ?? null,
    serverType: row.serverProfile?.serverType ?? null,
    incomingEmailDeliveryMethod: row.incomingEmailDeliveryMethod,
    outgoingEmailDeliveryMethod: row.outgoingEmailDeliveryMethod,
    appointmentsContactsTasksDeliveryMethod: row.appointmentsContactsTasksDeliveryMethod,
    syncItemsFromThisOrgOnly: row.syncItemsFromThisOrgOnly,
    allowCredentialsForEmailProcessing: row.allowCredentialsForEmailProcessing,
    userName: row.userName,
    processEmailsReceivedAfter: row.processEmailsReceivedAfter,
    emailAddressStatus: row.emailAddressStatus,
    emailAddressApprovedById: row.emailAddressApprovedById,
    emailAddressApprovedByName: row.emailAddressApprovedBy?.fullName ?? null,
    emailAddressApprovedAt: row.emailAddressApprovedAt,
    incomingEmailStatus: row.incomingEmailStatus,
    outgoingEmailStatus: row.outgoingEmailStatus,
    appointmentsContactsTasksStatus: row.appointmentsContactsTasksStatus,
    isEnabledForIncomingEmail: row.isEnabledForIncomingEmail,
    isEnabledForOutgoingEmail: row.isEnabledForOutgoingEmail,
    isEnabledForAppointmentsContactsTasks: row.isEnabledForAppointmentsContactsTasks,
    passwordSet: row.passwordEncrypted !== null,
    testCompletedOn: row.testCompletedOn,
    testAndEnableLastAttemptedById: row.testAndEnableLastAttemptedById,
    testAndEnableLastAttemptedByName: row.testAndEnableLastAttemptedBy?.fullName ?? null,
    testAndEnableRequestedAt: row.testAndEnableRequestedAt,
    lastError: row.lastErrorCode === null
      ? null
      : { code: row.lastErrorCode, message: row.lastErrorMessage ?? '', at: row.lastErrorAt ?? row.updatedAt },
    consecutiveErrorCount: row.consecutiveErrorCount,
    testAndEnable: run && runItem
      ? { runId: run.id, runNumber: run.number, startedByName: run.startedByName, itemState: runItem.state, attempts: runItem.attempts, nextAttemptAt: runItem.nextAttemptAt }
      : null,
    discoveredEwsUrl: row.discoveredEwsUrl,
    discoveredEwsUrlAt: row.discoveredEwsUrlAt,
    lastConnectivityTest: row.lastConnectivityTestAt && row.lastConnectivityTrace
      ? { at: row.lastConnectivityTestAt, trace: traceFromJson(row.lastConnectivityTrace)! }
      : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const SETTING_KEYS = Object.keys(MAILBOX_SETTING_LABELS) as (keyof MailboxSettings)[];

/** The settings a write sends, and nothing else: the columns have the settings' names. */
export function toSettingColumns(settings: Partial<MailboxSettings>): Partial<MailboxSettings> {
  return Object.fromEntries(SETTING_KEYS.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]));
}

/*
 * The raw-SQL side. The select lists below ARE the whitelist: a row comes back with exactly the domain
 * type's fields (`satisfies` keeps each list and its type in step), so no mapping pass is needed.
 * Aliases: m = "Mailbox", u = "User" (owner), sp = "ServerProfile".
 */
export const MAILBOX_LIST_COLUMNS = {
  id: 'm."id"',
  name: 'm."name"',
  emailAddress: 'm."emailAddress"',
  type: 'm."type"',
  isActive: 'm."isActive"',
  ownerId: 'm."ownerId"',
  ownerName: 'u."fullName"',
  serverProfileId: 'm."serverProfileId"',
  serverProfileName: 'sp."name"',
  incomingEmailDeliveryMethod: 'm."incomingEmailDeliveryMethod"',
  outgoingEmailDeliveryMethod: 'm."outgoingEmailDeliveryMethod"',
  appointmentsContactsTasksDeliveryMethod: 'm."appointmentsContactsTasksDeliveryMethod"',
  emailAddressStatus: 'm."emailAddressStatus"',
  incomingEmailStatus: 'm."incomingEmailStatus"',
  outgoingEmailStatus: 'm."outgoingEmailStatus"',
  appointmentsContactsTasksStatus: 'm."appointmentsContactsTasksStatus"',
  testCompletedOn: 'm."testCompletedOn"',
  testAndEnableRequestedAt: 'm."testAndEnableRequestedAt"',
} as const satisfies Record<keyof MailboxListItem, string>;

export const MAILBOX_COMMAND_COLUMNS = {
  id: 'm."id"',
  name: 'm."name"',
  type: 'm."type"',
  emailAddress: 'm."emailAddress"',
  ownerId: 'm."ownerId"',
  isActive: 'm."isActive"',
  serverProfileId: 'm."serverProfileId"',
  serverType: 'sp."serverType"',
  emailAddressStatus: 'm."emailAddressStatus"',
  incomingEmailDeliveryMethod: 'm."incomingEmailDeliveryMethod"',
  outgoingEmailDeliveryMethod: 'm."outgoingEmailDeliveryMethod"',
  appointmentsContactsTasksDeliveryMethod: 'm."appointmentsContactsTasksDeliveryMethod"',
  testAndEnableRequestedAt: 'm."testAndEnableRequestedAt"',
} as const satisfies Record<keyof MailboxForCommand, string>;

/** `expression AS "field", …` for a column map. */
export function selectList(columns: Record<string, string>): string {
  return Object.entries(columns).map(([field, expression]) => `${expression} AS "${field}"`).join(', ');
}

