import type { LabelledSentence, OutageFamily, ServerProfile, ServerProfileSettings } from '@sync-admin/domain';
import type { Prisma, ServerProfile as ServerProfileRow } from '../generated/prisma/client.ts';
import { traceFromJson } from '../test-and-enable/connectivity-trace.json.ts';

export type ServerProfileRowWithOwner = ServerProfileRow & {
  owner: { fullName: string };
  defaultOf: { id: string } | null;
};

export const serverProfileInclude = {
  owner: { select: { fullName: true } },
  defaultOf: { select: { id: true } },
} satisfies Prisma.ServerProfileInclude;

/** Row → domain. Encrypted columns never leave this file: only whether each secret is set. */
export function toServerProfile(row: ServerProfileRowWithOwner): ServerProfile {
  return {
    ...toSettings(row),
    id: row.id,
    environmentId: row.environmentId,
    ownerId: row.ownerId,
    ownerName: row.owner.fullName,
    isActive: row.isActive,
    isDefault: row.defaultOf !== null,
    secretsSet: {
      clientSecret: row.clientSecretEncrypted !== null,
      incomingPassword: row.incomingPasswordEncrypted !== null,
      outgoingPassword: row.outgoingPasswordEncrypted !== null,
    },
    lastTest:
      row.lastTestStatus && row.lastTestStartedAt
        ? {
            status: row.lastTestStatus,
            startedAt: row.lastTestStartedAt,
            durationMs: row.lastTestDurationMs ?? 0,
            message: row.lastTestMessage ?? '',
            // Written only by recordServerProfileTest, from the domain's own sentences.
            sentence: row.lastTestSentence as LabelledSentence | null,
            errorCode: row.lastTestErrorCode,
            trace: traceFromJson(row.lastTestTrace),
          }
        : null,
    testAndEnableHold: row.testAndEnableHeldAt && row.testAndEnableHeldFamily
      ? { heldAt: row.testAndEnableHeldAt, family: row.testAndEnableHeldFamily as OutageFamily }
      : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toSettings(row: ServerProfileRow): ServerProfileSettings {
  return {
    name: row.name,
    description: row.description,
    serverType: row.serverType,
    authenticationType: row.authenticationType,
    tenantId: row.tenantId,
    applicationId: row.applicationId,
    defaultServerLocation: row.defaultServerLocation,
    useAutoDiscover: row.useAutoDiscover,
    incomingServerLocation: row.incomingServerLocation,
    outgoingServerLocation: row.outgoingServerLocation,
    authenticateUsing: row.authenticateUsing,
    incomingUserName: row.incomingUserName,
    useSameSettingsForOutgoing: row.useSameSettingsForOutgoing,
    outgoingUserName: row.outgoingUserName,
    incomingAuthenticationProtocol: row.incomingAuthenticationProtocol,
    outgoingAuthenticationProtocol: row.outgoingAuthenticationProtocol,
    incomingPort: row.incomingPort,
    outgoingPort: row.outgoingPort,
    incomingUseSsl: row.incomingUseSsl,
    outgoingUseSsl: row.outgoingUseSsl,
    incomingUseImpersonation: row.incomingUseImpersonation,
    outgoingUseImpersonation: row.outgoingUseImpersonation,
    processEmailsReceivedAfter: row.processEmailsReceivedAfter,
    minPollingIntervalInMinutes: row.minPollingIntervalInMinutes,
    maxConcurrentConnections: row.maxConcurrentConnections,
    timeoutMailboxConnection: row.timeoutMailboxConnection,
    timeoutMailboxConnectionAfterAmount: row.timeoutMailboxConnectionAfterAmount,
    sendEmailAlert: row.sendEmailAlert,
    moveUndeliveredEmails: row.moveUndeliveredEmails,
  };
}
