import { describe, expect, it } from 'vitest';
import { soapSchemaProblem } from './ews-schema-validator.ts';
import { createItemResponse, deleteItemResponse, errorResponse, getFolderResponse, parseEwsRequest, soapFault } from './ews-soap.ts';

/** A GetFolder as ews-javascript-api 0.15.3 sends it (captured; the project's shared examples, 01). */
const GET_FOLDER = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"></t:RequestServerVersion><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>adele.vance@contoso.com</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header><soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"></t:DistinguishedFolderId></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>';
const CREATE_ITEM = GET_FOLDER.replace(/<m:GetFolder>.*<\/m:GetFolder>/, '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"><t:Mailbox><t:EmailAddress>adele.vance@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SavedItemFolderId><m:Items><t:Message><t:Subject>Sync Admin mailbox test (deleted automatically)</t:Subject><t:Body BodyType="HTML">test</t:Body></t:Message></m:Items></m:CreateItem>');

describe('the EWS schema as the test server applies it', () => {
  it('accepts the requests ews-javascript-api sends, and reads what the server needs out of them', () => {
    expect(parseEwsRequest(GET_FOLDER, true)).toEqual({
      ok: true,
      request: {
        operation: 'GetFolder', requestedVersion: 'Exchange2013_SP1', impersonated: 'adele.vance@contoso.com', folder: 'inbox',
        folderMailbox: null, messageDisposition: null, deleteType: null, itemIds: [], subject: null,
      },
    });
    expect(parseEwsRequest(CREATE_ITEM, true)).toMatchObject({ ok: true, request: { operation: 'CreateItem', folder: 'drafts', folderMailbox: 'adele.vance@contoso.com', messageDisposition: 'SaveOnly' } });
  });

  it.each([
    ['an unknown folder', GET_FOLDER.replace('Id="inbox"', 'Id="inboxx"'), /inboxx/],
    ['a missing FolderShape', GET_FOLDER.replace(/<m:FolderShape>.*<\/m:FolderShape>/, ''), /FolderShape|FolderIds/],
    ['an unknown operation', GET_FOLDER.replace(/m:GetFolder>/g, 'm:GetFolderz>'), /GetFolderz/],
    ['an unknown header', GET_FOLDER.replace(/t:ExchangeImpersonation>/g, 't:ExchangeImpersonationX>'), /ExchangeImpersonationX/],
    ['a version the schema does not know', GET_FOLDER.replace('Exchange2013_SP1', 'V2017_07_11'), /V2017_07_11/],
    ['a disposition that would send mail', CREATE_ITEM.replace('SaveOnly', 'SaveAndSend'), /SaveAndSend/],
    ['malformed XML', GET_FOLDER.slice(0, 200), /not well-formed/],
  ])('refuses %s, precisely', (_name, xml, detail) => {
    const outcome = parseEwsRequest(xml, true);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem).toMatch(detail);
  });

  it('skips validation only when told to (throughput benchmarks)', () => {
    expect(parseEwsRequest(GET_FOLDER.replace('Id="inbox"', 'Id="inboxx"'), false)).toMatchObject({ ok: true, request: { folder: 'inboxx' } });
  });
});

describe('the answers the test server gives', () => {
  it.each([
    ['GetFolder inbox (t:Folder)', getFolderResponse('inbox', 3)],
    ['GetFolder calendar (t:CalendarFolder)', getFolderResponse('calendar', 0)],
    ['GetFolder contacts (t:ContactsFolder)', getFolderResponse('contacts', 1)],
    ['GetFolder tasks (t:TasksFolder)', getFolderResponse('tasks', 2)],
    ['CreateItem', createItemResponse('AAMkADdraft1', 'CQAAABYAAAA=')],
    ['DeleteItem', deleteItemResponse()],
    ['GetFolder ResponseClass="Error" with BackOffMilliseconds', errorResponse('GetFolder', 'ErrorServerBusy', 'The server cannot service this request right now.', 5000)],
    ['CreateItem ResponseClass="Error"', errorResponse('CreateItem', 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')],
    ['DeleteItem ResponseClass="Error"', errorResponse('DeleteItem', 'ErrorItemNotFound', 'The specified object was not found in the store.')],
    ['a SOAP fault with BackOffMilliseconds', soapFault('ErrorServerBusy', 'The server cannot service this request right now.', 297749)],
    ['a SOAP fault', soapFault('ErrorImpersonateUserDenied', 'The account does not have permission to impersonate the requested user.')],
  ])('%s is valid against the EWS schema', (_name, xml) => {
    expect(soapSchemaProblem(xml)).toBeNull();
  });
});
