import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in a real Chromium (Debian's, since browsers cannot be downloaded here)
 * against the production build, once per database backend: the embedded PostGIS always, and
 * the PostGIS server in TEST_DATABASE_URL when it is set. Each server is reset and seeded with
 * the demo dataset before it starts, so every run begins from the same data.
 */
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const serverUrl = process.env.TEST_DATABASE_URL;
/** First of the two ports the test servers listen on (E2E_PORT, default 3210), so that two checkouts can test at once. */
const firstPort = Number(process.env.E2E_PORT ?? 3210);

const backends: { name: string; port: number; env: Record<string, string> }[] = [
  { name: 'embedded', port: firstPort, env: { BUURTRADAR_DATA_DIR: '.data/e2e', DATABASE_URL: '' } },
  ...(serverUrl ? [{ name: 'server', port: firstPort + 1, env: { DATABASE_URL: serverUrl } }] : []),
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    locale: 'nl-BE',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Software WebGL (SwiftShader) for MapLibre, and no calls home: the machine has no internet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: backends.map((backend) => ({
    name: backend.name,
    use: {
      ...devices['Desktop Chrome'],
      viewport: { width: 1440, height: 900 },
      baseURL: `http://127.0.0.1:${backend.port}`,
    },
  })),
  webServer: backends.map((backend) => ({
    command: `npx tsx db/cli.ts reset --yes --demo && npx next start -H 127.0.0.1 -p ${backend.port}`,
    url: `http://127.0.0.1:${backend.port}/api/health`,
    env: { ...backend.env, BUURTRADAR_BASEMAP: 'offline', NODE_ENV: 'production' },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});
