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
  sourcemap: true,
  clean: true,
  treeshake: true,
  tsconfig: 'tsconfig.json',
});
