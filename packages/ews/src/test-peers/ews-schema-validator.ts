import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const SCHEMA_PATH = fileURLToPath(new URL('./ews-schema/soap-envelope-ews.xsd', import.meta.url));

let validator: XsdValidator | null = null;

/**
 * Microsoft's EWS schema (with the project's SOAP envelope schema around it), compiled once per process: the
 * compile takes about a second, each validation then a millisecond or two.
 */
export function compileEwsSchema(): XsdValidator {
  if (!validator) {
    // Lets the schema's xs:import schemaLocation resolve on disk, relative to its own url.
    xmlRegisterFsInputProviders();
    // The schema document stays alive with the validator, which may point into it.
    const schema = XmlDocument.fromBuffer(readFileSync(SCHEMA_PATH), { url: SCHEMA_PATH });
    validator = XsdValidator.fromDoc(schema);
  }
  return validator;
}

/** Null when `doc` is a valid EWS SOAP message; otherwise libxml2's messages, with their lines. */
export function schemaProblemOf(doc: XmlDocument): string | null {
  try {
    compileEwsSchema().validate(doc);
    return null;
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((detail) => `line ${detail.line}: ${detail.message.trim()}`).join('; ');
    throw error;
  }
}

/** Parses and validates a whole SOAP message; malformed XML is a problem too. */
export function soapSchemaProblem(xml: string): string | null {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    return `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    return schemaProblemOf(doc);
  } finally {
    doc.dispose();
  }
}
