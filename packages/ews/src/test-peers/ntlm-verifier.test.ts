import { describe, expect, it } from 'vitest';
import { ntlmAuthenticateToken, ntlmNegotiateToken } from '../ntlm-handshake.ts';
import { createNtlmChallenge, ntlmMessageType, parseNtlmAuthenticate, verifyNtlmV2 } from './ntlm-verifier.ts';

const PASSWORD = 'Pa55-w0rd-never-shown';

describe('the test server\'s NTLM verifier', () => {
  it('accepts the client\'s NTLMv2 proof for the right password, and reads domain and user', () => {
    expect(ntlmMessageType(ntlmNegotiateToken())).toBe(1);
    const challenge = createNtlmChallenge('CONTOSO', 'contoso.com', 'EXCH01');
    expect(ntlmMessageType(challenge.token)).toBe(2);
    const authenticate = parseNtlmAuthenticate(ntlmAuthenticateToken(challenge.token, 'CONTOSO\\svc-sync', PASSWORD));
    expect(authenticate).toMatchObject({ domain: 'CONTOSO', user: 'svc-sync', workstation: '' });
    expect(authenticate && verifyNtlmV2(authenticate, PASSWORD, challenge.serverChallenge)).toBe(true);
  });

  it('refuses a wrong password, another challenge, and another user name', () => {
    const challenge = createNtlmChallenge('CONTOSO', 'contoso.com', 'EXCH01');
    const authenticate = parseNtlmAuthenticate(ntlmAuthenticateToken(challenge.token, 'CONTOSO\\svc-sync', PASSWORD));
    if (!authenticate) throw new Error('no Type3');
    expect(verifyNtlmV2(authenticate, 'wrong-password', challenge.serverChallenge)).toBe(false);
    expect(verifyNtlmV2(authenticate, PASSWORD, createNtlmChallenge('CONTOSO', 'contoso.com', 'EXCH01').serverChallenge)).toBe(false);
    expect(verifyNtlmV2({ ...authenticate, user: 'someone-else' }, PASSWORD, challenge.serverChallenge)).toBe(false);
  });

  it('refuses an NTLMv1 response (24 bytes), as Exchange servers do', () => {
    const challenge = createNtlmChallenge('CONTOSO', 'contoso.com', 'EXCH01');
    const authenticate = parseNtlmAuthenticate(ntlmAuthenticateToken(challenge.token, 'CONTOSO\\svc-sync', PASSWORD));
    if (!authenticate) throw new Error('no Type3');
    expect(verifyNtlmV2({ ...authenticate, ntResponse: authenticate.ntResponse.subarray(0, 24) }, PASSWORD, challenge.serverChallenge)).toBe(false);
  });

  it('knows a UPN has no domain', () => {
    const challenge = createNtlmChallenge('CONTOSO', 'contoso.com', 'EXCH01');
    const authenticate = parseNtlmAuthenticate(ntlmAuthenticateToken(challenge.token, 'svc-sync@contoso.com', PASSWORD));
    expect(authenticate).toMatchObject({ domain: '', user: 'svc-sync@contoso.com' });
    expect(authenticate && verifyNtlmV2(authenticate, PASSWORD, challenge.serverChallenge)).toBe(true);
  });

  it('is not fooled by something that is not NTLM', () => {
    expect(ntlmMessageType(Buffer.from('a Kerberos ticket, say').toString('base64'))).toBeNull();
    expect(parseNtlmAuthenticate(ntlmNegotiateToken())).toBeNull();
  });
});
