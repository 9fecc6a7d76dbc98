import type { MailboxSettings, MailboxType } from '../mailboxes/mailbox.ts';
import type { ServerProfileSecrets } from '../server-profiles/server-profile-connection.port.ts';
import type { ServerProfileSettings } from '../server-profiles/server-profile.ts';
import type { LabelledSentence } from '../shared/sentence-labels.ts';
import type { ExchangeChannel } from './exchange-channel.ts';
import type { ExchangeErrorClass } from './exchange-error-class.ts';

/** One failure, as the portal keeps and shows it: never a remote body verbatim, never a secret. */
export interface ExchangeError {
  /** A code of EXCHANGE_ERROR_CATALOG (its help page explains it). */
  code: string;
  errorClass: ExchangeErrorClass;
  /** The exact error text (Exchange's MessageText, the socket error, the AADSTS sentence), sanitised and bounded. */
  message: string;
  /** Exchange's BackOffMilliseconds when it throttled the request. */
  backOffMs: number | null;
  httpStatus: number | null;
}

export const CONNECTIVITY_STEP_KINDS = ['configuration', 'dns', 'connect', 'tls', 'token', 'autodiscover', 'ews'] as const;
export type ConnectivityStepKind = (typeof CONNECTIVITY_STEP_KINDS)[number];

export const CONNECTIVITY_STEP_OUTCOMES = ['success', 'warning', 'failure', 'skipped'] as const;
export type ConnectivityStepOutcome = (typeof CONNECTIVITY_STEP_OUTCOMES)[number];

/**
 * One step of a connectivity check, as Microsoft's Remote Connectivity Analyzer lists them: resolve the host,
 * connect, TLS, token, each Autodiscover URL, each EWS call; with its children (the calls of a channel).
 */
export interface ConnectivityStep {
  kind: ConnectivityStepKind;
  /** The English title, and (absent from traces kept before decision 62) its code and params. */
  title: string;
  titleSentence?: LabelledSentence;
  outcome: ConnectivityStepOutcome;
  startedAt: Date;
  durationMs: number;
  /** What was found: addresses, the certificate's subject, issuer and expiry, the authority and tenant, the URL. */
  detail: string | null;
  /** The detail's code and params, where it is a sentence rather than data alone (decision 62). */
  detailSentence?: LabelledSentence;
  error: ExchangeError | null;
  /** A failed protocol step's request and response, with Authorization headers and every secret removed. */
  exchange: { request: string; response: string | null } | null;
  steps: ConnectivityStep[];
}

export interface ConnectivityTrace {
  startedAt: Date;
  durationMs: number;
  steps: ConnectivityStep[];
}

export const CHANNEL_CHECK_OUTCOMES = ['success', 'failure', 'notTested'] as const;
export type ChannelCheckOutcome = (typeof CHANNEL_CHECK_OUTCOMES)[number];

export interface ChannelCheckResult {
  outcome: ChannelCheckOutcome;
  error: ExchangeError | null;
  /** Why a channel was not tested (e.g. its delivery method is not server-side synchronization). */
  note: string | null;
}

export interface MailboxConnectivityResult {
  channels: Record<ExchangeChannel, ChannelCheckResult>;
  trace: ConnectivityTrace;
  /** The EWS URL Autodiscover found for the mailbox; null when Autodiscover was not used or found nothing. */
  discoveredEwsUrl: string | null;
}

/** What a connectivity check of one mailbox needs: its profile (secrets decrypted) and the mailbox itself. */
export interface MailboxConnectivityTarget {
  settings: ServerProfileSettings;
  secrets: ServerProfileSecrets;
  mailbox: Pick<MailboxSettings, 'emailAddress' | 'allowCredentialsForEmailProcessing' | 'userName'> & {
    type: MailboxType;
    /** The mailbox's own password, decrypted, for "Credentials Specified by a User or Queue". */
    password: string | null;
  };
  /** An EWS URL Autodiscover found earlier: used first, rediscovered when it stops working. */
  knownEwsUrl: string | null;
  /** The channels to check; the others come back notTested. */
  channels: ExchangeChannel[];
}

/**
 * Checks one mailbox against Exchange without sending mail: Incoming binds the Inbox; Outgoing saves a draft
 * and hard-deletes it; Appointments, Contacts, and Tasks bind Calendar, Contacts and Tasks. The ews package
 * implements it. It never throws for a failed check: failures are results, per channel, with the trace.
 */
export interface MailboxConnectivityCheck {
  checkMailbox(target: MailboxConnectivityTarget): Promise<MailboxConnectivityResult>;
}
