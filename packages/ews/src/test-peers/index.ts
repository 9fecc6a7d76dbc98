export { testCertificates, TEST_HOSTS, type IssueOptions, type KeyAndCertificate, type TestCertificates } from './certificates.ts';
export {
  startEwsTestServer,
  type BearerVerifier,
  type EwsFault,
  type EwsFaultRule,
  type EwsRequestLogEntry,
  type EwsScheme,
  type EwsTestAccount,
  type EwsTestServer,
  type EwsTestServerOptions,
  type IdentityConcurrency,
} from './ews-test-server.ts';
export type { AutodiscoverAnswer } from './ews-soap.ts';
export {
  startOAuthTestServer,
  type OAuthTestClient,
  type OAuthTestServer,
  type OAuthTestServerOptions,
  type TokenEndpointFault,
  type TokenRequestLogEntry,
} from './oauth-test-server.ts';
