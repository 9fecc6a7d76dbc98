import type { NewAlert } from '../alerts/alert.repository.port.ts';
import type { AlertSeverity } from '../alerts/alert.ts';
import type { EmailSettings } from '../email-settings/email-settings.ts';
import { EXCHANGE_CHANNEL_LABELS, EXCHANGE_CHANNELS, type ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';
import { exchangeErrorDefinition } from '../exchange-connectivity/exchange-error-catalog.ts';
import { OUTAGE_FAMILY_LABELS } from '../exchange-connectivity/outage-family.ts';
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

function listChannels(channels: readonly ExchangeChannel[]): string {
  const labels = channels.map((channel) => EXCHANGE_CHANNEL_LABELS[channel]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

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
  const add = (severity: AlertSeverity, code: string | null, message: string, toMailboxOwner: boolean) => {
    if (!emailSettings[ALERT_SWITCH[severity]]) return;
    alerts.push({ environmentId: mailbox.environmentId, mailboxId: mailbox.id, serverProfileId: mailbox.serverProfileId, severity, code, message, toMailboxOwner, createdAt: now });
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
    const title = exchangeErrorDefinition(code).title;
    const after = group.becamePermanent ? ` after ${attempt} attempts` : '';
    add('error', code,
      `${listChannels(group.channels)} failed for the mailbox ${mailbox.name}${after}: ${title}. ${group.message} The mailbox has been disabled for ${listChannels(group.channels)} and the owner of the email server profile has been notified.`,
      emailSettings.notifyMailboxOwner);
  }

  if (decision.itemState === 'retrying' && decision.nextAttemptAt) {
    const first = decision.channels[decision.retryChannels[0]!];
    const code = first.verdict === 'retry' ? first.error.code : null;
    const message = first.verdict === 'retry' ? first.error.message : '';
    add('warning', code,
      `${listChannels(decision.retryChannels)} could not be tested for the mailbox ${mailbox.name}: ${message} The system will try again later (attempt ${attempt} of ${retry.transientRetryLimit}; next attempt at ${formatTime(decision.nextAttemptAt)}).`,
      emailSettings.notifyMailboxOwner);
  }

  const passed = EXCHANGE_CHANNELS.filter((channel) => decision.channels[channel].verdict === 'passed');
  // Nothing tested (the delivery methods changed since the run started) is no configuration to announce.
  if (decision.itemState === 'succeeded' && passed.length > 0) {
    add('information', null,
      `The email configuration of the mailbox ${mailbox.name} completed successfully: ${listChannels(passed)} ${passed.length === 1 ? 'is' : 'are'} enabled for server-side synchronization.`,
      true);
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
    message: `More than half of the mailboxes of the email server profile ${input.profileName} tested in the last hour failed: ${outage.failedMailboxes} of ${outage.testedMailboxes} (${OUTAGE_FAMILY_LABELS[outage.family]}). Their tests are held and retried together; no mailbox is disabled for it. Next check at ${formatTime(input.nextProbeAt)}.`,
  };
}

export function buildOutageResumedAlert(input: { environmentId: string; serverProfileId: string; profileName: string; resumed: number; now: Date }): NewAlert {
  return {
    environmentId: input.environmentId, mailboxId: null, serverProfileId: input.serverProfileId, severity: 'information',
    code: null, toMailboxOwner: false, createdAt: input.now,
    message: `Exchange answers again for the email server profile ${input.profileName}: ${input.resumed} held mailbox test${input.resumed === 1 ? '' : 's'} resumed.`,
  };
}
