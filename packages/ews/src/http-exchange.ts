import { request as httpRequest } from 'node:http';
import { formatSeconds, type ConnectionDetails, type ConnectionLease, type PooledSocket } from './connection-pool.ts';
import { NetworkFailure, socketFailure } from './network-failure.ts';
import { normalizedHost } from './outbound-policy.ts';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** The whole exchange (connection included) is bounded by this. */
  timeoutMs: number;
  /** Connections are reused only under the same key (credential and origin). */
  connectionKey: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Header names in lower case; repeated headers joined with ", " (WWW-Authenticate offers stay readable). */
  headers: Record<string, string>;
  body: string;
}

export interface SentRequest {
  response: HttpResponse;
  pooled: PooledSocket;
  /** Set when this request opened a new connection: what DNS, connect and TLS found. */
  opened: ConnectionDetails | null;
}

/** Bodies an EWS check reads are a few kilobytes; anything far larger is not an Exchange answer. */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/**
 * One HTTP exchange on the lease's connection. Retried once on a fresh connection when a reused one turns out
 * to have been closed by the server while idle (the usual keep-alive race); never retried otherwise. `pinned`
 * demands that very connection (NTLM's Type3 must follow its Type1 on the same socket).
 */
export async function sendHttpRequest(lease: ConnectionLease, request: HttpRequest, pinned?: PooledSocket): Promise<SentRequest> {
  const deadline = performance.now() + request.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const pooled = await lease.acquire(request.url, request.connectionKey, Math.max(1, deadline - performance.now()));
    if (pinned && pooled !== pinned) {
      throw new NetworkFailure('ConnectionReset', `${request.url.host} closed the connection in the middle of the NTLM handshake.`);
    }
    const isNew = pooled.uses === 0;
    try {
      const response = await sendOn(pooled, request, Math.max(1, deadline - performance.now()), request.timeoutMs);
      if (/\bclose\b/i.test(response.headers.connection ?? '')) lease.discard(pooled);
      return { response, pooled, opened: isNew ? pooled.details : null };
    } catch (error) {
      lease.discard(pooled);
      const staleReuse = !isNew && !pinned && attempt === 0 && error instanceof StaleConnection;
      if (!staleReuse) throw error instanceof StaleConnection ? error.failure : error;
    }
  }
}

/** A reset before any byte of the answer: on a reused connection, the server had closed it while it was idle. */
class StaleConnection extends Error {
  constructor(readonly failure: NetworkFailure) {
    super(failure.message);
  }
}

function sendOn(pooled: PooledSocket, request: HttpRequest, remainingMs: number, timeoutMs: number): Promise<HttpResponse> {
  const { url } = request;
  const where = `${normalizedHost(url.hostname)}:${pooled.details.port}`;
  pooled.uses += 1;
  return new Promise((resolve, reject) => {
    let answered = false;
    let timedOut = false;
    const req = httpRequest(
      {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: {
          ...request.headers,
          Host: url.host,
          Connection: 'keep-alive',
          ...(request.method === 'POST' ? { 'Content-Length': String(Buffer.byteLength(request.body)) } : {}),
        },
        createConnection: () => pooled.socket,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy();
            reject(new NetworkFailure('InvalidExchangeResponse', `${where} sent an answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB, which is not an EWS answer.`, res.statusCode ?? null));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (error) => fail(error));
        res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
        res.on('end', () => {
          clearTimeout(timer);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    const fail = (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      req.destroy();
      if (timedOut) {
        reject(new NetworkFailure('Timeout', `${where} did not answer within ${formatSeconds(timeoutMs)}.`));
        return;
      }
      const failure = error instanceof NetworkFailure ? error : socketFailure(error, where);
      const isReset = failure.code === 'ConnectionReset';
      reject(!answered && isReset && pooled.uses > 1 ? new StaleConnection(failure) : failure);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    }, remainingMs);
    req.on('error', fail);
    req.end(request.method === 'POST' ? request.body : undefined);
  });
}
