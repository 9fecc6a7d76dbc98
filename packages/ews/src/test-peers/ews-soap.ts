import { XmlDocument } from 'libxml2-wasm';
import { schemaProblemOf } from './ews-schema-validator.ts';

/**
 * What the EWS test server reads out of a request, and the answers it gives, shaped on Microsoft's published
 * examples (and the captured ones in the project's shared research): every response built here validates
 * against the EWS schema (see ews-soap.test.ts).
 */
const NS = {
  s: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
  a: 'http://schemas.microsoft.com/exchange/2010/Autodiscover',
};

export interface ParsedEwsRequest {
  operation: string;
  requestedVersion: string | null;
  /** ExchangeImpersonation's SmtpAddress. */
  impersonated: string | null;
  /** The DistinguishedFolderId of GetFolder, or of CreateItem's SavedItemFolderId. */
  folder: string | null;
  /** The mailbox named inside that folder id (delegate access). */
  folderMailbox: string | null;
  messageDisposition: string | null;
  deleteType: string | null;
  itemIds: string[];
  subject: string | null;
}

export type ParseOutcome = { ok: true; request: ParsedEwsRequest } | { ok: false; problem: string };

function text(doc: XmlDocument, xpath: string): string | null {
  const value = doc.eval(`string(${xpath})`, NS);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Parses an EWS request and, unless `validate` is false, checks it against the schema. */
export function parseEwsRequest(xml: string, validate: boolean): ParseOutcome {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    return { ok: false, problem: `not well-formed XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const problem = validate ? schemaProblemOf(doc) : null;
    if (problem) return { ok: false, problem };
    const body = '/s:Envelope/s:Body/*[1]';
    const operation = text(doc, `local-name(${body})`);
    if (!operation) return { ok: false, problem: 'no operation in the SOAP Body' };
    const folderIdPath = operation === 'CreateItem' ? `${body}/m:SavedItemFolderId/t:DistinguishedFolderId` : `${body}/m:FolderIds/t:DistinguishedFolderId`;
    const itemIds = doc.find(`${body}/m:ItemIds/t:ItemId/@Id`, NS).map((node) => node.content);
    return {
      ok: true,
      request: {
        operation,
        requestedVersion: text(doc, '/s:Envelope/s:Header/t:RequestServerVersion/@Version'),
        impersonated: text(doc, '/s:Envelope/s:Header/t:ExchangeImpersonation/t:ConnectingSID/t:SmtpAddress'),
        folder: text(doc, `${folderIdPath}/@Id`),
        folderMailbox: text(doc, `${folderIdPath}/t:Mailbox/t:EmailAddress`),
        messageDisposition: text(doc, `${body}/@MessageDisposition`),
        deleteType: text(doc, `${body}/@DeleteType`),
        itemIds,
        subject: text(doc, `${body}/m:Items/t:Message/t:Subject`),
      },
    };
  } finally {
    doc.dispose();
  }
}

/** The mailbox an Autodiscover GetUserSettings request asks about (that namespace has no schema here). */
export function parseAutodiscoverRequest(xml: string): { mailbox: string | null; settings: string[] } | null {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch {
    return null;
  }
  try {
    const request = '/s:Envelope/s:Body/a:GetUserSettingsRequestMessage/a:Request';
    return {
      mailbox: text(doc, `${request}/a:Users/a:User/a:Mailbox`),
      settings: doc.find(`${request}/a:RequestedSettings/a:Setting`, NS).map((node) => node.content.trim()),
    };
  } finally {
    doc.dispose();
  }
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const SERVER_VERSION_HEADER = '<s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1544" MinorBuildNumber="4" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header>';

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.s}">${SERVER_VERSION_HEADER}<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${body}</s:Body></s:Envelope>`;
}

function responseMessages(operation: string, inner: string): string {
  return `<m:${operation}Response xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>${inner}</m:ResponseMessages></m:${operation}Response>`;
}

const FOLDER_ELEMENTS: Record<string, { element: string; folderClass: string; displayName: string }> = {
  inbox: { element: 'Folder', folderClass: 'IPF.Note', displayName: 'Inbox' },
  drafts: { element: 'Folder', folderClass: 'IPF.Note', displayName: 'Drafts' },
  calendar: { element: 'CalendarFolder', folderClass: 'IPF.Appointment', displayName: 'Calendar' },
  contacts: { element: 'ContactsFolder', folderClass: 'IPF.Contact', displayName: 'Contacts' },
  tasks: { element: 'TasksFolder', folderClass: 'IPF.Task', displayName: 'Tasks' },
};

/** GetFolder's answer, with the folder class Exchange uses for each well-known folder. */
export function getFolderResponse(folder: string, totalCount: number): string {
  const shape = FOLDER_ELEMENTS[folder] ?? { element: 'Folder', folderClass: 'IPF.Note', displayName: folder };
  const unread = shape.element === 'Folder' ? '<t:UnreadCount>0</t:UnreadCount>' : '';
  return envelope(responseMessages('GetFolder',
    `<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:${shape.element}>` +
    `<t:FolderId Id="AAMkAD${escapeXml(folder)}Id" ChangeKey="AQAAABYAAAA="/><t:ParentFolderId Id="AAMkADrootId" ChangeKey="AQAAAA=="/>` +
    `<t:FolderClass>${shape.folderClass}</t:FolderClass><t:DisplayName>${escapeXml(shape.displayName)}</t:DisplayName>` +
    `<t:TotalCount>${totalCount}</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount>${unread}</t:${shape.element}></m:Folders></m:GetFolderResponseMessage>`));
}

export function createItemResponse(itemId: string, changeKey: string): string {
  return envelope(responseMessages('CreateItem',
    `<m:CreateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message>` +
    `<t:ItemId Id="${escapeXml(itemId)}" ChangeKey="${escapeXml(changeKey)}"/></t:Message></m:Items></m:CreateItemResponseMessage>`));
}

export function deleteItemResponse(): string {
  return envelope(responseMessages('DeleteItem', '<m:DeleteItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DeleteItemResponseMessage>'));
}

function messageXml(backOffMs: number | undefined): string {
  return backOffMs === undefined ? '' : `<m:MessageXml><t:Value Name="BackOffMilliseconds">${backOffMs}</t:Value></m:MessageXml>`;
}

/** HTTP 200 with ResponseClass="Error": how Exchange reports most per-item failures. */
export function errorResponse(operation: string, responseCode: string, message: string, backOffMs?: number): string {
  const tail = operation === 'CreateItem' ? '<m:Items/>' : '';
  return envelope(responseMessages(operation,
    `<m:${operation}ResponseMessage ResponseClass="Error"><m:MessageText>${escapeXml(message)}</m:MessageText>` +
    `<m:ResponseCode>${escapeXml(responseCode)}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>${messageXml(backOffMs)}${tail}</m:${operation}ResponseMessage>`));
}

/** HTTP 500 SOAP fault: how Exchange reports request-level failures (throttling, impersonation, schema). */
export function soapFault(responseCode: string, message: string, backOffMs?: number): string {
  const value = backOffMs === undefined ? '' : `<t:MessageXml xmlns:t="${NS.t}"><t:Value Name="BackOffMilliseconds">${backOffMs}</t:Value></t:MessageXml>`;
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.s}"><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><s:Fault>` +
    `<faultcode xmlns:a="${NS.t}">a:${escapeXml(responseCode)}</faultcode><faultstring xml:lang="en-US">${escapeXml(message)}</faultstring><detail>` +
    `<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${escapeXml(responseCode)}</e:ResponseCode>` +
    `<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${escapeXml(message)}</e:Message>${value}</detail></s:Fault></s:Body></s:Envelope>`;
}

export type AutodiscoverAnswer =
  | { kind: 'settings'; externalEwsUrl?: string; internalEwsUrl?: string }
  | { kind: 'invalidUser' }
  | { kind: 'redirectAddress'; address: string }
  | { kind: 'redirectUrl'; url: string };

/** Microsoft's GetUserSettingsResponseMessage example, for one user. */
export function getUserSettingsResponse(mailbox: string, answer: AutodiscoverAnswer): string {
  const setting = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<UserSetting i:type="StringSetting"><Name>${name}</Name><Value>${escapeXml(value)}</Value></UserSetting>`;
  let user: string;
  switch (answer.kind) {
    case 'settings':
      user = `<ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage><RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings>${setting('InternalEwsUrl', answer.internalEwsUrl)}${setting('ExternalEwsUrl', answer.externalEwsUrl)}</UserSettings>`;
      break;
    case 'invalidUser':
      user = `<ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: '${escapeXml(mailbox)}'</ErrorMessage><RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings/>`;
      break;
    case 'redirectAddress':
      user = `<ErrorCode>RedirectAddress</ErrorCode><ErrorMessage>Redirection address.</ErrorMessage><RedirectTarget>${escapeXml(answer.address)}</RedirectTarget><UserSettingErrors/><UserSettings/>`;
      break;
    case 'redirectUrl':
      user = `<ErrorCode>RedirectUrl</ErrorCode><ErrorMessage>Redirection URL.</ErrorMessage><RedirectTarget>${escapeXml(answer.url)}</RedirectTarget><UserSettingErrors/><UserSettings/>`;
      break;
  }
  return `<s:Envelope xmlns:s="${NS.s}" xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header>` +
    '<a:Action s:mustUnderstand="1">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse</a:Action>' +
    `<h:ServerVersionInfo xmlns:h="${NS.a}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><h:MajorVersion>15</h:MajorVersion><h:MinorVersion>2</h:MinorVersion>` +
    '<h:MajorBuildNumber>1544</h:MajorBuildNumber><h:MinorBuildNumber>4</h:MinorBuildNumber><h:Version>Exchange2015</h:Version></h:ServerVersionInfo></s:Header>' +
    `<s:Body><GetUserSettingsResponseMessage xmlns="${NS.a}"><Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
    `<ErrorCode>NoError</ErrorCode><ErrorMessage/><UserResponses><UserResponse>${user}</UserResponse></UserResponses></Response></GetUserSettingsResponseMessage></s:Body></s:Envelope>`;
}
