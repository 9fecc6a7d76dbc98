export { startTestDnsServer, type TestDnsRecords, type TestDnsServer, type TestDnsZone } from './test-dns-server.ts';
export { startTestTlsServer, type TestTlsServer } from './test-tls-server.ts';
