import { connect as netConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, createSecureContext, rootCertificates, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import { NetworkFailure, socketFailure, tlsVerificationCode } from './network-failure.ts';
import { defaultPort, DestinationRefusedError, normalizedHost, type OutboundPolicy } from './outbound-policy.ts';

/** What opening a connection found, for the trace: the steps Microsoft's Remote Connectivity Analyzer lists. */
export interface ConnectionDetails {
  host: string;
  port: number;
  /** The addresses DNS answered (or the literal address); empty when resolution failed. */
  addresses: string[];
  remoteAddress: string | null;
  openedAt: Date;
  resolveMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  tls: TlsDetails | null;
}

export interface TlsDetails {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Whether the chain verified against the trusted authorities and the certificate names the host. */
  verified: boolean;
  verificationError: string | null;
  protocol: string | null;
}

/** The phase of opening a connection that failed, with what had been found so far. */
export class ConnectFailure extends Error {
  constructor(
    readonly phase: 'dns' | 'connect' | 'tls',
    readonly failure: NetworkFailure,
    readonly details: ConnectionDetails,
  ) {
    super(failure.message);
  }
}

/** One kept-alive connection, with how it was opened and whether NTLM authenticated it (NTLM binds to the socket). */
export interface PooledSocket {
  socket: Socket;
  key: string;
  details: ConnectionDetails;
  authenticatedAs: string | null;
  /** Requests sent on it so far: a reset on a reused socket is usually the server closing an idle connection. */
  uses: number;
  isDead: boolean;
}

export interface ConnectionPoolOptions {
  policy: OutboundPolicy;
  /** Test seam: one extra CA (PEM). Production trusts the default store, where NODE_EXTRA_CA_CERTS lives. */
  trustedCa?: string;
  clock: () => Date;
  idleTimeoutMs?: number;
  maxIdlePerKey?: number;
  maxIdle?: number;
}

/**
 * Keep-alive connections per credential and origin (a profile's mailboxes share them), handed out one at a
 * time through leases: a mailbox check holds at most one connection, and NTLM's Type1 and Type3 travel on the
 * same socket because nothing else can take it in between. Not http.Agent: an agent hands a freed socket to
 * whichever request waits, which breaks the NTLM handshake, and it hides the TLS facts the trace shows.
 */
export class ConnectionPool {
  private readonly idle = new Map<string, PooledSocket[]>();
  /** Every idle connection, oldest first: with mailbox credentials each mailbox has its own, so the total is capped. */
  private readonly idleOrder = new Set<PooledSocket>();
  private readonly idleTimeoutMs: number;
  private readonly maxIdlePerKey: number;
  private readonly maxIdle: number;
  /** Built once: a context with the roots and the extra CA costs tens of milliseconds to make. */
  private readonly secureContext: SecureContext | undefined;

  constructor(private readonly options: ConnectionPoolOptions) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    this.maxIdlePerKey = options.maxIdlePerKey ?? 64;
    this.maxIdle = options.maxIdle ?? 512;
    // Passing `ca` replaces the default store (where NODE_EXTRA_CA_CERTS lives), so it is only for the test seam.
    this.secureContext = options.trustedCa ? createSecureContext({ ca: [...rootCertificates, options.trustedCa] }) : undefined;
  }

  lease(): ConnectionLease {
    return new ConnectionLease(this);
  }

  /** Destroys every idle connection (shutdown, tests). */
  close(): void {
    for (const pooled of this.idleOrder) pooled.socket.destroy();
    this.idle.clear();
    this.idleOrder.clear();
  }

  takeIdle(key: string): PooledSocket | null {
    const sockets = this.idle.get(key);
    while (sockets && sockets.length > 0) {
      const pooled = sockets.pop();
      if (pooled) this.idleOrder.delete(pooled);
      if (!pooled || pooled.isDead || pooled.socket.destroyed) continue;
      pooled.socket.setTimeout(0);
      pooled.socket.ref();
      return pooled;
    }
    return null;
  }

  putIdle(pooled: PooledSocket): void {
    if (pooled.isDead || pooled.socket.destroyed) return;
    const sockets = this.idle.get(pooled.key) ?? [];
    if (sockets.length >= this.maxIdlePerKey) {
      pooled.socket.destroy();
      return;
    }
    const oldest = this.idleOrder.size >= this.maxIdle ? this.idleOrder.values().next().value : undefined;
    if (oldest) {
      this.forget(oldest);
      oldest.socket.destroy();
    }
    sockets.push(pooled);
    this.idle.set(pooled.key, sockets);
    this.idleOrder.add(pooled);
    // Idle connections never keep the process alive, and close themselves after a while (see open()).
    pooled.socket.unref();
    pooled.socket.setTimeout(this.idleTimeoutMs);
  }

  forget(pooled: PooledSocket): void {
    this.idleOrder.delete(pooled);
    const sockets = this.idle.get(pooled.key);
    const index = sockets?.indexOf(pooled) ?? -1;
    if (sockets && index >= 0) sockets.splice(index, 1);
    if (sockets?.length === 0) this.idle.delete(pooled.key);
  }

  /** Opens a connection to url's origin, checking every resolved address against the policy, and verifying TLS itself. */
  async open(url: URL, key: string, timeoutMs: number): Promise<PooledSocket> {
    const { policy, clock } = this.options;
    const host = normalizedHost(url.hostname);
    const port = defaultPort(url);
    const where = `${host}:${port}`;
    const details: ConnectionDetails = {
      host, port, addresses: [], remoteAddress: null, openedAt: clock(), resolveMs: null, connectMs: null, tlsMs: null, tls: null,
    };
    const started = performance.now();
    let connectHost = host;
    let connectPort = port;
    const resolveHost = policy.options.resolveHost;
    if (resolveHost && !isIP(host)) {
      const mapped = resolveHost(host, port);
      if (!mapped) throw new ConnectFailure('dns', socketFailure(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), where), details);
      connectHost = mapped.address;
      connectPort = mapped.port;
    }
    if (isIP(connectHost)) {
      // net.connect does not look up literal addresses, so the policy checks them here.
      details.addresses = [connectHost];
      details.resolveMs = 0;
      const refusal = policy.checkAddresses(host, [connectHost]);
      // A literal address is refused at connect; a name at the resolution that led to the address.
      if (refusal) throw new ConnectFailure(isIP(host) ? 'connect' : 'dns', new NetworkFailure(refusal.code, refusal.message), details);
    }

    const socket: Socket = netConnect({
      host: connectHost,
      port: connectPort,
      ...(isIP(connectHost) ? {} : {
        lookup: policy.checkedLookup(host, (addresses) => {
          details.addresses = addresses;
          details.resolveMs = performance.now() - started;
        }),
      }),
    });
    const pooled: PooledSocket = { socket, key, details, authenticatedAs: null, uses: 0, isDead: false };
    // A connection can fail between requests too: mark it, so it is never reused, instead of crashing on 'error'.
    socket.on('error', () => (pooled.isDead = true));
    socket.on('close', () => {
      pooled.isDead = true;
      this.forget(pooled);
    });

    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    const failureOf = (error: unknown) =>
      timedOut ? new NetworkFailure('Timeout', `${where} did not complete the connection within ${formatSeconds(timeoutMs)}.`) : asNetworkFailure(error, where);
    try {
      await waitFor(socket, 'connect');
      // Requests are small and written in pieces: no Nagle delay waiting for an ACK.
      socket.setNoDelay(true);
      details.remoteAddress = socket.remoteAddress ?? null;
      details.connectMs = performance.now() - started - (details.resolveMs ?? 0);
      if (url.protocol === 'https:') {
        const tlsStarted = performance.now();
        const secure = tlsConnect({
          socket,
          ...(isIP(host) ? {} : { servername: host }),
          // Verification is done below, so a refused certificate can still be described (subject, issuer, expiry).
          rejectUnauthorized: false,
          ...(this.secureContext ? { secureContext: this.secureContext } : {}),
        });
        secure.on('error', () => (pooled.isDead = true));
        try {
          await waitFor(secure, 'secureConnect');
        } catch (error) {
          throw new ConnectFailure('tls', failureOf(error), details);
        }
        details.tlsMs = performance.now() - tlsStarted;
        details.tls = describeCertificate(secure, host);
        if (!details.tls.verified) {
          secure.destroy();
          const code = tlsVerificationCode(details.tls.verificationError ?? '');
          throw new ConnectFailure('tls', new NetworkFailure(code, tlsFailureSentence(code, where, details.tls)), details);
        }
        pooled.socket = secure;
        secure.on('close', () => {
          pooled.isDead = true;
          this.forget(pooled);
        });
      }
      // Only idle connections have a socket timeout (putIdle sets it, takeIdle clears it).
      pooled.socket.on('timeout', () => pooled.socket.destroy());
      return pooled;
    } catch (error) {
      socket.destroy();
      if (error instanceof ConnectFailure) throw error;
      const phase = error instanceof DestinationRefusedError || details.resolveMs === null ? 'dns' : 'connect';
      throw new ConnectFailure(phase, failureOf(error), details);
    } finally {
      clearTimeout(deadline);
    }
  }
}

