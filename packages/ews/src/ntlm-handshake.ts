// Ambient types for an untyped module: referenced here so every program compiling this file (the API's too) sees them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./types/ewsjs-ntlm-client.d.ts" />
import ntlmClient from '@ewsjs/ntlm-client';

// CommonJS: Node's ESM loader cannot see its named exports.
const { createType1Message, createType3Message, decodeType2Message } = ntlmClient;

/** The schemes a server can offer in WWW-Authenticate, as this portal names them. */
export type AuthScheme = 'basic' | 'ntlm' | 'negotiate' | 'kerberos' | 'bearer' | 'digest';

export interface AuthChallenge {
  scheme: AuthScheme;
  /** The base64 token that follows the scheme (NTLM's Type2), if any. */
  token: string | null;
}

const SCHEME_NAMES: Record<string, AuthScheme> = {
  basic: 'basic', ntlm: 'ntlm', negotiate: 'negotiate', kerberos: 'kerberos', bearer: 'bearer', digest: 'digest',
};
export const SCHEME_LABELS: Record<AuthScheme, string> = {
  basic: 'Basic', ntlm: 'NTLM', negotiate: 'Negotiate', kerberos: 'Kerberos', bearer: 'Bearer', digest: 'Digest',
};

/** Every challenge of a WWW-Authenticate value (several headers arrive joined with ", "). */
export function parseChallenges(header: string | undefined): AuthChallenge[] {
  if (!header) return [];
  const challenges: AuthChallenge[] = [];
  const pattern = /(?:^|,)\s*([A-Za-z]+)(?:\s+([A-Za-z0-9+/]+=*)(?=\s*(?:,|$)))?/g;
  for (const match of header.matchAll(pattern)) {
    const scheme = SCHEME_NAMES[(match[1] ?? '').toLowerCase()];
    if (scheme) challenges.push({ scheme, token: match[2] ?? null });
  }
  return challenges;
}

/** "CONTOSO\svc-sync" → domain CONTOSO (upper-cased, as Windows sends it) and user svc-sync; a UPN has no domain. */
export function splitAccountName(userName: string): { domain: string; user: string } {
  const slash = userName.indexOf('\\');
  return slash < 0 ? { domain: '', user: userName } : { domain: userName.slice(0, slash).toUpperCase(), user: userName.slice(slash + 1) };
}

/** NTLM Type1 (negotiate), base64, without the scheme: sent as "NTLM …" or inside "Negotiate …". */
export function ntlmNegotiateToken(): string {
  // No workstation name: the portal's host name is none of Exchange's business.
  return stripScheme(createType1Message(''));
}

/**
 * NTLM Type3 (authenticate) answering the server's Type2, base64 without the scheme. NTLMv2 whenever the server
 * negotiates it (every Exchange since 2010 does); the NTLMv2 proof is keyed by the upper-cased user and the domain.
 */
export function ntlmAuthenticateToken(type2Token: string, userName: string, password: string): string {
  const type2 = decodeType2Message(type2Token);
  const { domain, user } = splitAccountName(userName);
  if (type2.version === 2 && !type2.targetInfo) {
    throw new Error('The server\'s NTLM challenge asks for NTLMv2 but carries no target information.');
  }
  return stripScheme(createType3Message(type2, user, password, '', domain));
}

/** Whether a base64 token is an NTLMSSP message (what the portal puts inside Negotiate). */
export function isNtlmToken(token: string): boolean {
  return Buffer.from(token, 'base64').subarray(0, 8).toString('latin1') === 'NTLMSSP\0';
}

function stripScheme(message: string): string {
  return message.replace(/^NTLM\s+/, '');
}
