import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { buildApp, type AppOptions } from './http/app.js';
import type { AppContext } from './http/context.js';
import { createContext } from './services/create-context.js';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export async function startServer(config: Config, opts: AppOptions = {}): Promise<RunningServer> {
  const ctx = await createContext(config);
  const app = await buildApp(ctx, opts);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await ctx.store.close();
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    ctx,
    url: `http://${host}:${port}`,
    close: () => (closing ??= app.close().then(() => ctx.store.close())),
  };
}

/** On SIGTERM/SIGINT: drain within the configured deadline, then exit. */
export function closeOnSignals(server: RunningServer, timeoutMs: number): void {
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      server.app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
