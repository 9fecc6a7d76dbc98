import type { CreateMailboxRequest, MailboxFilterWire, MailboxListItemResponse, MailboxResponse, MailboxTargetWire, UpdateMailboxRequest } from '@sync-admin/contract';
import { mailboxServerProfileStatus, type Actor, type Mailbox, type MailboxChanges, type MailboxFilter, type MailboxListItem, type MailboxTarget } from '@sync-admin/domain';
import { toTraceResponse } from '../test-and-enable/test-and-enable.mapper.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Domain → wire. Lists every field on purpose: nothing (such as the password) reaches a response by accident. */
export function toMailboxResponse(mailbox: Mailbox, actor: Actor): MailboxResponse {
  return {
    id: mailbox.id,
    environmentId: mailbox.environmentId,
    type: mailbox.type,
    name: mailbox.name,
    emailAddress: mailbox.emailAddress,
    ownerId: mailbox.ownerId,
    ownerName: mailbox.ownerName,
    isActive: mailbox.isActive,
    serverProfileId: mailbox.serverProfileId,
    serverProfileName: mailbox.serverProfileName,
    serverProfileStatus: mailboxServerProfileStatus(actor, mailbox),
    serverType: mailbox.serverType,
    incomingEmailDeliveryMethod: mailbox.incomingEmailDeliveryMethod,
    outgoingEmailDeliveryMethod: mailbox.outgoingEmailDeliveryMethod,
    appointmentsContactsTasksDeliveryMethod: mailbox.appointmentsContactsTasksDeliveryMethod,
    syncItemsFromThisOrgOnly: mailbox.syncItemsFromThisOrgOnly,
    allowCredentialsForEmailProcessing: mailbox.allowCredentialsForEmailProcessing,
    userName: mailbox.userName,
    passwordSet: mailbox.passwordSet,
    processEmailsReceivedAfter: iso(mailbox.processEmailsReceivedAfter),
    emailAddressStatus: mailbox.emailAddressStatus,
    emailAddressApprovedById: mailbox.emailAddressApprovedById,
    emailAddressApprovedByName: mailbox.emailAddressApprovedByName,
    emailAddressApprovedAt: iso(mailbox.emailAddressApprovedAt),
    incomingEmailStatus: mailbox.incomingEmailStatus,
    outgoingEmailStatus: mailbox.outgoingEmailStatus,
    appointmentsContactsTasksStatus: mailbox.appointmentsContactsTasksStatus,
    isEnabledForIncomingEmail: mailbox.isEnabledForIncomingEmail,
    isEnabledForOutgoingEmail: mailbox.isEnabledForOutgoingEmail,
    isEnabledForAppointmentsContactsTasks: mailbox.isEnabledForAppointmentsContactsTasks,
    testCompletedOn: iso(mailbox.testCompletedOn),
    testAndEnableLastAttemptedById: mailbox.testAndEnableLastAttemptedById,
    testAndEnableLastAttemptedByName: mailbox.testAndEnableLastAttemptedByName,
    testAndEnableRequestedAt: iso(mailbox.testAndEnableRequestedAt),
    lastError: mailbox.lastError && { ...mailbox.lastError, at: mailbox.lastError.at.toISOString() },
    consecutiveErrorCount: mailbox.consecutiveErrorCount,
    testAndEnable: mailbox.testAndEnable && { ...mailbox.testAndEnable, nextAttemptAt: iso(mailbox.testAndEnable.nextAttemptAt) },
    discoveredEwsUrl: mailbox.discoveredEwsUrl,
    discoveredEwsUrlAt: iso(mailbox.discoveredEwsUrlAt),
    lastConnectivityTest: mailbox.lastConnectivityTest && { at: mailbox.lastConnectivityTest.at.toISOString(), trace: toTraceResponse(mailbox.lastConnectivityTest.trace) },
    version: mailbox.version,
    createdAt: mailbox.createdAt.toISOString(),
    updatedAt: mailbox.updatedAt.toISOString(),
  };
}

export function toMailboxListItemResponse(item: MailboxListItem): MailboxListItemResponse {
  return {
    id: item.id,
    name: item.name,
    emailAddress: item.emailAddress,
    type: item.type,
    isActive: item.isActive,
    ownerId: item.ownerId,
    ownerName: item.ownerName,
    serverProfileId: item.serverProfileId,
    serverProfileName: item.serverProfileName,
    incomingEmailDeliveryMethod: item.incomingEmailDeliveryMethod,
    outgoingEmailDeliveryMethod: item.outgoingEmailDeliveryMethod,
    appointmentsContactsTasksDeliveryMethod: item.appointmentsContactsTasksDeliveryMethod,
    emailAddressStatus: item.emailAddressStatus,
    incomingEmailStatus: item.incomingEmailStatus,
    outgoingEmailStatus: item.outgoingEmailStatus,
    appointmentsContactsTasksStatus: item.appointmentsContactsTasksStatus,
    testCompletedOn: iso(item.testCompletedOn),
    testAndEnableRequestedAt: iso(item.testAndEnableRequestedAt),
  };
}

/** Wire → domain: only the fields sent, with dates parsed; the password travels apart from the settings. */
export function toMailboxChanges(body: Omit<UpdateMailboxRequest, 'version'> | Omit<CreateMailboxRequest, 'type'>): MailboxChanges {
  const { password, processEmailsReceivedAfter, ...settings } = body;
  return {
    settings: {
      ...settings,
      ...(processEmailsReceivedAfter === undefined ? {} : { processEmailsReceivedAfter: processEmailsReceivedAfter === null ? null : new Date(processEmailsReceivedAfter) }),
    },
    ...(password === undefined ? {} : { password }),
  };
}

export function toMailboxFilter(filter: MailboxFilterWire): MailboxFilter {
  const { view, search, serverProfileId, type, emailAddressStatus, incomingEmailStatus, outgoingEmailStatus, appointmentsContactsTasksStatus, lastErrorCode } = filter;
  return {
    view,
    ...(search ? { search } : {}),
    ...(serverProfileId ? { serverProfileId } : {}),
    ...(type ? { type } : {}),
    ...(emailAddressStatus ? { emailAddressStatus } : {}),
    ...(incomingEmailStatus ? { incomingEmailStatus } : {}),
    ...(outgoingEmailStatus ? { outgoingEmailStatus } : {}),
    ...(appointmentsContactsTasksStatus ? { appointmentsContactsTasksStatus } : {}),
    ...(lastErrorCode ? { lastErrorCode } : {}),
  };
}

export function toMailboxTarget(target: MailboxTargetWire): MailboxTarget {
  return 'ids' in target ? { ids: [...new Set(target.ids)] } : { filter: toMailboxFilter(target.filter) };
}
