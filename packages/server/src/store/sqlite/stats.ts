import { modeCode } from '../mode-code.js';
import type { MinuteCount, StatsStore, UnknownCustomer } from '../stats-types.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

export function sqliteStats(db: SqliteDatabase): StatsStore {
  // Both read a time range of the (mode, ts) index, never the whole table.
  const perMinute = db.prepare(
    `SELECT (ts / 60000) * 60000 AS minute, COUNT(*) AS count
     FROM events WHERE mode = ? AND ts >= ? AND ts < ?
     GROUP BY minute ORDER BY minute`,
  );
  const unknown = db.prepare(
    `SELECT customer_id AS customerId, COUNT(*) AS events, MAX(ts) AS lastTs
     FROM events e WHERE mode = @mode AND ts >= @since
     GROUP BY customer_id
     HAVING NOT EXISTS (SELECT 1 FROM customers c WHERE c.mode = @mode AND c.id = e.customer_id)
        AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.mode = @mode AND c.external_id = e.customer_id)
     ORDER BY events DESC, customer_id LIMIT @limit`,
  );
  return {
    async eventsPerMinute(mode, since, until) {
      return guard(() => perMinute.all(modeCode(mode), since, until) as MinuteCount[]);
    },
    async unknownCustomers(mode, since, limit) {
      return guard(() => unknown.all({ mode: modeCode(mode), since, limit }) as UnknownCustomer[]);
    },
  };
}
