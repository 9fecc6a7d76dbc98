import type { IXHRApi, IXHROptions } from 'ews-javascript-api';
import { NetworkError, sendHttpRequest } from './http-request.ts';

/** What went wrong below SOAP, kept so the probe can tell an admin "unreachable" or "401" precisely. */
export type TransportFailure = { kind: 'unreachable'; reason: string } | { kind: 'http'; status: number };

/** The library types this as the DOM's XMLHttpRequest; only the members built in toXhr are read. */
type XhrResult = Awaited<ReturnType<IXHRApi['xhr']>>;

/**
 * The HTTP layer ews-javascript-api calls. Its default (@ewsjs/xhr) ignores ExchangeService.Timeout
 * (the library leaves `request.Timeout` as a todo) and reports network errors as untyped objects,
 * so this one bounds each request by the profile's timeout and remembers the last low-level failure.
 */
export class EwsTransport implements IXHRApi {
  readonly apiName = 'node-http';
  lastFailure: TransportFailure | null = null;

  constructor(private readonly options: { timeoutMs: number; ca?: string }) {}

  async xhr(options: IXHROptions): Promise<XhrResult> {
    // The library asks for gzip; the body is small and node:http would not inflate it for us.
    const headers = { ...(options.headers as Record<string, string> | undefined) };
    delete headers['Accept-Encoding'];
    let response;
    try {
      response = await sendHttpRequest(options.url, { method: options.type ?? 'POST', headers, body: options.data as string | undefined, ...this.options });
    } catch (error) {
      const reason = error instanceof NetworkError ? error.message : String(error);
      this.lastFailure = { kind: 'unreachable', reason };
      throw toXhr(0, reason, '', {}, reason);
    }
    const xhr = toXhr(response.status, response.statusText, response.text, response.headers);
    if (response.status === 200) return xhr;
    this.lastFailure = { kind: 'http', status: response.status };
    // Like @ewsjs/xhr: anything but 200 rejects, and the library turns 500s into SOAP faults.
    throw xhr;
  }

  xhrStream(): Promise<XhrResult> {
    return Promise.reject(new Error('Streaming notifications are not used by the connection probe.'));
  }

  disconnect(): void {}
}

function toXhr(status: number, statusText: string, responseText: string, headers: Record<string, string>, message?: string): XhrResult {
  return {
    status,
    statusText,
    responseText,
    headers,
    message,
    getResponseHeader: (name: string) => headers[name.toLowerCase()] ?? null,
    getAllResponseHeaders: () => Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n'),
  } as unknown as XhrResult;
}
