import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/vite-csp-plugin';
import { datasetsPlugin } from './scripts/vite-datasets-plugin';
import { embedRuntimePlugin } from './scripts/vite-embed-plugin';

export default defineConfig({
  base: './',
  plugins: [react(), datasetsPlugin(), cspPlugin(), embedRuntimePlugin()],
  build: { chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // CI machines have 2 cores; a generous per-test limit avoids failures that say nothing about behaviour.
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
