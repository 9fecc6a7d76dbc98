import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  text: string;
}

/** A network failure below HTTP, already phrased for an admin ("connection refused", "no answer within 5 seconds"). */
export class NetworkError extends Error {}

/**
 * One HTTP exchange on node:http(s), shared by the EWS and the Entra ID clients. Not fetch: fetch refuses
 * some ports outright ("bad port") and cannot trust an extra certificate authority, which on-premises
 * Exchange servers and private token endpoints need (`ca`). The whole exchange is bounded by timeoutMs.
 */
export function sendHttpRequest(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string; ca?: string; timeoutMs: number },
): Promise<HttpResponse> {
  const request = new URL(url).protocol === 'http:' ? httpRequest : httpsRequest;
  // `ca` replaces Node's trusted roots, so the public ones are kept alongside the extra authority.
  const ca = init.ca ? [...rootCertificates, init.ca] : undefined;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers, ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => fail(error));
      res.on('end', () => {
        clearTimeout(timer);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const fail = (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      req.destroy();
      reject(new NetworkError(describeSocketError(error, init.timeoutMs)));
    };
    const timer = setTimeout(() => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), init.timeoutMs);
    req.on('error', fail);
    req.end(init.body);
  });
}

function describeSocketError(error: NodeJS.ErrnoException, timeoutMs: number): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the server name could not be resolved (DNS)';
    case 'ETIMEDOUT':
      return `no answer within ${timeoutMs / 1000} second${timeoutMs === 1000 ? '' : 's'}`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the server's TLS certificate is not trusted (${error.message})`;
    default:
      return error.message;
  }
}
