import { DEMO_PASSWORD } from '../../src/seed/demo-data.ts';

/** A signed-in demo account talking to a portal process over real HTTP (scale-out and crash tests, benchmarks). */
export interface PortalClient {
  /** The session cookie and CSRF token every later request sends. */
  headers: Record<string, string>;
  // The callers read only what they check; the API's own response schemas hold the rest.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, url: string, body?: unknown): Promise<{ status: number; json: () => Promise<any> }>;
}

export async function signInTo(base: string, email = 'global.admin@contoso.example'): Promise<PortalClient> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await response.json() as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    headers,
    async call(method, url, body) {
      const answer = await fetch(`${base}${url}`, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: answer.status, json: () => answer.json() };
    },
  };
}

/** Polls until `probe` gives a value; fails after `timeoutMs` saying what it waited for. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
