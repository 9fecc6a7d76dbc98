// @ewsjs/ntlm-client ships no types; these are the three functions it exports (lib/ntlm.js).
declare module '@ewsjs/ntlm-client' {
  export interface Type2Message {
    flags: number;
    encoding: 'ascii' | 'ucs2';
    version: 1 | 2;
    challenge: Buffer;
    targetName: string;
    targetInfo?: { parsed: Record<string, string>; buffer: Buffer };
  }
  /** A CommonJS module: Node's ESM loader sees only its default export. */
  const ntlmClient: {
    /** "NTLM <base64>" */
    createType1Message(workstation?: string, target?: string): string;
    /** Accepts "NTLM <base64>" or the bare base64. */
    decodeType2Message(message: string): Type2Message;
    /** "NTLM <base64>"; NTLMv2 when the Type2 negotiated it. */
    createType3Message(type2: Type2Message, username: string, password: string, workstation?: string, target?: string): string;
  };
  export default ntlmClient;
}
