/**
 * Positional parameters for hand-written SQL: `bind` appends a value and returns its placeholder (with an
 * optional cast), so user input only ever travels as a parameter, never inside the statement text.
 */
export interface SqlParams {
  values: unknown[];
  bind(value: unknown, cast?: string): string;
}

export function createSqlParams(): SqlParams {
  const values: unknown[] = [];
  return {
    values,
    bind(value, cast) {
      values.push(value);
      return cast ? `$${values.length}::${cast}` : `$${values.length}`;
    },
  };
}

/** Escapes LIKE/ILIKE wildcards and the escape character itself, so user text matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be cast to uuid: a malformed id is "not found", not a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
