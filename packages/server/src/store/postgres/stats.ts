import { modeCode } from '../mode-code.js';
import type { MinuteCount, StatsStore, UnknownCustomer } from '../stats-types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

// COUNT(*) is bigint (a string from the driver): cast to int, a minute or a
// day of one customer's events stays far below 2^31.
const PER_MINUTE = `
  SELECT (ts / 60000) * 60000 AS minute, COUNT(*)::int AS count
  FROM events WHERE mode = $1 AND ts >= $2 AND ts < $3
  GROUP BY 1 ORDER BY 1`;

const UNKNOWN = `
  SELECT customer_id AS "customerId", COUNT(*)::int AS events, MAX(ts) AS "lastTs"
  FROM events e WHERE mode = $1 AND ts >= $2
  GROUP BY customer_id
  HAVING NOT EXISTS (SELECT 1 FROM customers c WHERE c.mode = $1 AND (c.id = e.customer_id OR c.external_id = e.customer_id))
  ORDER BY events DESC, customer_id LIMIT $3`;

export function postgresStats(pool: PgPool): StatsStore {
  return {
    async eventsPerMinute(mode, since, until) {
      const rows = await guard(() => pool.query<MinuteCount>(PER_MINUTE, [modeCode(mode), since, until]));
      return rows.map((r) => ({ minute: Number(r.minute), count: Number(r.count) }));
    },
    async unknownCustomers(mode, since, limit) {
      const rows = await guard(() => pool.query<UnknownCustomer>(UNKNOWN, [modeCode(mode), since, limit]));
      return rows.map((r) => ({ customerId: r.customerId, events: Number(r.events), lastTs: Number(r.lastTs) }));
    },
  };
}
