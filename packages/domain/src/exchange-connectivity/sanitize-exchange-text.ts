/**
 * Text that came from a remote server or a library, made safe to store and show to read-only users: every
 * form of every secret masked, control characters removed, length bounded. A listener that echoes the
 * Authorization header must not put a decodable password in front of Support.
 */
export const MAX_EXCHANGE_TEXT_LENGTH = 1_000;
export const REDACTED = '***';

export interface SecretForms {
  /** A password or client secret as entered. */
  value: string;
  /** The user name it goes with, for the Basic header's base64 of "user:password". */
  userName?: string | null;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Every spelling a secret can travel in: plain, URL-encoded, base64 of itself and of "user:secret" (Basic). */
export function secretSpellings(secrets: readonly SecretForms[]): string[] {
  const spellings = new Set<string>();
  for (const { value, userName } of secrets) {
    // Very short values would mask ordinary words; no real secret is this short.
    if (value.length < 4) continue;
    spellings.add(value);
    spellings.add(encodeURIComponent(value));
    spellings.add(base64(value));
    if (userName) {
      const basic = base64(`${userName}:${value}`);
      spellings.add(basic);
      // Base64 without padding, as some servers echo it.
      spellings.add(basic.replace(/=+$/, ''));
    }
  }
  // Longest first, so a spelling that contains another is masked whole.
  return [...spellings].sort((a, b) => b.length - a.length);
}

/** Masks every spelling of every secret, drops control characters and bounds the length. */
export function sanitizeExchangeText(text: string, secrets: readonly SecretForms[], maxLength = MAX_EXCHANGE_TEXT_LENGTH): string {
  let safe = text;
  for (const spelling of secretSpellings(secrets)) safe = safe.split(spelling).join(REDACTED);
  // Bearer tokens and Authorization headers never belong in a message, whatever their value.
  safe = safe
    .replace(/\b(Bearer|Basic|NTLM|Negotiate)\s+[A-Za-z0-9+/=._~-]{8,}/g, `$1 ${REDACTED}`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return safe.length > maxLength ? `${safe.slice(0, maxLength - 1)}…` : safe;
}
