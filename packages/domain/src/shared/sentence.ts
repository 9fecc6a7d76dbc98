import type { MessageParams, ServerMessage } from './domain-error.ts';

/**
 * A sentence of one of the domain's tables (decision 58) as a ServerMessage: its English template, with i18next's own
 * `{{name}}` placeholders so the web's English resource can hold the very same text, filled with `params`. A
 * placeholder without its param is a bug in the table, so it throws rather than say "{{host}}" to a user.
 */
export function tableSentence(code: string, template: string, params?: MessageParams): ServerMessage {
  const message = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Sentence ${code} needs the param ${name}.`);
    return String(value);
  });
  return params === undefined ? { code, message } : { code, params, message };
}

/** The placeholders of a template, sorted: what a sentence's params and every translation of it must name. */
export const templatePlaceholders = (template: string): string[] =>
  [...template.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();
