import { describe, expect, it } from 'vitest';
import { pluralTableSentence, tableSentence, templatePlaceholders } from './sentence.ts';

describe('table sentences', () => {
  it('says a count of `{{name, number}}` as English does, and names it as a placeholder', () => {
    const template = 'Approve {{count, number}} of {{total}}.';
    expect(tableSentence('X', template, { count: 1234, total: 5678 }).message).toBe('Approve 1,234 of 5678.');
    expect(templatePlaceholders(template)).toEqual(['count', 'total']);
  });

  it('picks the English form of a plural sentence by its count and keeps the count a number', () => {
    const template = { one: '{{count, number}} mailbox.', other: '{{count, number}} mailboxes.' };
    expect(pluralTableSentence('X', template, { count: 1 })).toEqual({ code: 'X', params: { count: 1 }, message: '1 mailbox.' });
    expect(pluralTableSentence('X', template, { count: 0 }).message).toBe('0 mailboxes.');
    expect(pluralTableSentence('X', template, { count: 2500 }).message).toBe('2,500 mailboxes.');
  });
});
