// INTERIM (replaced by the EWS adapter branch before main): just enough to run the job engine end to end.
import type { MailboxConnectivityCheck, OutboundDestinationPolicy, ServerProfileConnectionProbe, ExchangeChannel, ChannelCheckResult } from '@sync-admin/domain';
import { EXCHANGE_CHANNELS } from '@sync-admin/domain';
import { WebCredentials } from 'ews-javascript-api';
import { createEwsConnectionProbe, type EwsConnectionProbeOptions } from './ews-connection-probe.ts';
import { openInbox } from './open-inbox.ts';

export interface ExchangeConnectivityOptions extends EwsConnectionProbeOptions {
  allowedHosts: string[];
  allowHttp: boolean;
  requestCeilingMs?: number;
}

export function createExchangeConnectivity(options: ExchangeConnectivityOptions): ServerProfileConnectionProbe & MailboxConnectivityCheck {
  const probe = createEwsConnectionProbe(options);
  return {
    async testConnection(target) {
      return { ...(await probe.testConnection(target)), errorCode: null, trace: null };
    },
    async checkMailbox(target) {
      const startedAt = new Date();
      const url = target.settings.incomingServerLocation ?? '';
      const inbox = await openInbox({
        url, credentials: new WebCredentials(target.settings.incomingUserName ?? '', target.secrets.incomingPassword ?? ''),
        impersonate: target.settings.incomingUseImpersonation ? target.mailbox.emailAddress : null, autodiscoverAddress: null,
        timeoutMs: 5000, trustedCa: options.trustedCa,
      });
      const result: ChannelCheckResult = inbox.ok ? { outcome: 'success', error: null, note: null }
        : { outcome: 'failure', error: { code: 'HTTP401', errorClass: inbox.message.includes('refused') ? 'transient' : 'permanent', message: inbox.message, backOffMs: null, httpStatus: null }, note: null };
      const channels = Object.fromEntries(EXCHANGE_CHANNELS.map((c: ExchangeChannel) => [c, target.channels.includes(c) ? result : { outcome: 'notTested', error: null, note: null }])) as Record<ExchangeChannel, ChannelCheckResult>;
      return { channels, trace: { startedAt, durationMs: Date.now() - startedAt.getTime(), steps: [] }, discoveredEwsUrl: null };
    },
  };
}

export function createOutboundPolicy(_options: { allowedHosts: string[]; allowHttp: boolean }): OutboundDestinationPolicy {
  return { checkDestination: async () => null };
}
