import type { OutboundDestinationPolicy, RefusedDestination } from '@sync-admin/domain';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where the portal may connect on an admin's behalf. Server locations are typed by users, so a location that
 * resolves to this machine or the private network behind it is refused (SSRF), unless the operator lists its
 * host in EWS_ALLOWED_HOSTS; plain http is refused unless ALLOW_HTTP_SERVER_LOCATIONS=true.
 */
export interface OutboundPolicyOptions {
  /** Hosts the operator allows even when they resolve to a loopback, private or link-local address. */
  allowedHosts: readonly string[];
  allowHttp: boolean;
  /** Test seam: where `host:port` really is, like a hosts file with ports; null means the host does not exist. */
  resolveHost?: HostResolver;
}

export type HostResolver = (host: string, port: number) => { address: string; port: number } | null;

/** A destination the policy refuses, thrown from the socket's lookup so the refused address is never connected to. */
export class DestinationRefusedError extends Error {
  constructor(readonly refusal: RefusedDestination) {
    super(refusal.message);
  }
}

/** Address ranges that are not the public internet: this host, the private networks, link-local, multicast, reserved. */
const NOT_PUBLIC: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback'],
  ['10.0.0.0', 8, 'ipv4', 'a private'],
  ['172.16.0.0', 12, 'ipv4', 'a private'],
  ['192.168.0.0', 16, 'ipv4', 'a private'],
  ['100.64.0.0', 10, 'ipv4', 'a private (shared)'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved'],
  ['198.18.0.0', 15, 'ipv4', 'a reserved'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved'],
  ['::', 128, 'ipv6', 'an unspecified'],
  ['::1', 128, 'ipv6', 'a loopback'],
  ['fc00::', 7, 'ipv6', 'a private'],
  ['fe80::', 10, 'ipv6', 'a link-local'],
  ['fec0::', 10, 'ipv6', 'a private (site-local)'],
  ['ff00::', 8, 'ipv6', 'a multicast'],
];

const RANGES = NOT_PUBLIC.map(([network, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, kind };
});

/** IPv6 forms that carry an IPv4 address (NAT64, 6to4): the IPv4 inside is what is really reached. */
function embeddedIpv4(address: string): string | null {
  const nat64 = /^64:ff9b::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/i.exec(address);
  const match = nat64 ?? sixToFour;
  if (!match) return null;
  const high = parseInt(match[1] ?? '0', 16);
  const low = parseInt(match[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Why an address is not public ("a loopback", "a private" …), or null for a public address. */
export function nonPublicAddressKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'an invalid';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // BlockList matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 ranges itself.
  for (const { list, kind } of RANGES) if (list.check(address, type)) return kind;
  const inner = family === 6 ? embeddedIpv4(address) : null;
  return inner ? nonPublicAddressKind(inner) : null;
}

/** The URL's host as compared with EWS_ALLOWED_HOSTS: lower case, without IPv6 brackets or a trailing dot. */
export function normalizedHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

export function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
}

export interface OutboundPolicy extends OutboundDestinationPolicy {
  readonly options: OutboundPolicyOptions;
  /** Null when `url`'s scheme may carry credentials; InsecureChannel for plain http unless allowed. */
  checkScheme(url: URL, carriesCredentials: boolean): RefusedDestination | null;
  /** Refuses the addresses `host` resolved to that are not public, unless the host is allowed. */
  checkAddresses(host: string, addresses: readonly string[]): RefusedDestination | null;
  /** A `lookup` for net/tls.connect that resolves `host` and returns only addresses the policy accepts. */
  checkedLookup(host: string, onResolved: (addresses: string[]) => void): typeof dnsLookup;
}

export function createOutboundPolicy(options: OutboundPolicyOptions): OutboundPolicy {
  const allowed = new Set(options.allowedHosts.map(normalizedHost));

  function checkScheme(url: URL, carriesCredentials: boolean): RefusedDestination | null {
    if (url.protocol === 'https:') return null;
    if (url.protocol !== 'http:') {
      return { code: 'DestinationNotAllowed', message: `${url.protocol.replace(/:$/, '')}:// is not a web address; use an https:// server location.` };
    }
    if (options.allowHttp || !carriesCredentials) return null;
    return {
      code: 'InsecureChannel',
      message: `${url.origin} uses plain http, and credentials are never sent over plain http unless the deployment sets ALLOW_HTTP_SERVER_LOCATIONS=true. Use https://.`,
    };
  }

  function checkAddresses(host: string, addresses: readonly string[]): RefusedDestination | null {
    if (allowed.has(normalizedHost(host))) return null;
    for (const address of addresses) {
      const kind = nonPublicAddressKind(address);
      if (kind) {
        return {
          code: 'DestinationNotAllowed',
          message: `${normalizedHost(host)} resolves to ${address}, ${kind} address, which this portal does not connect to unless the host is listed in EWS_ALLOWED_HOSTS.`,
        };
      }
    }
    return null;
  }

  const checkedLookup: OutboundPolicy['checkedLookup'] = (host, onResolved) =>
    ((hostname: string, lookupOptions: { all?: boolean; family?: number }, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (error, found) => {
        if (error) return callback(error, []);
        onResolved(found.map((entry) => entry.address));
        // Any non-public answer refuses the host: a name that also points inside is not a public server.
        const refusal = checkAddresses(host, found.map((entry) => entry.address));
        if (refusal) return callback(Object.assign(new DestinationRefusedError(refusal), { code: 'EREFUSEDDESTINATION' }), []);
        if (lookupOptions.all) return callback(null, found);
        const first = found[0];
        if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        callback(null, first.address, first.family);
      });
    }) as unknown as typeof dnsLookup;

  return {
    options,
    checkScheme,
    checkAddresses,
    checkedLookup,
    async checkDestination(raw) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { code: 'DestinationNotAllowed', message: `${raw.slice(0, 200)} is not an absolute URL.` };
      }
      const schemeRefusal = checkScheme(url, true);
      if (schemeRefusal) return schemeRefusal;
      const host = normalizedHost(url.hostname);
      if (allowed.has(host)) return null;
      const addresses = await resolveAddresses(host, defaultPort(url), options.resolveHost);
      // A name that does not resolve is not refused here: the connection test reports it (HostNotFound).
      return addresses ? checkAddresses(host, addresses) : null;
    },
  };
}

/** The addresses a host resolves to: itself for an IP literal, the test seam, or DNS; null when it does not resolve. */
async function resolveAddresses(host: string, port: number, resolveHost: HostResolver | undefined): Promise<string[] | null> {
  if (isIP(host)) return [host];
  if (resolveHost) {
    const mapped = resolveHost(host, port);
    return mapped ? [mapped.address] : null;
  }
  return new Promise((resolve) => {
    dnsLookup(host, { all: true }, (error, found) => resolve(error ? null : found.map((entry) => entry.address)));
  });
}
