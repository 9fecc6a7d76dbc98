import {
  AUTHENTICATE_USING_OPTIONS,
  AUTHENTICATION_PROTOCOLS,
  EXCHANGE_ONLINE_AUTHENTICATION_TYPES,
  OUTAGE_FAMILIES,
  SERVER_TYPES,
  TEST_STATUSES,
} from '@sync-admin/domain';
import { z } from 'zod/mini';
import { labelledSentenceSchema } from './errors.ts';
import { connectivityTraceSchema } from './exchange-connectivity.ts';
import { isoDateTime, recordVersion, text } from './primitives.ts';

const optionalText = z.nullable(text());

/** The editable settings, shaped for the wire: dates travel as ISO 8601 strings. */
export const serverProfileSettingsSchema = z.object({
  name: text(),
  description: text(),
  serverType: z.enum(SERVER_TYPES),
  authenticationType: z.nullable(z.enum(EXCHANGE_ONLINE_AUTHENTICATION_TYPES)),
  tenantId: optionalText,
  applicationId: optionalText,
  defaultServerLocation: optionalText,
  useAutoDiscover: z.boolean(),
  incomingServerLocation: optionalText,
  outgoingServerLocation: optionalText,
  authenticateUsing: z.nullable(z.enum(AUTHENTICATE_USING_OPTIONS)),
  incomingUserName: optionalText,
  useSameSettingsForOutgoing: z.boolean(),
  outgoingUserName: optionalText,
  incomingAuthenticationProtocol: z.enum(AUTHENTICATION_PROTOCOLS),
  outgoingAuthenticationProtocol: z.enum(AUTHENTICATION_PROTOCOLS),
  incomingPort: z.number(),
  outgoingPort: z.number(),
  incomingUseSsl: z.boolean(),
  outgoingUseSsl: z.boolean(),
  incomingUseImpersonation: z.boolean(),
  outgoingUseImpersonation: z.boolean(),
  processEmailsReceivedAfter: z.nullable(isoDateTime()),
  minPollingIntervalInMinutes: z.number(),
  maxConcurrentConnections: z.number(),
  timeoutMailboxConnection: z.boolean(),
  timeoutMailboxConnectionAfterAmount: z.number(),
  sendEmailAlert: z.boolean(),
  moveUndeliveredEmails: z.boolean(),
});
export type ServerProfileSettingsWire = z.infer<typeof serverProfileSettingsSchema>;

/** A new value sets the secret, null clears it, leaving it out keeps what is stored. */
const secretChange = z.optional(z.nullable(text().check(z.maxLength(1024, 'Secrets can be at most 1024 characters.'))));

const writeFields = z.extend(z.partial(serverProfileSettingsSchema), {
  isDefault: z.optional(z.boolean()),
  clientSecret: secretChange,
  incomingPassword: secretChange,
  outgoingPassword: secretChange,
});

/** Create: the server type is required; every other setting falls back to the new-profile defaults. */
export const createServerProfileRequestSchema = z.strictObject({ ...writeFields.shape, serverType: serverProfileSettingsSchema.shape.serverType });
export type CreateServerProfileRequest = z.infer<typeof createServerProfileRequestSchema>;

/** Update: only the fields sent change; nothing unsent is lost. */
export const updateServerProfileRequestSchema = z.strictObject({ ...writeFields.shape, version: recordVersion() });
export type UpdateServerProfileRequest = z.infer<typeof updateServerProfileRequestSchema>;

export const serverProfileResponseSchema = z.extend(serverProfileSettingsSchema, {
  id: text(),
  environmentId: text(),
  ownerId: text(),
  ownerName: text(),
  isActive: z.boolean(),
  isDefault: z.boolean(),
  /** Secrets are write-only: the API only ever says whether each one is set. */
  secretsSet: z.object({ clientSecret: z.boolean(), incomingPassword: z.boolean(), outgoingPassword: z.boolean() }),
  lastTest: z.nullable(z.object({
    status: z.enum(TEST_STATUSES), startedAt: text(), durationMs: z.number(), message: text(),
    /** The code and params of `message` when it is the portal's own sentence (decision 63); null for what Exchange said. */
    sentence: z.nullable(labelledSentenceSchema),
    errorCode: z.nullable(text()), trace: z.nullable(connectivityTraceSchema),
  })),
  /** Set while an outage holds the profile's Test & Enable work (more than half of its mailboxes failed in an hour). */
  testAndEnableHold: z.nullable(z.object({ family: z.enum(OUTAGE_FAMILIES), heldAt: text() })),
  /** Send it back with a change (optimistic concurrency). */
  version: z.number(),
  createdAt: text(),
  updatedAt: text(),
});
export type ServerProfileResponse = z.infer<typeof serverProfileResponseSchema>;

export const serverProfileListQuerySchema = z.object({
  view: z._default(z.enum(['active', 'inactive', 'all']), 'active'),
});
export type ServerProfileListQuery = z.infer<typeof serverProfileListQuerySchema>;

export const serverProfileListResponseSchema = z.object({ items: z.array(serverProfileResponseSchema) });
export type ServerProfileListResponse = z.infer<typeof serverProfileListResponseSchema>;

export const serverProfileParamsSchema = z.object({
  environmentId: z.uuid('environmentId must be a UUID.'),
  profileId: z.uuid('profileId must be a UUID.'),
});
