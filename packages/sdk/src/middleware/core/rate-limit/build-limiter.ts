import type { LimitSpec } from './options.js';

/** The one method of rate-limiter-flexible's limiters that is used here. */
export interface Consumer {
  consume(key: string, points?: number): Promise<unknown>;
}

type Flexible = typeof import('rate-limiter-flexible');

let loaded: Promise<Flexible> | undefined;

// An optional peer dependency, loaded once a rate limit is built: tracking and quotas need none of it.
function load(): Promise<Flexible> {
  loaded ??= import('rate-limiter-flexible').then(
    (m) => ((m as { default?: Flexible }).default ?? m) as Flexible,
    (error: unknown) => {
      throw new Error('rate limits are counted by rate-limiter-flexible: npm install rate-limiter-flexible', { cause: error });
    },
  );
  return loaded;
}

export function checkSpec(spec: LimitSpec, where: string): void {
  const ok = (n: number | undefined) => Number.isFinite(n) && n! > 0;
  if (!ok(spec.points) || !ok(spec.duration)) throw new TypeError(`${where}: points and duration must be numbers > 0`);
  if (spec.algorithm === 'token-bucket' && !ok(spec.burst)) throw new TypeError(`${where}: a token-bucket needs burst > 0`);
}

export interface StoreChoice {
  /** A Redis client (ioredis or node-redis); undefined counts in this process's memory. */
  redis: unknown;
  keyPrefix: string;
  onStoreError: 'memory' | 'allow' | 'deny';
}

/**
 * A rate-limiter-flexible limiter for one spec: RateLimiterMemory, or
 * RateLimiterRedis with a memory one as its insurance when asked; a token
 * bucket is its BurstyRateLimiter over a steady and a burst limiter.
 */
export async function buildLimiter(spec: LimitSpec, store: StoreChoice, name: string): Promise<Consumer> {
  const rl = await load();
  const make = (points: number, duration: number, suffix: string): Consumer => {
    const keyPrefix = `${store.keyPrefix}:${name}${suffix}`;
    if (store.redis === undefined) return new rl.RateLimiterMemory({ points, duration, keyPrefix });
    const insuranceLimiter = store.onStoreError === 'memory' ? new rl.RateLimiterMemory({ points, duration, keyPrefix }) : undefined;
    return new rl.RateLimiterRedis({ storeClient: store.redis, points, duration, keyPrefix, insuranceLimiter, rejectIfRedisNotReady: true });
  };
  const steady = make(spec.points, spec.duration, '');
  if (spec.algorithm !== 'token-bucket') return steady;
  const burst = make(spec.burst!, spec.burstDuration ?? spec.duration, ':burst');
  return new rl.BurstyRateLimiter(steady as never, burst as never);
}
