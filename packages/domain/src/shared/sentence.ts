import type { MessageParams, ServerMessage } from './domain-error.ts';

/**
 * `{{name}}`, `{{name, number}}` (i18next's number format: a count reads "1,234" here and "1.234" in German) or
 * `{{name, datetime}}` (an instant as an ISO string: "2026-12-02 10:05 UTC" here, the user's own date and time in a UI).
 */
const PLACEHOLDER = /\{\{(\w+)(?:, (number|datetime))?\}\}/g;

const utcMinute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A sentence of one of the domain's tables (decision 58): its English template, with i18next's own
 * `{{name}}` placeholders so the web's English resource can hold the very same text, filled with `params`. A
 * placeholder without its param is a bug in the table, so it throws rather than say "{{host}}" to a user.
 */
export function tableSentence(code: string, template: string, params?: MessageParams): ServerMessage {
  const message = template.replace(PLACEHOLDER, (_, name: string, format?: 'number' | 'datetime') => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Sentence ${code} needs the param ${name}.`);
    if (format === 'number' && typeof value === 'number') return value.toLocaleString('en-US');
    if (format === 'datetime' && typeof value === 'string') return utcMinute(value);
    return String(value);
  });
  return params === undefined ? { code, message } : { code, params, message };
}

/** The placeholders of a template, sorted: what a sentence's params and every translation of it must name. */
export const templatePlaceholders = (template: string): string[] =>
  [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();

/**
 * A sentence whose form follows a count, as i18next picks `<code>_one` or `<code>_other` by the `count` param: the
 * English forms, so the web's English resource holds the same two texts.
 */
export interface PluralTemplate {
  one: string;
  other: string;
}

/** A plural sentence of one of the domain's tables, in the English form its `count` param picks. */
export const pluralTableSentence = (code: string, template: PluralTemplate, params: MessageParams & { count: number }): ServerMessage =>
  tableSentence(code, params.count === 1 ? template.one : template.other, params);
