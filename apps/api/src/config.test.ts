import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: 'data', SEED_DEMO_DATA: 'auto', ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://db/x', SECRET_ENCRYPTION_KEY: 'k' }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ DATABASE_URL: 'postgresql://db/x' }, /SECRET_ENCRYPTION_KEY is required with DATABASE_URL/],
    [{ ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS: 'yes' }, /ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS/],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads AllowCredentialsEntryViaNonSecureChannels as 1/0 or true/false', () => {
    expect(loadConfig({ ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS: '1' }).ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS).toBe(true);
  });
});

describe('DNS_SERVERS', () => {
  it('is the system\'s resolvers when unset, and a list of ip[:port] otherwise', () => {
    expect(loadConfig({}).DNS_SERVERS).toEqual([]);
    expect(loadConfig({ DNS_SERVERS: '127.0.0.1:5353, 1.1.1.1,[::1]:53,2001:4860:4860::8888' }).DNS_SERVERS).toEqual(['127.0.0.1:5353', '1.1.1.1', '[::1]:53', '2001:4860:4860::8888']);
  });

  it.each(['dns.example.com', '127.0.0.1:99999', '10.0.0.1:', '[::1]'])('refuses %s, saying what is allowed', (value) => {
    expect(() => loadConfig({ DNS_SERVERS: value })).toThrow(/DNS_SERVERS must be comma-separated IP addresses, each with an optional :port/);
  });
});
