// A rollup row's customer_id is the string the events carried: a customer's
// own ID or its external_id. Reads resolve both to the customer, so a customer
// created after its events adopts them, and unknown IDs count toward nothing.
// A filter (a text[] parameter) names customers by either, as events may.

/** `keys(rid, cid)`: each customer_id rollup rows may carry, with the Tally customer ID it resolves to, once. $1 is the mode. */
export function customerKeysCte(idsParam?: string): string {
  const only = idsParam === undefined ? '' : ` AND (c.id = ANY(${idsParam}::text[]) OR c.external_id = ANY(${idsParam}::text[]))`;
  return `WITH keys(rid, cid) AS (
      SELECT c.id, c.id FROM customers c WHERE c.mode = $1${only}
      UNION
      SELECT c.external_id, c.id FROM customers c WHERE c.mode = $1 AND c.external_id IS NOT NULL${only}
    )`;
}
