import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * How the fake Exchange answers: a real GetFolder response, a SOAP fault, a careless fault that echoes
 * the decoded credentials (to prove the probe redacts them), or never (to test timeouts).
 */
export type FakeEwsBehaviour = 'inbox' | 'soapFault' | 'echoCredentialsFault' | 'hang';

export interface FakeEwsRequest {
  authorization: string | undefined;
  anchorMailbox: string | undefined;
  /** The SmtpAddress inside the ExchangeImpersonation SOAP header, if any. */
  impersonated: string | null;
  folderId: string | null;
}

export interface FakeEwsServer {
  url: string;
  requests: FakeEwsRequest[];
  close(): Promise<void>;
}

export const SOAP_FAULT_TEXT = 'The account does not have permission to impersonate the requested user.';

/**
 * Enough of an Exchange EWS endpoint on 127.0.0.1 to answer GetFolder: 401 unless the Authorization
 * header is exactly the expected one, and a SOAP fault if impersonation is expected but missing.
 */
export async function startFakeEwsServer(options: {
  expectedAuthorization: string;
  expectedImpersonation?: string;
  behaviour?: FakeEwsBehaviour;
  /** Serve HTTPS with this certificate, as an on-premises Exchange with an internal CA does. */
  tls?: { key: string; cert: string };
}): Promise<FakeEwsServer> {
  const requests: FakeEwsRequest[] = [];
  const handler: RequestListener = async (req, res) => {
    const body = await readBody(req);
    const request: FakeEwsRequest = {
      authorization: req.headers.authorization,
      anchorMailbox: header(req, 'x-anchormailbox'),
      impersonated: /<t:ExchangeImpersonation>[\s\S]*?<t:SmtpAddress>([^<]+)<\/t:SmtpAddress>/.exec(body)?.[1] ?? null,
      folderId: /<t:DistinguishedFolderId Id="([^"]+)"/.exec(body)?.[1] ?? null,
    };
    requests.push(request);
    if (options.behaviour === 'hang') return; // never answers; the client must give up on its own
    if (req.method !== 'POST' || req.url !== '/EWS/Exchange.asmx') {
      res.writeHead(404).end();
      return;
    }
    if (request.authorization !== options.expectedAuthorization) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake-exchange"' }).end();
      return;
    }
    if (options.behaviour === 'echoCredentialsFault') {
      const credentials = Buffer.from((request.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
      res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' }).end(soapFault(`Logon failure for ${credentials}.`));
      return;
    }
    const impersonationMissing = options.expectedImpersonation !== undefined && request.impersonated !== options.expectedImpersonation;
    if (options.behaviour === 'soapFault' || impersonationMissing) {
      res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' }).end(soapFault(SOAP_FAULT_TEXT));
      return;
    }
    if (!body.includes('<m:GetFolder>') || request.folderId !== 'inbox') {
      res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' }).end(soapFault('The request failed schema validation.'));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(GET_FOLDER_RESPONSE);
  };
  const server: Server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/EWS/Exchange.asmx`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function soapFault(text: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <s:Fault>
      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorImpersonateUserDenied</faultcode>
      <faultstring xml:lang="en-US">${text}</faultstring>
      <detail>
        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorImpersonateUserDenied</e:ResponseCode>
        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${text}</e:Message>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>`;
}

const GET_FOLDER_RESPONSE = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1544" MinorBuildNumber="4" Version="V2017_07_11"
      xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
      xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
  </s:Header>
  <s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <m:ResponseMessages>
        <m:GetFolderResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:Folders>
            <t:Folder>
              <t:FolderId Id="AAMkADk0ZTc2Inbox" ChangeKey="AQAAABYAAAA="/>
              <t:ParentFolderId Id="AAMkADk0ZTc2Root" ChangeKey="AQAAAA=="/>
              <t:FolderClass>IPF.Note</t:FolderClass>
              <t:DisplayName>Inbox</t:DisplayName>
              <t:TotalCount>3</t:TotalCount>
              <t:ChildFolderCount>0</t:ChildFolderCount>
              <t:UnreadCount>1</t:UnreadCount>
            </t:Folder>
          </m:Folders>
        </m:GetFolderResponseMessage>
      </m:ResponseMessages>
    </m:GetFolderResponse>
  </s:Body>
</s:Envelope>`;
