// A rollup row's customer_id is the string the events carried: a customer's
// own ID or its external_id. Reads resolve both to the customer, so a customer
// created after its events adopts them, and unknown IDs count toward nothing.
// A filter (@ids, a JSON array) names customers by either, as events may.

/** `keys(ckey, cid)`: each rollup customer key with the Tally customer ID it resolves to, once. */
export function customerKeysCte(filtered: boolean): string {
  const cust = filtered
    ? `SELECT c.id, c.external_id FROM json_each(@ids) w CROSS JOIN customers c WHERE c.mode = @mode AND c.id = w.value
       UNION
       SELECT c.id, c.external_id FROM json_each(@ids) w CROSS JOIN customers c WHERE c.mode = @mode AND c.external_id = w.value`
    : 'SELECT id, external_id FROM customers WHERE mode = @mode';
  // CROSS JOIN keeps customers outer: rollup_customers also holds every unknown ID ever sent.
  return `WITH cust(id, ext) AS (${cust}),
  keys(ckey, cid) AS (
    SELECT rc.ckey, c.id FROM cust c CROSS JOIN rollup_customers rc WHERE rc.mode = @mode AND rc.customer_id = c.id
    UNION
    SELECT rc.ckey, c.id FROM cust c CROSS JOIN rollup_customers rc WHERE rc.mode = @mode AND rc.customer_id = c.ext
  )`;
}
