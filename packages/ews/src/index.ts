export { createEwsConnectionProbe, type EwsConnectionProbeOptions } from './ews-connection-probe.ts';
export type { AppRegistration } from './exchange-online-token.ts';
export { createExchangeConnectivity, createOutboundPolicy, type ExchangeConnectivityOptions } from './interim-connectivity.ts';
