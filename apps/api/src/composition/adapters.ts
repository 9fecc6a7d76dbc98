import type { Database } from '@sync-admin/db';
import { createDnsHealthProbe } from '@sync-admin/dns';
import { createExchangeConnectivity, createOutboundPolicy, type ExchangeConnectivityOptions } from '@sync-admin/ews';
import { startJobEngine } from '@sync-admin/jobs';
import { createSmtpNotifier } from '@sync-admin/notifications';
import type { Config } from '../config.ts';
import type { Adapters } from './services.ts';

export interface Log {
  error(object: unknown, message: string): void;
  warn(object: unknown, message: string): void;
  info(object: unknown, message: string): void;
}

/** Options tests (and the demo) add to reach their own peers on localhost: an extra CA (for Domain health too), host mappings. */
export type ConnectivityTestSeams = Partial<Omit<ExchangeConnectivityOptions, 's2s' | 'allowedHosts' | 'allowHttp' | 'requestCeilingMs'>> & {
  /** The port Domain health's certificate check reaches autodiscover hosts on (production: 443). */
  autodiscoverTlsPort?: number;
};

/** The adapters, configured from the environment: EWS and Entra ID, the outbound policy, DNS, SMTP, pg-boss. */
export async function startAdapters(config: Config, db: Database, log: Log, { autodiscoverTlsPort, ...seams }: ConnectivityTestSeams = {}): Promise<Adapters> {
  const s2s = config.S2S_TENANT_ID && config.S2S_APPLICATION_ID && config.S2S_CLIENT_SECRET
    ? { tenantId: config.S2S_TENANT_ID, applicationId: config.S2S_APPLICATION_ID, clientSecret: config.S2S_CLIENT_SECRET }
    : null;
  const outboundOptions = { allowedHosts: config.EWS_ALLOWED_HOSTS, allowHttp: config.ALLOW_HTTP_SERVER_LOCATIONS };
  const outbound = createOutboundPolicy(outboundOptions);
  return {
    connectivity: createExchangeConnectivity({
      ...seams, s2s, ...outboundOptions, requestCeilingMs: config.EXCHANGE_REQUEST_CEILING_SECONDS * 1000,
      onUnexpectedError: (error) => log.error({ err: error }, 'an Exchange connectivity check failed unexpectedly'),
    }),
    outbound,
    dnsHealth: createDnsHealthProbe({ servers: config.DNS_SERVERS, outbound, tlsPort: autodiscoverTlsPort, trustedCa: seams.trustedCa }),
    notifier: createSmtpNotifier({
      url: config.SMTP_URL ?? null, from: config.SMTP_FROM,
      onError: (error) => log.warn({ err: error }, 'could not send an alert email'),
    }),
    jobs: await startJobEngine({
      executeSql: db.executeSql,
      maintenanceIntervalSeconds: config.JOB_MAINTENANCE_INTERVAL_SECONDS,
      onError: (error) => log.error({ err: error }, 'job engine error'),
    }),
  };
}
