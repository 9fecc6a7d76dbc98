/**
 * Where the portal may connect on an admin's behalf (server locations are typed by users: SSRF). The ews
 * package implements it by resolving the host and refusing loopback, private and link-local addresses unless
 * the operator allows the host, and plain http unless the deployment allows it.
 */
export interface RefusedDestination {
  code: 'DestinationNotAllowed' | 'InsecureChannel';
  message: string;
}

export interface OutboundDestinationPolicy {
  /** Null when the portal may connect to `url`; otherwise why not, in words for the admin. */
  checkDestination(url: string): Promise<RefusedDestination | null>;
  /** For a host already resolved (by another resolver): null when the portal may connect to these addresses. */
  checkAddresses(host: string, addresses: readonly string[]): RefusedDestination | null;
}
