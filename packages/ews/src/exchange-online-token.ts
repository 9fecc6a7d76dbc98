import { AuthError, ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { HttpsNetworkClient } from './https-network-client.ts';

export interface AppRegistration {
  tenantId: string;
  applicationId: string;
  clientSecret: string;
}

/** The Microsoft cloud an Exchange Online endpoint lives in: the global one, or 21Vianet's in China. */
export interface ExchangeOnlineCloud {
  authorityHost: string;
  scope: string;
}

export const GLOBAL_CLOUD: ExchangeOnlineCloud = {
  authorityHost: 'https://login.microsoftonline.com',
  scope: 'https://outlook.office365.com/.default',
};
export const CHINA_CLOUD: ExchangeOnlineCloud = {
  authorityHost: 'https://login.partner.microsoftonline.cn',
  scope: 'https://partner.outlook.cn/.default',
};

/** Seed 000 points Exchange Online in China at partner.outlook.cn; everything else is the global cloud. */
export function cloudFor(ewsUrl: string | null): ExchangeOnlineCloud {
  if (!ewsUrl) return GLOBAL_CLOUD;
  try {
    const host = new URL(ewsUrl).hostname.toLowerCase();
    return host === 'partner.outlook.cn' || host.endsWith('.partner.outlook.cn') ? CHINA_CLOUD : GLOBAL_CLOUD;
  } catch {
    return GLOBAL_CLOUD;
  }
}

export type TokenResult = { ok: true; accessToken: string } | { ok: false; message: string };

/**
 * An app-only token for EWS (client credentials grant). Errors come back as the text Entra ID sent
 * (AADSTS…), which names the problem precisely; MSAL never puts the secret in them.
 */
export async function acquireExchangeOnlineToken(input: {
  app: AppRegistration;
  cloud: ExchangeOnlineCloud;
  timeoutMs: number;
  trustedCa?: string;
}): Promise<TokenResult> {
  const authorityHost = input.cloud.authorityHost.replace(/\/+$/, '');
  const host = new URL(authorityHost).host;
  const isMicrosoftHost = host === new URL(GLOBAL_CLOUD.authorityHost).host || host === new URL(CHINA_CLOUD.authorityHost).host;
  const networkClient = new HttpsNetworkClient({ ca: input.trustedCa, timeoutMs: input.timeoutMs });
  try {
    const client = new ConfidentialClientApplication({
      auth: {
        clientId: input.app.applicationId,
        clientSecret: input.app.clientSecret,
        authority: `${authorityHost}/${input.app.tenantId}`,
        // A host MSAL does not know (a private endpoint, the tests' local one) is trusted as given,
        // instead of being checked against Microsoft's instance discovery service.
        knownAuthorities: isMicrosoftHost ? [] : [host],
      },
      system: {
        networkClient,
        loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} },
      },
    });
    const result = await client.acquireTokenByClientCredential({ scopes: [input.cloud.scope] });
    if (!result?.accessToken) return { ok: false, message: 'Microsoft Entra ID returned no access token.' };
    return { ok: true, accessToken: result.accessToken };
  } catch (error) {
    const reason = networkClient.lastNetworkFailure ? `${networkClient.lastNetworkFailure}.` : tokenErrorText(error);
    return { ok: false, message: `Could not get a token from Microsoft Entra ID (${authorityHost}). ${reason}` };
  }
}

/**
 * Entra ID's error_description reads "AADSTS7000215: Invalid client secret provided. …" followed by
 * trace lines; MSAL wraps it in its own prefix. Keep the AADSTS sentence, the error code and the
 * correlation id an admin quotes to Microsoft support.
 */
function tokenErrorText(error: unknown): string {
  if (!(error instanceof AuthError)) return error instanceof Error ? error.message : String(error);
  const text = error.errorMessage || error.message;
  const aadsts = /AADSTS\d+:.*?(?=\s+Trace ID:|\s+-\s+Correlation ID:|[\r\n]|$)/.exec(text)?.[0];
  const correlation = error.correlationId ? `; Correlation ID: ${error.correlationId}` : '';
  return `${aadsts ?? text.split(/\r?\n/)[0]} (${error.errorCode}${correlation})`;
}