/** A mailbox check's hold on the pool: one connection at a time, given back (kept alive) when the check ends. */
export class ConnectionLease {
  private current: PooledSocket | null = null;

  constructor(private readonly pool: ConnectionPool) {}

  /** The connection for key (credential and origin): the one held, an idle one, or a new one. */
  async acquire(url: URL, key: string, timeoutMs: number): Promise<PooledSocket> {
    const held = this.current;
    if (held && held.key === key && !held.isDead && !held.socket.destroyed) return held;
    this.release();
    this.current = this.pool.takeIdle(key) ?? (await this.pool.open(url, key, timeoutMs));
    return this.current;
  }

  /** The held connection cannot be used again (the server closed it, a request failed on it). */
  discard(pooled: PooledSocket): void {
    pooled.isDead = true;
    pooled.socket.destroy();
    if (this.current === pooled) this.current = null;
  }

  release(): void {
    if (this.current) this.pool.putIdle(this.current);
    this.current = null;
  }
}

function waitFor(emitter: Socket | TLSSocket, event: 'connect' | 'secureConnect'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      emitter.off(event, onDone);
      reject(error);
    };
    const onClose = () => onError(Object.assign(new Error('socket closed'), { code: 'ECONNRESET' }));
    const onDone = () => {
      emitter.off('error', onError);
      emitter.off('close', onClose);
      resolve();
    };
    emitter.once(event, onDone);
    emitter.once('error', onError);
    emitter.once('close', onClose);
  });
}

