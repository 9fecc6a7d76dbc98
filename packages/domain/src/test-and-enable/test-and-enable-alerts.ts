import type { NewAlert } from '../alerts/alert.repository.port.ts';
import type { AlertSeverity } from '../alerts/alert.ts';
import type { EmailSettings } from '../email-settings/email-settings.ts';
import { EXCHANGE_CHANNELS, type ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';
import type { PluralTemplate } from '../shared/sentence.ts';
import { exchangeErrorDetail, exchangeErrorTitle, label, labelledSentence, labelledSentenceOf, labelList, type LabelledMessage, type LabelParam } from '../shared/sentence-labels.ts';
import type { DetectedOutage } from './outage.ts';
import type { AttemptDecision, RetrySettings } from './retry-policy.ts';

/**
 * The alerts an attempt leaves (seed 000): an error on the Alerts wall of the mailbox and of the profile
 * owner; a warning when the system will try again later; an alert to the mailbox owner when the
 * configuration completes. Email settings decide which severities are recorded and whether the mailbox
 * owner is told about errors too ("Notify mailbox owner").
 */
export interface AlertedMailbox {
  id: string;
  name: string;
  environmentId: string;
  serverProfileId: string | null;
}

const ALERT_SWITCH: Record<AlertSeverity, keyof Pick<EmailSettings, 'alertOnErrors' | 'alertOnWarnings' | 'alertOnInformation'>> = {
  error: 'alertOnErrors',
  warning: 'alertOnWarnings',
  information: 'alertOnInformation',
};

/**
 * Every sentence an alert of a Test & Enable run says, one per code (decision 58); the web says them from
 * `alerts:sentence.<code>`, whose English is this table's. What Exchange or the network said (`exchangeMessage`) and
 * the names of mailboxes and profiles are data, shown as they are; channels, error titles and meanings and outage
 * families are labels, said in the user's language; times are instants, written in the user's time zone.
 */
export const ALERT_SENTENCES = {
  CHANNELS_FAILED: '{{channels}} failed for the mailbox {{mailbox}}: {{title}}. {{exchangeMessage}} The mailbox has been disabled for {{channels}} and the owner of the email server profile has been notified.',
  CHANNELS_FAILED_AFTER_ATTEMPTS: '{{channels}} failed for the mailbox {{mailbox}} after {{attempts, number}} attempts: {{title}}. {{exchangeMessage}} The mailbox has been disabled for {{channels}} and the owner of the email server profile has been notified.',
  CHANNELS_RETRYING: '{{channels}} could not be tested for the mailbox {{mailbox}}: {{exchangeMessage}} The system will try again later (attempt {{attempt, number}} of {{attempts, number}}; next attempt at {{nextAttemptAt, datetime}}).',
  OUTAGE_HELD: 'More than half of the mailboxes of the email server profile {{profile}} tested in the last hour failed: {{failed, number}} of {{tested, number}} ({{family}}). Their tests are held and retried together; no mailbox is disabled for it. Next check at {{nextCheckAt, datetime}}.',
} as const;

/** The alert sentences whose form follows a count: i18next keys them `<code>_one` and `<code>_other`. */
export const ALERT_PLURAL_SENTENCES = {
  // Counted by the channels enabled.
  CONFIGURATION_COMPLETED: {
    one: 'The email configuration of the mailbox {{mailbox}} completed successfully: {{channels}} is enabled for server-side synchronization.',
    other: 'The email configuration of the mailbox {{mailbox}} completed successfully: {{channels}} are enabled for server-side synchronization.',
  },
  OUTAGE_RESUMED: {
    one: 'Exchange answers again for the email server profile {{profile}}: {{count, number}} held mailbox test resumed.',
    other: 'Exchange answers again for the email server profile {{profile}}: {{count, number}} held mailbox tests resumed.',
  },
} as const satisfies Record<string, PluralTemplate>;

type AlertSentenceParams = Record<string, string | number | LabelParam>;

const say = (code: keyof typeof ALERT_SENTENCES, params: AlertSentenceParams) => labelledSentence(code, ALERT_SENTENCES[code], params);
const sayCounted = (code: keyof typeof ALERT_PLURAL_SENTENCES, params: AlertSentenceParams & { count: number }) =>
  labelledSentence(code, ALERT_PLURAL_SENTENCES[code], params);

/** An alert's English text and the coded sentence it says. */
const worded = (sentence: LabelledMessage) => ({ message: sentence.message, sentence: labelledSentenceOf(sentence) });

const channelList = (channels: readonly ExchangeChannel[]): LabelParam =>
  channels.length === 1 ? label('exchangeChannel', channels[0]!) : labelList('exchangeChannel', channels, 'and');

export function buildAttemptAlerts(input: {
  decision: AttemptDecision;
  mailbox: AlertedMailbox;
  attempt: number;
  retry: RetrySettings;
  emailSettings: EmailSettings;
  now: Date;
}): NewAlert[] {
  const { decision, mailbox, attempt, retry, emailSettings, now } = input;
  const alerts: NewAlert[] = [];
  const add = (severity: AlertSeverity, code: string | null, sentence: LabelledMessage, toMailboxOwner: boolean) => {
    if (!emailSettings[ALERT_SWITCH[severity]]) return;
    alerts.push({ environmentId: mailbox.environmentId, mailboxId: mailbox.id, serverProfileId: mailbox.serverProfileId, severity, code, ...worded(sentence), toMailboxOwner, createdAt: now });
  };

  // One alert per error code, naming every channel it disabled.
  const failedByCode = new Map<string, { channels: ExchangeChannel[]; message: string; becamePermanent: boolean }>();
  for (const channel of EXCHANGE_CHANNELS) {
    const verdict = decision.channels[channel];
    if (verdict.verdict !== 'failed') continue;
    const group = failedByCode.get(verdict.error.code) ?? { channels: [], message: verdict.error.message, becamePermanent: verdict.becamePermanent };
    group.channels.push(channel);
    failedByCode.set(verdict.error.code, group);
  }
  for (const [code, group] of failedByCode) {
    const params = { channels: channelList(group.channels), mailbox: mailbox.name, title: exchangeErrorTitle(code), exchangeMessage: exchangeErrorDetail(code, group.message) };
    const sentence = group.becamePermanent ? say('CHANNELS_FAILED_AFTER_ATTEMPTS', { ...params, attempts: attempt }) : say('CHANNELS_FAILED', params);
    add('error', code, sentence, emailSettings.notifyMailboxOwner);
  }

  if (decision.itemState === 'retrying' && decision.nextAttemptAt) {
    const first = decision.channels[decision.retryChannels[0]!];
    const code = first.verdict === 'retry' ? first.error.code : null;
    const message = first.verdict === 'retry' ? exchangeErrorDetail(first.error.code, first.error.message) : '';
    add('warning', code, say('CHANNELS_RETRYING', {
      channels: channelList(decision.retryChannels), mailbox: mailbox.name, exchangeMessage: message,
      attempt, attempts: retry.transientRetryLimit, nextAttemptAt: decision.nextAttemptAt.toISOString(),
    }), emailSettings.notifyMailboxOwner);
  }

  const passed = EXCHANGE_CHANNELS.filter((channel) => decision.channels[channel].verdict === 'passed');
  // Nothing tested (the delivery methods changed since the run started) is no configuration to announce.
  if (decision.itemState === 'succeeded' && passed.length > 0) {
    add('information', null, sayCounted('CONFIGURATION_COMPLETED', { mailbox: mailbox.name, channels: channelList(passed), count: passed.length }), true);
  }
  return alerts;
}

/** The one alert a profile owner gets when an outage holds the profile's work, and the one when it resumes. */
export function buildOutageAlert(input: {
  environmentId: string; serverProfileId: string; profileName: string; outage: DetectedOutage; nextProbeAt: Date; now: Date;
}): NewAlert {
  const { outage } = input;
  return {
    environmentId: input.environmentId, mailboxId: null, serverProfileId: input.serverProfileId, severity: 'error',
    code: 'ExchangeOutage', toMailboxOwner: false, createdAt: input.now,
    ...worded(say('OUTAGE_HELD', {
      profile: input.profileName, failed: outage.failedMailboxes, tested: outage.testedMailboxes,
      family: label('outageFamily', outage.family), nextCheckAt: input.nextProbeAt.toISOString(),
    })),
  };
}

export function buildOutageResumedAlert(input: { environmentId: string; serverProfileId: string; profileName: string; resumed: number; now: Date }): NewAlert {
  return {
    environmentId: input.environmentId, mailboxId: null, serverProfileId: input.serverProfileId, severity: 'information',
    code: null, toMailboxOwner: false, createdAt: input.now,
    ...worded(sayCounted('OUTAGE_RESUMED', { profile: input.profileName, count: input.resumed })),
  };
}
