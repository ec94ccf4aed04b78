import type { Store } from '../store/store.js';
import type { Customer, Mode, StoredEvent } from '../store/types.js';

/**
 * Every event of a mode, newest first, in pages through the port's list().
 * Pages by timestamp (an `end` bound) rather than a growing offset, so a
 * long export stays linear; the offset only steps over events sharing the
 * boundary millisecond already yielded.
 */
export async function* scanEvents(store: Store, mode: Mode, page = 1000): AsyncGenerator<StoredEvent> {
  let end: number | undefined;
  let skip = 0;
  for (;;) {
    const rows = await store.events.list(mode, { end, limit: page, offset: skip });
    yield* rows;
    if (rows.length < page) return;
    const last = rows[rows.length - 1]!.timestamp;
    if (end === last + 1) {
      skip += rows.length; // the whole page shared the boundary millisecond
    } else {
      end = last + 1;
      skip = rows.filter((e) => e.timestamp === last).length;
    }
  }
}

/** Every customer of a mode. */
export async function* scanCustomers(store: Store, mode: Mode, page = 1000): AsyncGenerator<Customer> {
  for (let offset = 0; ; offset += page) {
    const rows = await store.customers.list(mode, { limit: page, offset });
    yield* rows;
    if (rows.length < page) return;
  }
}
