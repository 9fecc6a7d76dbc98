// zod/mini, not zod: the web parses every response with these schemas, and classic zod's methods keep all of it
// (about 27 KB gzip) in every page's JavaScript; zod/mini's functions leave only what the schemas use (decision 53).
import { z } from 'zod/mini';

/**
 * The string and date-time schemas every field and query parameter of the contract is built from, so input
 * the database cannot store is refused as a 400 naming the field, before any handler runs. Lint forbids
 * `z.string()` elsewhere in this package.
 */

// In browsers the contract runs under the portal's Content-Security-Policy, which allows no eval (decision 20):
// zod would probe for `new Function` while building object schemas, a probe the browser reports as a violation.
// index.ts exports this module first, so this runs before any schema exists. Servers keep zod's JIT.
if ('document' in globalThis) z.config({ jitless: true });

/** NUL (PostgreSQL text cannot hold it) and lone UTF-16 surrogates (not encodable as UTF-8). With the `u` flag a
 * well-formed surrogate pair is one code point, so `\p{Cs}` matches only unpaired halves. */
const UNSTORABLE_CHARACTER = /[\0\p{Cs}]/u;

export function text() {
  return z.string().check(z.refine((value) => !UNSTORABLE_CHARACTER.test(value), 'Text cannot contain NUL characters or unpaired surrogates.'));
}

/** PostgreSQL has no year 0, and Prisma cannot send years past 9999 (they need six digits in ISO 8601). */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** An ISO 8601 date and time with an offset, between years 1 and 9999 once converted to UTC. */
export function isoDateTime() {
  return z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time.' }).check(z.refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, `Use a date between the years ${MIN_YEAR} and ${MAX_YEAR}.`));
}


/**
 * Optimistic concurrency (decision 35): every editable record is read with its version, and a change sends it
 * back; when the record has changed since, the API answers 409 STALE_RECORD and changes nothing.
 */
export function recordVersion() {
  return z.number({ message: 'version is required: send the version of the record as you read it.' })
    .check(z.int('version is a whole number.'), z.minimum(0, 'version cannot be negative.'));
}
