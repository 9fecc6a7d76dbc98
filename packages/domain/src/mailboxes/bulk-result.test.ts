import { describe, expect, it } from 'vitest';
import { templatePlaceholders } from '../shared/sentence.ts';
import { BULK_RESULT_SENTENCES, bulkSentence, createBulkResult } from './bulk-result.ts';

describe('bulk results', () => {
  it('keep each row\'s English sentence and name it by its code and params (decision 58)', () => {
    const bulk = createBulkResult();
    bulk.done({ id: 'm1', name: 'Pat' }, bulkSentence('TEST_AND_ENABLE_JOINED', { number: 7, name: 'Alex Wilber' }));
    bulk.skip({ id: 'm2', name: 'Sales' }, { code: 'MAILBOX_WRITE_NEEDED', message: 'You need Write privilege on Mailbox to change mailboxes.' });
    expect(bulk.result().results).toEqual([
      {
        mailboxId: 'm1', name: 'Pat', outcome: 'done', message: 'Already being tested by job #7 (started by Alex Wilber); joined it.',
        sentences: [{ code: 'TEST_AND_ENABLE_JOINED', params: { number: 7, name: 'Alex Wilber' } }],
      },
      {
        mailboxId: 'm2', name: 'Sales', outcome: 'skipped', message: 'You need Write privilege on Mailbox to change mailboxes.',
        sentences: [{ code: 'MAILBOX_WRITE_NEEDED' }],
      },
    ]);
  });

  it('refuses a sentence without a param its text needs', () => {
    expect(() => bulkSentence('TEST_AND_ENABLE_STARTED')).toThrow(/needs the param number/);
    expect(templatePlaceholders(BULK_RESULT_SENTENCES.TEST_AND_ENABLE_SCHEDULED)).toEqual(['number', 'time']);
  });
});
