import type { CallContext, Route } from './call-context.js';

type Fn = (...args: unknown[]) => unknown;

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);
const isPrefix = (prefix: readonly string[], path: readonly string[]) =>
  prefix.length < path.length && prefix.every((p, i) => p === path[i]);

/** Proxy invariants forbid answering anything but the real value for these. */
function isFixed(target: object, prop: PropertyKey): boolean {
  const d = Object.getOwnPropertyDescriptor(target, prop);
  return !!d && d.configurable === false && d.writable === false;
}

/**
 * Wraps `client` so that the methods at `routes` paths (e.g. chat.completions.create)
 * go through their interceptors. Objects on the way to a route are proxied in turn;
 * everything else passes through. Methods that are not intercepted are bound to the
 * real object, because SDK clients keep private state (#fields) that a proxy
 * receiver cannot reach; getters also run on the real object for the same reason.
 */
export function proxyClient<T extends object>(client: T, routes: readonly Route[], ctx: CallContext, prefix: readonly string[] = []): T {
  const cache = new Map<PropertyKey, { source: unknown; value: unknown }>();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== 'string' || prop === 'constructor' || isFixed(target, prop) || (typeof value !== 'function' && (typeof value !== 'object' || value === null))) {
        return value;
      }
      const hit = cache.get(prop);
      if (hit && hit.source === value) return hit.value;
      const path = [...prefix, prop];
      let out: unknown;
      const route = routes.find((r) => samePath(r.path, path));
      if (route && typeof value === 'function') {
        const original = value as Fn;
        out = function tracked(this: unknown, ...args: unknown[]) {
          return route.intercept(original, target, args, ctx);
        };
      } else if (typeof value === 'object' && routes.some((r) => isPrefix(path, r.path))) {
        out = proxyClient(value as object, routes, ctx, path);
      } else if (typeof value === 'function') {
        out = (value as Fn).bind(target);
      } else {
        return value;
      }
      cache.set(prop, { source: value, value: out });
      return out;
    },
  });
}
