import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretCipher } from './secret-cipher.ts';

describe('secret cipher (AES-256-GCM)', () => {
  const cipher = createSecretCipher(randomBytes(32));

  it('round-trips a secret without storing it in clear', () => {
    const stored = cipher.encrypt('P@ssw0rd-client-secret');
    expect(stored).not.toContain('P@ssw0rd');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(cipher.decrypt(stored)).toBe('P@ssw0rd-client-secret');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const stored = cipher.encrypt('secret');
    const parts = stored.split(':');
    const tampered = [...parts.slice(0, 3), Buffer.from('tampered').toString('base64')].join(':');
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => createSecretCipher(randomBytes(32)).decrypt(stored)).toThrow();
  });

  it('rejects keys that are not 256 bits', () => {
    expect(() => createSecretCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
