import { describe, expect, it } from 'vitest';
import { sanitizeExchangeText } from './sanitize-exchange-text.ts';

const secrets = [{ value: 'Pa55-w0rd!', userName: 'CONTOSO\\svc-sync' }, { value: 'cross~tenant~secret' }];
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('sanitizeExchangeText: no spelling of a secret survives', () => {
  it.each([
    ['plain', 'Logon failure for Pa55-w0rd!'],
    ['URL-encoded', `password=${encodeURIComponent('Pa55-w0rd!')}`],
    ['base64 of user:password (an echoed Basic header)', `Authorization was ${b64('CONTOSO\\svc-sync:Pa55-w0rd!')}`],
    ['base64 without padding', `echo ${b64('CONTOSO\\svc-sync:Pa55-w0rd!').replace(/=+$/, '')}`],
    ['base64 of the secret alone', `token ${b64('cross~tenant~secret')}`],
    ['an Authorization header of any value', 'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc.def'],
  ])('%s', (_name, text) => {
    const safe = sanitizeExchangeText(text, secrets);
    expect(safe).toContain('***');
    for (const secret of ['Pa55-w0rd!', 'cross~tenant~secret', b64('CONTOSO\\svc-sync:Pa55-w0rd!').slice(0, 20), 'eyJ0eXAiOiJKV1QiLCJhbGciOi']) expect(safe).not.toContain(secret);
  });

  it('drops control characters and lone surrogates, and bounds the length', () => {
    expect(sanitizeExchangeText('a\u0000b\u001bc\ud800d', [])).toBe('abc\uFFFDd');
    const long = sanitizeExchangeText('x'.repeat(5_000), []);
    expect(long).toHaveLength(1_000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    expect(sanitizeExchangeText('The mailbox database is unavailable.', secrets)).toBe('The mailbox database is unavailable.');
  });
});
