import {
  AUTODISCOVER_PREFIX,
  AUTODISCOVER_SRV_PREFIX,
  type CertificateObservation,
  type DnsAnswer,
  type DnsHealthProbe,
  type DomainDnsObservation,
  type OutboundDestinationPolicy,
} from '@sync-admin/domain';
import { Resolver } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate, type TLSSocket } from 'node:tls';

export interface DnsHealthProbeOptions {
  /** DNS_SERVERS: ip[:port] entries; empty means the system's resolvers. */
  servers: readonly string[];
  /** The portal's outbound rules (EWS_ALLOWED_HOSTS): the TLS check connects only where the EWS adapter would. */
  outbound: Pick<OutboundDestinationPolicy, 'checkAddresses'>;
  /** One DNS try, and the whole TLS handshake, give up after this long. */
  timeoutMs?: number;
  /** Test seam: the port the autodiscover host's https is reached on (production: 443). */
  tlsPort?: number;
  /** Test seam: one extra CA (PEM) to trust beside the default store. */
  trustedCa?: string;
}

/** Answers that say the name or the record type does not exist (NXDOMAIN, NODATA), as opposed to no answer. */
const NOTHING_THERE = new Set(['ENODATA', 'ENOTFOUND']);

/** DNS and Autodiscover health over node:dns (servers of DNS_SERVERS, or the system's) and node:tls. */
export function createDnsHealthProbe(options: DnsHealthProbeOptions): DnsHealthProbe {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (options.servers.length > 0) resolver.setServers([...options.servers]);
  const ca = options.trustedCa ? [...rootCertificates, options.trustedCa] : undefined;

  return {
    async observeDomain(domain) {
      const host = `${AUTODISCOVER_PREFIX}${domain}`;
      const [autodiscoverCname, ipv4, ipv6, autodiscoverSrv, mx, txt] = await Promise.all([
        answer(() => resolver.resolveCname(host)),
        answer(() => resolver.resolve4(host)),
        answer(() => resolver.resolve6(host)),
        answer(async () => (await resolver.resolveSrv(`${AUTODISCOVER_SRV_PREFIX}${domain}`)).map(({ name, port, priority, weight }) => ({ target: name, port, priority, weight }))),
        answer(() => resolver.resolveMx(domain)),
        answer(async () => (await resolver.resolveTxt(domain)).map((chunks) => chunks.join(''))),
      ]);
      const autodiscoverAddresses = mergeAnswers(ipv4, ipv6);
      const certificate = autodiscoverAddresses.status === 'found'
        ? await observeCertificate(host, autodiscoverAddresses.records)
        : { status: 'notChecked' as const };
      return { domain, autodiscoverCname, autodiscoverAddresses, autodiscoverSrv, mx, txt, certificate } satisfies DomainDnsObservation;
    },
  };

  async function observeCertificate(host: string, addresses: string[]): Promise<CertificateObservation> {
    // The same rule as for server locations: a host that points inside this network is not connected to.
    const refusal = options.outbound.checkAddresses(host, addresses);
    if (refusal) return { status: 'refused', message: refusal.message };
    const address = addresses.find((candidate) => isIPv4(candidate)) ?? addresses[0] ?? host;
    return new Promise((resolve) => {
      let socket: TLSSocket | null = null;
      const finish = (observation: CertificateObservation) => {
        socket?.destroy();
        resolve(observation);
      };
      socket = connect({
        host: address, port: options.tlsPort ?? 443, servername: host, ca, timeout: timeoutMs,
        // Read the certificate whatever it is: the chain and the name are judged apart, as data.
        rejectUnauthorized: false, checkServerIdentity: () => undefined,
      });
      socket.once('secureConnect', () => {
        const tls = socket as TLSSocket;
        const peer = tls.getPeerCertificate();
        if (!peer || !peer.valid_to) return finish({ status: 'unreachable', address, message: 'the server presented no certificate' });
        finish({
          status: 'presented', address,
          subject: first(peer.subject?.CN), issuer: first(peer.issuer?.O) ?? first(peer.issuer?.CN),
          altNames: altNamesOf(peer), validTo: new Date(peer.valid_to),
          isChainTrusted: tls.authorized, chainError: tls.authorized ? null : String(tls.authorizationError ?? 'unknown'),
          matchesHost: checkServerIdentity(host, peer) === undefined,
        });
      });
      socket.once('timeout', () => finish({ status: 'unreachable', address, message: `no TLS handshake within ${timeoutMs / 1000} s` }));
      socket.once('error', (error: NodeJS.ErrnoException) => finish({ status: 'unreachable', address, message: error.code ? `${error.code} (${error.message})` : error.message }));
    });
  }
}

async function answer<T>(lookup: () => Promise<T[]>): Promise<DnsAnswer<T>> {
  try {
    const records = await lookup();
    return records.length > 0 ? { status: 'found', records } : { status: 'none' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (NOTHING_THERE.has(code)) return { status: 'none' };
    return { status: 'error', message: (error as Error).message };
  }
}

/** A and AAAA as one answer: found if either has addresses; no answer only when neither says anything. */
function mergeAnswers(ipv4: DnsAnswer<string>, ipv6: DnsAnswer<string>): DnsAnswer<string> {
  const records = [ipv4, ipv6].flatMap((part) => (part.status === 'found' ? part.records : []));
  if (records.length > 0) return { status: 'found', records };
  if (ipv4.status === 'error') return ipv4;
  if (ipv6.status === 'error') return ipv6;
  return { status: 'none' };
}

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** "DNS:a.contoso.com, IP Address:52.96.0.1" → the names. */
function altNamesOf(peer: PeerCertificate): string[] {
  return (peer.subjectaltname ?? '').split(',').map((entry) => entry.trim().replace(/^(DNS|IP Address):/, '')).filter(Boolean);
}
