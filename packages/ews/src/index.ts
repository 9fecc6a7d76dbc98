export {
  createExchangeConnectivity,
  DEFAULT_REQUEST_CEILING_MS,
  type ExchangeConnectivity,
  type ExchangeConnectivityOptions,
} from './exchange-connectivity.ts';
export { createOutboundPolicy, type HostResolver, type OutboundPolicy, type OutboundPolicyOptions } from './outbound-policy.ts';
export type { AppRegistration } from './exchange-online-token.ts';
export type { SrvResolver } from './autodiscover.ts';