function asNetworkFailure(error: unknown, where: string): NetworkFailure {
  if (error instanceof NetworkFailure) return error;
  if (error instanceof DestinationRefusedError) return new NetworkFailure(error.refusal.code, error.refusal.message);
  return socketFailure(error as NodeJS.ErrnoException, where);
}

export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function describeCertificate(socket: TLSSocket, host: string): TlsDetails {
  const cert: PeerCertificate | null = socket.getPeerCertificate();
  const hasCert = cert !== null && Object.keys(cert).length > 0;
  let verificationError = socket.authorized ? null : String(socket.authorizationError ?? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  if (!verificationError && hasCert) {
    const identityError = checkServerIdentity(host, cert) as (Error & { code?: string }) | undefined;
    if (identityError) verificationError = identityError.code ?? 'ERR_TLS_CERT_ALTNAME_INVALID';
  }
  if (!hasCert) verificationError = verificationError ?? 'NO_PEER_CERTIFICATE';
  return {
    subject: hasCert ? distinguishedName(cert.subject) : '',
    issuer: hasCert ? distinguishedName(cert.issuer) : '',
    validFrom: hasCert ? cert.valid_from : '',
    validTo: hasCert ? cert.valid_to : '',
    verified: verificationError === null,
    verificationError,
    protocol: socket.getProtocol() ?? null,
  };
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function tlsFailureSentence(code: string, where: string, tls: TlsDetails): string {
  const certificate = `certificate "${tls.subject}" issued by "${tls.issuer}", valid until ${tls.validTo}`;
  switch (code) {
    case 'TlsCertificateExpired':
      return `The TLS certificate of ${where} is expired or not yet valid (${certificate}).`;
    case 'TlsCertificateNameMismatch':
      return `The TLS certificate of ${where} does not name ${where.replace(/:\d+$/, '')} (${certificate}).`;
    case 'TlsCertificateUntrusted':
      return `The TLS certificate of ${where} is not signed by a trusted authority (${tls.verificationError}; ${certificate}).`;
    default:
      return `The TLS certificate of ${where} was refused (${tls.verificationError}; ${certificate}).`;
  }
}
