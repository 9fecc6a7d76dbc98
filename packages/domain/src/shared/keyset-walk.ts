/** One batch of a keyset walk: its rows and where the next batch starts (null after the last). */
export interface KeysetBatch<T, C> {
  items: T[];
  next: C | null;
}

/**
 * Every row of a list, batch by batch, each batch read only when the reader asks for it: the exports'
 * walk (decision 49), so the portal holds one batch whatever the list's size.
 */
export function walkKeyset<T, C>(readBatch: (after: C | null) => Promise<KeysetBatch<T, C>>): AsyncIterable<T[]> {
  return {
    async* [Symbol.asyncIterator]() {
      let after: C | null = null;
      do {
        const batch: KeysetBatch<T, C> = await readBatch(after);
        if (batch.items.length > 0) yield batch.items;
        after = batch.next;
      } while (after);
    },
  };
}
