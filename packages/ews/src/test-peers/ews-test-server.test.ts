import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { testCertificates } from './certificates.ts';
import { startEwsTestServer, type EwsTestServer } from './ews-test-server.ts';

const USER = 'CONTOSO\\svc-sync';
const PASSWORD = 'Pa55-w0rd-never-shown';
const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

const envelope = (body: string, header = '') =>
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
  `<soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
const getFolder = (id: string) => envelope(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="${id}"/></m:FolderIds></m:GetFolder>`);

function post(server: EwsTestServer, body: string, authorization = basic): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { method: 'POST', ca: testCertificates().ca, agent: false, headers: { Authorization: authorization, 'Content-Type': 'text/xml; charset=utf-8' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const account = { userName: USER, password: PASSWORD, mailbox: 'svc-sync@contoso.com' };

describe('the EWS test server', () => {
  it('answers an invalid request with ErrorSchemaValidation, and fails the test loudly when it closes', async () => {
    const server = await startEwsTestServer({ accounts: [account] });
    const answer = await post(server, getFolder('inboxx'));
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('ErrorSchemaValidation');
    expect(server.violations[0]).toMatch(/^Invalid EWS request: line 1: .*inboxx/);
    await expect(server.close()).rejects.toThrow(/saw 1 invalid request/);
  });

  it('treats a CreateItem that would send mail as a violation', async () => {
    const server = await startEwsTestServer({ accounts: [account] });
    const send = envelope('<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId><m:Items><t:Message><t:Subject>x</t:Subject></t:Message></m:Items></m:CreateItem>');
    expect((await post(server, send)).status).toBe(500);
    expect(server.violations).toEqual(['CreateItem with MessageDisposition=SendAndSaveCopy to sentitems: a check must never send mail.']);
    await expect(server.close()).rejects.toThrow();
  });

  it('checks Basic credentials', async () => {
    const server = await startEwsTestServer({ accounts: [account] });
    try {
      expect((await post(server, getFolder('inbox'))).status).toBe(200);
      const refused = await post(server, getFolder('inbox'), `Basic ${Buffer.from(`${USER}:wrong`).toString('base64')}`);
      expect(refused.status).toBe(401);
      expect(server.requests.map((r) => [r.identity, r.status])).toEqual([[USER, 200], [null, 401]]);
    } finally {
      await server.close();
    }
  });

  it('counts simultaneous in-flight calls per connecting identity, with the latency it was given', async () => {
    const server = await startEwsTestServer({ accounts: [account], latencyMs: 300 });
    try {
      const started = performance.now();
      await Promise.all(Array.from({ length: 5 }, () => post(server, getFolder('inbox'))));
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);
      expect(server.stats().byIdentity[USER]).toEqual({ current: 0, max: 5, total: 5 });
      expect(server.stats().connections).toBe(5);
      await post(server, getFolder('inbox'));
      expect(server.stats().byIdentity[USER]).toEqual({ current: 0, max: 5, total: 6 });
    } finally {
      await server.close();
    }
  });

  it('applies a fault a given number of times, to the calls it matches', async () => {
    const server = await startEwsTestServer({ accounts: [account] });
    try {
      server.inject({ match: { folder: 'calendar' }, fault: { kind: 'httpStatus', status: 503 }, times: 1 });
      expect((await post(server, getFolder('inbox'))).status).toBe(200);
      expect((await post(server, getFolder('calendar'))).status).toBe(503);
      expect((await post(server, getFolder('calendar'))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
