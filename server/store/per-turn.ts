// Issue 13: on PostgreSQL a statement costs both sides a round trip's CPU, more than the work in it
// for a one-row read or count. What each request of a rush reads or counts is gathered from the
// requests received in one turn of the event loop and sent as one statement. Each request's part is
// sent after it arrived, so it sees everything committed before it.
import DataLoader from 'dataloader';

/** Calls made during one turn are answered by one call of `batch`, at the end of the turn; keys may repeat. */
export function perTurn<K, V>(batch: (keys: readonly K[]) => Promise<readonly V[]>) {
  return new DataLoader<K, V>(batch, { cache: false, batchScheduleFn: (callback) => setImmediate(callback) });
}
