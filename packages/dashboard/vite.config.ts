import { defineConfig } from 'vite';

// The server serves the build at /dashboard/; API calls go to the same origin.
export default defineConfig({
  base: '/dashboard/',
  // Bundle @tally/core from its TypeScript source, so the dashboard builds
  // without waiting for core's own build.
  resolve: { conditions: ['tally-source'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 400 },
  server: {
    proxy: Object.fromEntries(
      ['/events', '/customers', '/meters', '/plans', '/api-keys', '/stats', '/analytics', '/metrics', '/openapi.json', '/health']
        .map((p) => [p, process.env.TALLY_URL ?? 'http://127.0.0.1:8080']),
    ),
  },
});
