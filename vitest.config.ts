import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql@16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for Pothos and
    // Yoga, so the tests must too, or two copies of graphql meet and refuse each other's types.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // a real Neo4j and a real Redis (live updates across instances), each started once per run
    globalSetup: ['tests/setup/neo4j.globalSetup.ts', 'tests/setup/redis.globalSetup.ts'],
    // Test files share one Neo4j (Community holds one user database), so they run one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    // request logs would drown the test output; tests of logging give their own destination
    env: { LOG_LEVEL: 'silent' },
    hookTimeout: 180_000,
  },
});
