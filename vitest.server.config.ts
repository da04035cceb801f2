import { defineConfig } from 'vitest/config';

/**
 * The server suite: the API and the importer over the embedded PGlite (no service needed), or over the
 * PostgreSQL server DATABASE_URL names (.ci/run starts one), each file in a schema of its own.
 */
export default defineConfig({
  test: {
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file starts its own database; two at a time is what a 2-core machine affords.
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/server.json' },
  },
});
