// How much the EWS test peer and the adapter cost per mailbox check, for the job engine's benchmark to build on:
//   node --import tsx packages/ews/bench/test-peer-throughput.ts [mailboxes] [concurrency]
// Checks all three channels (six EWS calls) per mailbox over NTLM, with validation on and off, at 0 and 50 ms per call.
import { EXCHANGE_CHANNELS, newServerProfileSettings } from '@sync-admin/domain';
import { createExchangeConnectivity } from '../src/index.ts';
import { startEwsTestServer, testCertificates } from '../src/test-peers/index.ts';

const mailboxes = Number(process.argv[2] ?? 1_000);
const concurrency = Number(process.argv[3] ?? 50);
const user = 'CONTOSO\\svc-sync';
const password = 'Pa55-w0rd-bench';
const addresses = Array.from({ length: mailboxes }, (_, i) => `user${i}@contoso.com`);

for (const [validateRequests, latencyMs] of [[true, 0], [false, 0], [true, 50]] as const) {
  const server = await startEwsTestServer({ accounts: [{ userName: user, password, canImpersonate: '*' }], mailboxes: addresses, validateRequests, latencyMs });
  const connectivity = createExchangeConnectivity({ s2s: null, allowedHosts: ['127.0.0.1'], allowHttp: false, trustedCa: testCertificates().ca });
  const settings = {
    ...newServerProfileSettings('exchangeServer'), useAutoDiscover: false, incomingServerLocation: server.url, outgoingServerLocation: server.url,
    authenticateUsing: 'credentialsSpecifiedInEmailServerProfile' as const, incomingUserName: user,
    incomingAuthenticationProtocol: 'ntlm' as const, outgoingAuthenticationProtocol: 'ntlm' as const, incomingUseImpersonation: true, outgoingUseImpersonation: true,
  };
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < addresses.length) {
      const emailAddress = addresses[next++] ?? '';
      const result = await connectivity.checkMailbox({
        settings, secrets: { clientSecret: null, incomingPassword: password, outgoingPassword: null },
        mailbox: { emailAddress, type: 'user', allowCredentialsForEmailProcessing: false, userName: null, password: null },
        knownEwsUrl: null, channels: [...EXCHANGE_CHANNELS],
      });
      if (EXCHANGE_CHANNELS.some((channel) => result.channels[channel].outcome !== 'success')) failures += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const calls = server.requests.filter((r) => r.status === 200).length;
  console.log(`validation ${validateRequests ? 'on ' : 'off'}, ${latencyMs} ms/call: ${mailboxes} mailboxes in ${seconds.toFixed(1)} s `
    + `(${(mailboxes / seconds).toFixed(0)} mailboxes/s, ${(calls / seconds).toFixed(0)} calls/s), ${failures} failed, `
    + `${server.stats().connections} connections, max ${server.stats().byIdentity[user]?.max ?? 0} in flight`);
  connectivity.close();
  await server.close();
}
