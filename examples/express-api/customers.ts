/**
 * The API keys this demo API hands out, and whose they are. A real API would
 * look keys up in its own database; the customer ID is what Tally bills.
 */
export const API_KEYS: Record<string, string> = {
  demo_key_acme: 'acme',
  demo_key_globex: 'globex',
};

export const CUSTOMERS = [
  { external_id: 'acme', name: 'Acme Corp', email: 'billing@acme.example', monthlyCalls: 1000 },
  { external_id: 'globex', name: 'Globex', email: 'billing@globex.example', monthlyCalls: 20 },
];
