import { defineConfig } from 'tsup';

// One bundle per public entry point. @tally/core is bundled in (noExternal)
// because the SDK ships with no runtime dependencies.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    llm: 'src/blueprints/llm/index.ts',
    'object-storage': 'src/blueprints/object-storage/index.ts',
    stream: 'src/blueprints/stream/index.ts',
    'time-range': 'src/blueprints/time-range/index.ts',
    express: 'src/middleware/express/index.ts',
    fastify: 'src/middleware/fastify/index.ts',
    hono: 'src/middleware/hono/index.ts',
    // Not an export: the worker thread createBatch({ thread: true }) starts, found beside the chunk that starts it.
    'batch-worker': 'src/batch/thread/batch-worker.ts',
  },
  format: ['esm', 'cjs'],
  target: 'node20',
  platform: 'node',
  dts: {
    resolve: ['@tally/core'],
    compilerOptions: { composite: false, rootDir: '..', baseUrl: '.', paths: { '@tally/core': ['../core/src/index.ts'] } },
  },
  noExternal: ['@tally/core'],
  esbuildOptions(options) {
    options.conditions = ['tally-source'];
  },
  splitting: true,
  // import.meta.url in the CommonJS build too: the threaded batch finds its worker file by it.
  shims: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  tsconfig: 'tsconfig.json',
});
