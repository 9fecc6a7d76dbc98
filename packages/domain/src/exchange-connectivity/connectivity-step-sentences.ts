import type { ExchangeChannel } from './exchange-channel.ts';
import { label, labelledSentence, type LabelledMessage } from '../shared/sentence-labels.ts';
import type { PluralTemplate } from '../shared/sentence.ts';

/*
 * What a connectivity trace's steps say (decision 62), from `exchange-connectivity:stepTitle.<code>` and
 * `stepDetail.<code>`: each step's title as the Remote Connectivity Analyzer names its steps, and what it found.
 * Hosts, URLs, addresses, accounts, certificate names and EWS operation and folder names are params, kept as they
 * are in every language; a detail that is only such data (the addresses a name resolved to) has no sentence.
 */

export const CONNECTIVITY_STEP_TITLES = {
  READ_PROFILE: 'Read the email server profile',
  /** A channel's check: its label (Incoming Email, Outgoing Email, Appointments, Contacts, and Tasks). */
  CHANNEL: '{{channel}}',
  RESOLVE_HOST: 'Resolve {{host}}',
  CONNECT: 'Connect to {{target}}',
  TLS: 'TLS with {{host}}',
  TOKEN: 'Token from Microsoft Entra ID for application {{applicationId}}',
  AUTODISCOVER: 'Autodiscover for {{email}}',
  AUTODISCOVER_SOAP: 'GetUserSettings at {{url}}',
  AUTODISCOVER_REDIRECT_METHOD: 'Redirect method: GET {{url}}',
  AUTODISCOVER_SRV: 'SRV record {{name}}',
  EWS_URL_KNOWN: 'EWS URL found by Autodiscover earlier',
  OPEN_INBOX: 'Open the Inbox of {{mailbox}}',
  GET_FOLDER: 'GetFolder {{folder}} at {{url}}',
  SAVE_DRAFT: 'CreateItem (save a draft in Drafts) at {{url}}',
  DELETE_DRAFT: 'DeleteItem (hard delete the draft) at {{url}}',
} as const;

export const CONNECTIVITY_STEP_DETAILS = {
  CONNECTED: 'Connected to {{target}}.',
  TLS_VERIFIED: 'Subject {{subject}}; issuer {{issuer}}; valid {{validFrom}} to {{validTo}}; chain and name verified; {{protocol}}.',
  TLS_NOT_VERIFIED: 'Subject {{subject}}; issuer {{issuer}}; valid {{validFrom}} to {{validTo}}; not verified ({{reason}}); {{protocol}}.',
  TOKEN_REFUSED: 'Authority {{authority}}, scope {{scope}}.',
  TOKEN_NEW: 'Authority {{authority}} (tenant {{tenantId}}), scope {{scope}}; new token, valid until {{validUntil, datetime}}.',
  TOKEN_FROM_CACHE: 'Authority {{authority}} (tenant {{tenantId}}), scope {{scope}}; token from the cache, valid until {{validUntil, datetime}}.',
  /** Microsoft Entra ID's answer without an expiry. */
  TOKEN_NEW_UNDATED: 'Authority {{authority}} (tenant {{tenantId}}), scope {{scope}}; new token.',
  TOKEN_FROM_CACHE_UNDATED: 'Authority {{authority}} (tenant {{tenantId}}), scope {{scope}}; token from the cache.',
  EWS_URL_FOUND: 'EWS URL {{url}}',
  REDIRECTED_TO_ADDRESS: 'Redirected to the address {{address}}.',
  REDIRECTED_TO_URL: 'Redirected to {{url}}.',
  EWS_URL_KNOWN: '{{url}} (rediscovered if it stops working).',
  DRAFT_SAVED: 'Draft saved; nothing was sent.',
  DRAFT_DELETED: 'Draft deleted.',
  NOT_TRIED: 'Not tried: {{channel}} failed with the same server and credentials.',
  ACCESS_IMPERSONATE: '{{account}} acting as {{mailbox}} (impersonation).',
  ACCESS_DELEGATE: '{{account}} opening {{mailbox}} with its own rights (no impersonation).',
  ACCESS_OWN: '{{account}} in its own mailbox.',
  APP_ACCESS_IMPERSONATE: 'Application {{applicationId}} acting as {{mailbox}} (impersonation).',
  APP_ACCESS_OWN: 'Application {{applicationId}}, without a mailbox.',
  PLAN_AT_URL: 'EWS {{url}}; {{protocol}}.',
  PLAN_BY_AUTODISCOVER: 'EWS found by Autodiscover; {{protocol}}.',
  PLAN_OAUTH: 'EWS {{url}}; OAuth client credentials.',
  CREDENTIALS_PER_MAILBOX: 'The credentials come from each mailbox: test a mailbox that uses this profile.',
} as const;

