// Ambient types for an untyped module: referenced here so every program compiling this file sees them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/js-md4.d.ts" />
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import md4 from 'js-md4';

/**
 * The server side of NTLM, enough to check a client for real: a Type2 challenge that asks for NTLMv2, and the
 * NTLMv2 proof of the Type3 checked against the password (MS-NLMP 3.3.2). Node 20's crypto has no MD4, hence js-md4.
 */
const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');

const FLAGS = {
  unicode: 0x1,
  requestTarget: 0x4,
  ntlm: 0x200,
  alwaysSign: 0x8000,
  targetTypeDomain: 0x10000,
  extendedSessionSecurity: 0x80000,
  targetInfo: 0x800000,
};

export interface NtlmChallenge {
  /** Base64 Type2 message, to send as "NTLM …" or "Negotiate …". */
  token: string;
  serverChallenge: Buffer;
}

export interface NtlmAuthenticate {
  domain: string;
  user: string;
  workstation: string;
  ntResponse: Buffer;
}

/** 1, 2 or 3 for an NTLMSSP message, null for anything else (a Kerberos token, garbage). */
export function ntlmMessageType(token: string): 1 | 2 | 3 | null {
  const bytes = Buffer.from(token, 'base64');
  if (bytes.length < 12 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  const type = bytes.readUInt32LE(8);
  return type === 1 || type === 2 || type === 3 ? type : null;
}

export function createNtlmChallenge(netbiosDomain: string, dnsDomain: string, server: string): NtlmChallenge {
  const serverChallenge = randomBytes(8);
  const targetName = Buffer.from(netbiosDomain, 'utf16le');
  const avPair = (id: number, value: string) => {
    const data = Buffer.from(value, 'utf16le');
    const header = Buffer.alloc(4);
    header.writeUInt16LE(id, 0);
    header.writeUInt16LE(data.length, 2);
    return Buffer.concat([header, data]);
  };
  const targetInfo = Buffer.concat([
    avPair(2, netbiosDomain), avPair(1, server), avPair(4, dnsDomain), avPair(3, `${server.toLowerCase()}.${dnsDomain}`), Buffer.alloc(4),
  ]);
  const header = Buffer.alloc(48);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(48, 16);
  header.writeUInt32LE(Object.values(FLAGS).reduce((all, flag) => all | flag, 0) >>> 0, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(48 + targetName.length, 44);
  return { token: Buffer.concat([header, targetName, targetInfo]).toString('base64'), serverChallenge };
}

export function parseNtlmAuthenticate(token: string): NtlmAuthenticate | null {
  const bytes = Buffer.from(token, 'base64');
  if (ntlmMessageType(token) !== 3 || bytes.length < 52) return null;
  const field = (at: number) => {
    const length = bytes.readUInt16LE(at);
    const offset = bytes.readUInt32LE(at + 4);
    return offset + length <= bytes.length ? bytes.subarray(offset, offset + length) : Buffer.alloc(0);
  };
  const isUnicode = (bytes.length >= 64 ? bytes.readUInt32LE(60) : FLAGS.unicode) & FLAGS.unicode;
  const text = (buffer: Buffer) => buffer.toString(isUnicode ? 'utf16le' : 'latin1');
  return { ntResponse: field(20), domain: text(field(28)), user: text(field(36)), workstation: text(field(44)) };
}

/**
 * NTOWFv2 = HMAC_MD5(MD4(UTF16LE(password)), UTF16LE(UPPER(user) + domain));
 * NTProofStr = HMAC_MD5(NTOWFv2, serverChallenge ‖ blob), the first 16 bytes of the NTLMv2 response.
 * An NTLMv1 response (24 bytes) is refused: Exchange servers require NTLMv2.
 */
export function verifyNtlmV2(authenticate: NtlmAuthenticate, password: string, serverChallenge: Buffer): boolean {
  const { ntResponse } = authenticate;
  if (ntResponse.length <= 24) return false;
  const ntHash = Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
  const ntowfv2 = createHmac('md5', ntHash).update(Buffer.from(authenticate.user.toUpperCase() + authenticate.domain, 'utf16le')).digest();
  const blob = ntResponse.subarray(16);
  const expected = createHmac('md5', ntowfv2).update(Buffer.concat([serverChallenge, blob])).digest();
  return timingSafeEqual(expected, ntResponse.subarray(0, 16));
}
