/** Who a request is billed to; undefined, null or '' when unknown. May be async (a key lookup). */
export type CustomerResolver<Req> = (req: Req) => string | null | undefined | Promise<string | null | undefined>;

export interface CustomerOptions<Req> {
  customerId: CustomerResolver<Req>;
  /** Used when the resolver finds no customer; without it such requests are skipped. */
  anonymousCustomerId?: string;
}

/** The customer of `req`, or the anonymous ID; undefined means skip. A promise only when the resolver returned one. */
export function resolveCustomerSync<Req>(
  options: CustomerOptions<Req>,
  req: Req,
): string | undefined | Promise<string | undefined> {
  const id = options.customerId(req);
  if (id instanceof Promise) return id.then((v) => (typeof v === 'string' && v !== '' ? v : options.anonymousCustomerId || undefined));
  if (typeof id === 'string' && id !== '') return id;
  return options.anonymousCustomerId || undefined;
}
