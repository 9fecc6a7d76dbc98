import { createExchangeConnectivity, type ExchangeConnectivity } from './exchange-connectivity.ts';
import type { AppRegistration } from './exchange-online-token.ts';

export {
  createExchangeConnectivity,
  DEFAULT_REQUEST_CEILING_MS,
  type ExchangeConnectivity,
  type ExchangeConnectivityOptions,
} from './exchange-connectivity.ts';
export { createOutboundPolicy, type HostResolver, type OutboundPolicy, type OutboundPolicyOptions } from './outbound-policy.ts';
export type { AppRegistration } from './exchange-online-token.ts';
export type { SrvResolver } from './autodiscover.ts';

/**
 * The API's current wiring (`createEwsConnectionProbe({ s2s })`), kept so the workspace builds until it passes
 * EWS_ALLOWED_HOSTS and ALLOW_HTTP_SERVER_LOCATIONS to createExchangeConnectivity; then delete this.
 * Secure defaults meanwhile: no private destination allowed, https only.
 */
export function createEwsConnectionProbe(options: { s2s: AppRegistration | null }): ExchangeConnectivity {
  return createExchangeConnectivity({ s2s: options.s2s, allowedHosts: [], allowHttp: false });
}
