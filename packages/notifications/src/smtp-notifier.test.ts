import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpNotifier } from './smtp-notifier.ts';

interface Received { from: string | undefined; to: string[]; data: string }

describe('createSmtpNotifier', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the outage email to the profile owner through the SMTP server', async () => {
    const notifier = createSmtpNotifier({ url: `smtp://127.0.0.1:${port}`, from: 'sync-admin@contoso.example', onError: (e) => { throw e; } });
    await notifier.notifyOutage({ to: 'olivia@contoso.example', profileName: 'Contoso Exchange', subject: 'More than half failed', text: 'Held until Exchange answers.' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'sync-admin@contoso.example', to: ['olivia@contoso.example'] });
    expect(received[0]?.data).toContain('Subject: More than half failed');
    expect(received[0]?.data).toContain('Held until Exchange answers.');
  });

  it('reports a server that cannot be reached instead of failing the caller', async () => {
    const errors: unknown[] = [];
    const notifier = createSmtpNotifier({ url: 'smtp://127.0.0.1:1', from: 'sync-admin@contoso.example', onError: (e) => errors.push(e) });
    await notifier.notifyOutage({ to: 'olivia@contoso.example', profileName: 'P', subject: 'S', text: 'T' });
    expect(errors).toHaveLength(1);
  });

  it('sends nothing without an SMTP server configured', async () => {
    const before = received.length;
    await createSmtpNotifier({ url: null, from: 'x@y', onError: () => {} }).notifyOutage({ to: 'a@b', profileName: 'P', subject: 'S', text: 'T' });
    expect(received).toHaveLength(before);
  });
});
