import { describe, expect, it } from 'vitest';
import { aadstsToErrorCode, EXCHANGE_ERROR_CATALOG, ewsResponseCodeToErrorCode, exchangeErrorDefinition, httpStatusToErrorCode } from './exchange-error-catalog.ts';

describe('EXCHANGE_ERROR_CATALOG', () => {
  // The classes the issue and Microsoft's troubleshooting article name, read against the table.
  it.each([
    ['ErrorServerBusy', 'transient'], ['ErrorMailboxStoreUnavailable', 'transient'], ['HTTP503', 'transient'], ['HTTP5xx', 'transient'],
    ['ConnectionRefused', 'transient'], ['ConnectionReset', 'transient'], ['Timeout', 'transient'],
    ['HTTP401', 'permanent'], ['HTTP403', 'permanent'], ['ErrorAccessDenied', 'permanent'], ['ErrorImpersonateUserDenied', 'permanent'],
    ['ErrorNonExistentMailbox', 'permanent'], ['HostNotFound', 'permanent'], ['TlsCertificateUntrusted', 'permanent'],
    ['TlsCertificateNameMismatch', 'permanent'], ['AADSTS7000215', 'permanent'],
  ])('%s is %s', (code, errorClass) => {
    expect(exchangeErrorDefinition(code).errorClass).toBe(errorClass);
  });

  it.each([['8005E259', 'MailboxOwnerLacksPrivileges'], ['8005E272', 'HTTP401'], ['8005E273', 'ErrorAccountDisabled'], ['8005E274', 'MailboxNotEnabledForRESTAPI'], ['8005E276', 'ErrorInvalidLicense']])(
    'Microsoft\'s %s is %s', (dynamics, code) => {
      expect(Object.values(EXCHANGE_ERROR_CATALOG).filter((d) => d.dynamicsErrorCode === dynamics).map((d) => d.code)).toEqual([code]);
    });

  it('every transient error other than one mailbox\'s own says which outage it points at, and every entry says what to fix', () => {
    for (const definition of Object.values(EXCHANGE_ERROR_CATALOG)) {
      expect(definition.meaning.length, definition.code).toBeGreaterThan(20);
      expect(definition.fix.length, definition.code).toBeGreaterThan(10);
      if (definition.outageFamily) expect(definition.errorClass, definition.code).toBe('transient');
    }
  });

  it('keeps Microsoft\'s wording for the documented messages', () => {
    expect(EXCHANGE_ERROR_CATALOG.ErrorNonExistentMailbox.meaning).toContain('no user was found with the email address');
    expect(EXCHANGE_ERROR_CATALOG.AutodiscoverFailed.meaning).toContain('The mailbox location could not be determined');
  });

  it.each<[number, string]>([[401, 'HTTP401'], [403, 'HTTP403'], [404, 'HTTP404'], [429, 'HTTP429'], [503, 'HTTP503'], [502, 'HTTP5xx'], [302, 'RedirectNotFollowed'], [418, 'HTTPError']])(
    'HTTP %i → %s', (status, code) => expect(httpStatusToErrorCode(status)).toBe(code));

  it('maps codes it knows and keeps the rest generic', () => {
    expect(ewsResponseCodeToErrorCode(' ErrorServerBusy ')).toBe('ErrorServerBusy');
    expect(ewsResponseCodeToErrorCode('ErrorSomethingNew')).toBe('ExchangeError');
    expect(ewsResponseCodeToErrorCode('HTTP401')).toBe('ExchangeError');
    expect(aadstsToErrorCode('7000215')).toBe('AADSTS7000215');
    expect(aadstsToErrorCode('AADSTS50000')).toBe('EntraError');
    expect(exchangeErrorDefinition('NoSuchCode').code).toBe('NoSuchCode');
  });
});
