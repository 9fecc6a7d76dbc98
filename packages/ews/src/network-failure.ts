import type { ExchangeErrorCode } from '@sync-admin/domain';

/**
 * A failure below HTTP or a refusal of this portal's own (policy, authentication protocol), already as a
 * catalog code and a sentence for the admin. Socket errors reach ews-javascript-api only as text, so the
 * transport keeps them here, typed, for the classifier.
 */
export class NetworkFailure extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED', 'INVALID_CA', 'CERT_CHAIN_TOO_LONG', 'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE', 'CERT_REJECTED',
]);
const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** A certificate verification code (tls authorizationError) as the catalog names it. */
export function tlsVerificationCode(code: string): ExchangeErrorCode {
  if (TLS_EXPIRED.has(code)) return 'TlsCertificateExpired';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'TlsCertificateNameMismatch';
  return TLS_UNTRUSTED.has(code) ? 'TlsCertificateUntrusted' : 'TlsHandshakeFailed';
}

/** A Node socket error on the way to `where` (host:port), as a catalog code and a plain sentence. */
export function socketFailure(error: NodeJS.ErrnoException, where: string): NetworkFailure {
  switch (error.code) {
    case 'ECONNREFUSED':
      return new NetworkFailure('ConnectionRefused', `${where} refused the connection (nothing accepts connections on that port).`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return new NetworkFailure('ConnectionReset', `${where} closed the connection before answering.`);
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return new NetworkFailure('HostNotFound', `The server name in ${where} could not be resolved in DNS.`);
    case 'EAI_AGAIN':
      return new NetworkFailure('DnsTemporaryFailure', `DNS did not answer for ${where}; try again later.`);
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
      return new NetworkFailure('NetworkUnreachable', `There is no network route to ${where}.`);
    case 'ETIMEDOUT':
      return new NetworkFailure('Timeout', `${where} did not accept the connection in time.`);
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return new NetworkFailure('TlsHandshakeFailed', `The TLS handshake with ${where} failed: the port does not speak TLS (https), or no protocol version is shared.`);
    default:
      if (error.code && (TLS_UNTRUSTED.has(error.code) || TLS_EXPIRED.has(error.code))) {
        return new NetworkFailure(tlsVerificationCode(error.code), `The TLS certificate of ${where} was refused (${error.code}).`);
      }
      if (/ssl|tls/i.test(`${error.code ?? ''} ${error.message}`)) {
        return new NetworkFailure('TlsHandshakeFailed', `The TLS handshake with ${where} failed (${error.code ?? 'TLS error'}).`);
      }
      return new NetworkFailure('ConnectionReset', `The connection to ${where} failed (${error.code ?? 'network error'}).`);
  }
}
