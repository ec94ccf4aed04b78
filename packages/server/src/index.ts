export { startServer, closeOnSignals, type RunningServer } from './server.js';
export { loadConfig, ConfigError, type ConfigFlags } from './config/load-config.js';
export type { Config } from './config/config.js';
export { openStore } from './store/open-store.js';
export type { Store } from './store/store.js';
export type { Mode } from './store/types.js';