/**
 * A profile's Test connection, in one line (decision 63): what it proved when it passed, or why it could not say; a
 * failure's line is what Exchange or Entra ID said, or the adapter's refusal, kept as it came.
 */
export const CONNECTION_TEST_RESULTS = {
  CONNECTED_OPENED_INBOX: 'Connected to {{url}} and opened the Inbox of {{mailbox}}.',
  CONNECTED_OPENED_INBOX_AS: 'Connected to {{url}} and opened the Inbox of {{mailbox}} as {{account}}.',
  CONNECTED_OPENED_INBOX_IMPERSONATING: 'Connected to {{url}} and opened the Inbox of {{mailbox}} as {{account}} (impersonation).',
  SIGNED_IN_OPENED_INBOX: 'Signed in to Microsoft Entra ID and opened the Inbox of {{mailbox}} at {{url}}.',
  SIGNED_IN_NO_MAILBOX: 'Signed in to Microsoft Entra ID; no mailbox was opened. Test a mailbox that uses this profile to check access to Exchange Online.',
  CREDENTIALS_PER_MAILBOX: CONNECTIVITY_STEP_DETAILS.CREDENTIALS_PER_MAILBOX,
} as const;

/** A Test connection's result line: its English, and the code and params a UI says it from. */
export const connectionTestResult = (code: keyof typeof CONNECTION_TEST_RESULTS, params?: Params): LabelledMessage =>
  labelledSentence(code, CONNECTION_TEST_RESULTS[code], params);

/** A sentence whose form follows its `count`, as i18next picks `<code>_one` or `<code>_other`. */
export const CONNECTIVITY_STEP_PLURAL_DETAILS = {
  FOLDER_ITEMS: { one: '{{folder}}: {{count, number}} item.', other: '{{folder}}: {{count, number}} items.' },
} as const satisfies Record<string, PluralTemplate>;

type Params = Record<string, string | number>;

/** A step's title: its English, and the code and params a UI says it from. */
export const stepTitle = (code: Exclude<keyof typeof CONNECTIVITY_STEP_TITLES, 'CHANNEL'>, params?: Params): LabelledMessage =>
  labelledSentence(code, CONNECTIVITY_STEP_TITLES[code], params);

/** A channel's step, titled by the channel's label. */
export const channelStepTitle = (channel: ExchangeChannel): LabelledMessage =>
  labelledSentence('CHANNEL', CONNECTIVITY_STEP_TITLES.CHANNEL, { channel: label('exchangeChannel', channel) });

/** What a step found, in a sentence. */
export function stepDetail(code: Exclude<keyof typeof CONNECTIVITY_STEP_DETAILS, 'NOT_TRIED'>, params?: Params): LabelledMessage;
export function stepDetail(code: keyof typeof CONNECTIVITY_STEP_PLURAL_DETAILS, params: Params & { count: number }): LabelledMessage;
export function stepDetail(code: string, params?: Params): LabelledMessage {
  const template = code in CONNECTIVITY_STEP_PLURAL_DETAILS
    ? CONNECTIVITY_STEP_PLURAL_DETAILS[code as keyof typeof CONNECTIVITY_STEP_PLURAL_DETAILS]
    : CONNECTIVITY_STEP_DETAILS[code as keyof typeof CONNECTIVITY_STEP_DETAILS];
  return labelledSentence(code, template, params);
}

/** A channel not tried because another with the same server and credentials failed: named by its label. */
export const notTriedDetail = (channel: ExchangeChannel): LabelledMessage =>
  labelledSentence('NOT_TRIED', CONNECTIVITY_STEP_DETAILS.NOT_TRIED, { channel: label('exchangeChannel', channel) });
