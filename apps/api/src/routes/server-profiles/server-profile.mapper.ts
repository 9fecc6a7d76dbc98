import type { CreateServerProfileRequest, ServerProfileResponse, UpdateServerProfileRequest } from '@sync-admin/contract';
import {
  SERVER_PROFILE_SECRETS,
  type ServerProfile,
  type ServerProfileChanges,
  type ServerProfileSecretChanges,
} from '@sync-admin/domain';
import { toTraceResponse } from '../test-and-enable/test-and-enable.mapper.ts';

/** Domain → wire. Lists every field on purpose: nothing reaches a response by accident. */
export function toServerProfileResponse(profile: ServerProfile): ServerProfileResponse {
  return {
    id: profile.id,
    environmentId: profile.environmentId,
    ownerId: profile.ownerId,
    ownerName: profile.ownerName,
    isActive: profile.isActive,
    isDefault: profile.isDefault,
    secretsSet: profile.secretsSet,
    lastTest: profile.lastTest && {
      ...profile.lastTest, startedAt: profile.lastTest.startedAt.toISOString(), trace: profile.lastTest.trace && toTraceResponse(profile.lastTest.trace),
    },
    testAndEnableHold: profile.testAndEnableHold && { ...profile.testAndEnableHold, heldAt: profile.testAndEnableHold.heldAt.toISOString() },
    version: profile.version,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
    name: profile.name,
    description: profile.description,
    serverType: profile.serverType,
    authenticationType: profile.authenticationType,
    tenantId: profile.tenantId,
    applicationId: profile.applicationId,
    defaultServerLocation: profile.defaultServerLocation,
    useAutoDiscover: profile.useAutoDiscover,
    incomingServerLocation: profile.incomingServerLocation,
    outgoingServerLocation: profile.outgoingServerLocation,
    authenticateUsing: profile.authenticateUsing,
    incomingUserName: profile.incomingUserName,
    useSameSettingsForOutgoing: profile.useSameSettingsForOutgoing,
    outgoingUserName: profile.outgoingUserName,
    incomingAuthenticationProtocol: profile.incomingAuthenticationProtocol,
    outgoingAuthenticationProtocol: profile.outgoingAuthenticationProtocol,
    incomingPort: profile.incomingPort,
    outgoingPort: profile.outgoingPort,
    incomingUseSsl: profile.incomingUseSsl,
    outgoingUseSsl: profile.outgoingUseSsl,
    incomingUseImpersonation: profile.incomingUseImpersonation,
    outgoingUseImpersonation: profile.outgoingUseImpersonation,
    processEmailsReceivedAfter: profile.processEmailsReceivedAfter?.toISOString() ?? null,
    minPollingIntervalInMinutes: profile.minPollingIntervalInMinutes,
    maxConcurrentConnections: profile.maxConcurrentConnections,
    timeoutMailboxConnection: profile.timeoutMailboxConnection,
    timeoutMailboxConnectionAfterAmount: profile.timeoutMailboxConnectionAfterAmount,
    sendEmailAlert: profile.sendEmailAlert,
    moveUndeliveredEmails: profile.moveUndeliveredEmails,
  };
}

/** Wire → domain changes: secrets apart from settings, dates parsed; what was not sent stays absent. */
export function toServerProfileChanges(body: CreateServerProfileRequest | Omit<UpdateServerProfileRequest, 'version'>): ServerProfileChanges {
  const { isDefault, clientSecret, incomingPassword, outgoingPassword, processEmailsReceivedAfter, ...settings } = body;
  const sentSecrets = { clientSecret, incomingPassword, outgoingPassword };
  const secrets: ServerProfileSecretChanges = {};
  for (const secret of SERVER_PROFILE_SECRETS) {
    if (sentSecrets[secret] !== undefined) secrets[secret] = sentSecrets[secret];
  }
  return {
    settings: {
      ...settings,
      ...(processEmailsReceivedAfter === undefined
        ? {}
        : { processEmailsReceivedAfter: processEmailsReceivedAfter === null ? null : new Date(processEmailsReceivedAfter) }),
    },
    secrets,
    ...(isDefault === undefined ? {} : { isDefault }),
  };
}
