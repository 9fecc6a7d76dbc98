// js-md4 ships no types; the test peer's NTLM verifier uses only this (Node 20's crypto has no MD4).
declare module 'js-md4' {
  interface Md4 {
    update(message: ArrayBuffer | Uint8Array | string): Md4;
    arrayBuffer(): ArrayBuffer;
  }
  const md4: { create(): Md4; arrayBuffer(message: ArrayBuffer | Uint8Array | string): ArrayBuffer };
  export default md4;
}
