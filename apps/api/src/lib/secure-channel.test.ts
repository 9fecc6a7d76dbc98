import { describe, expect, it } from 'vitest';
import { plainHttpWarning } from './secure-channel.ts';

describe('the plain-HTTP start-up warning', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20'])('warns when listening on %s without TRUST_PROXY', (HOST) => {
    expect(plainHttpWarning({ HOST, PORT: 3000, TRUST_PROXY: false })).toMatch(new RegExp(`^Listening on ${HOST}:3000 over plain HTTP.*TRUST_PROXY=true`));
  });

  it.each(['127.0.0.1', '::1', 'localhost'])('stays quiet on loopback (%s)', (HOST) => {
    expect(plainHttpWarning({ HOST, PORT: 3000, TRUST_PROXY: false })).toBeNull();
  });

  it('stays quiet behind a TLS-terminating proxy', () => {
    expect(plainHttpWarning({ HOST: '0.0.0.0', PORT: 3000, TRUST_PROXY: true })).toBeNull();
  });
});
