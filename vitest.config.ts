import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    '@': root,
    // `server-only` throws outside React Server Components; tests import db/ directly.
    'server-only': path.join(root, 'tests/support/empty-module.ts'),
  },
};

/**
 * Unit tests, then the same integration suite on each database backend: always the embedded
 * PostGIS (PGlite), and a PostGIS server too when TEST_DATABASE_URL is set.
 */
const integration = (backend: 'embedded' | 'server') => ({
  resolve,
  test: {
    name: `integration-${backend}`,
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    env: { BUURTRADAR_TEST_BACKEND: backend },
    globalSetup: ['tests/support/global-setup.ts'],
    // Every test file shares one server database: run them one after another there.
    fileParallelism: backend === 'embedded',
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { resolve, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      integration('embedded'),
      ...(process.env.TEST_DATABASE_URL ? [integration('server')] : []),
    ],
  },
});
