import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { NetworkError, sendHttpRequest } from './http-request.ts';

/**
 * MSAL's HTTP client, so a caller can trust an extra certificate authority (a private Entra-compatible
 * endpoint, or the local token endpoint the tests run) and every call is bounded by the profile's timeout.
 * The last network failure is kept because MSAL reports it only as a generic error code.
 */
export class HttpsNetworkClient implements INetworkModule {
  lastNetworkFailure: string | null = null;

  constructor(private readonly options: { ca?: string; timeoutMs: number }) {}

  sendGetRequestAsync<T>(url: string, init?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, init);
  }

  sendPostRequestAsync<T>(url: string, init?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, init);
  }

  private async send<T>(method: string, url: string, init: NetworkRequestOptions = {}): Promise<NetworkResponse<T>> {
    try {
      const response = await sendHttpRequest(url, { method, headers: init.headers, body: init.body, ...this.options });
      let body: unknown;
      try {
        body = response.text === '' ? {} : JSON.parse(response.text);
      } catch {
        body = { error: 'invalid_response', error_description: `${url} answered HTTP ${response.status} with non-JSON content.` };
      }
      return { status: response.status, headers: response.headers, body: body as T };
    } catch (error) {
      if (error instanceof NetworkError) this.lastNetworkFailure = `Could not reach ${new URL(url).origin}: ${error.message}`;
      throw error;
    }
  }
}
