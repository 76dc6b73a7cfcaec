import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Helpers for the admin import page (/beheer/import) and its API. */
export const fixturePath = (name: string) => path.join(process.cwd(), 'tests/fixtures/imports', name);

export interface RunJson {
  id: number;
  layer: string;
  fileName: string;
  rowCount: number;
  undoneAt: string | null;
  replacedCount: number;
}

/** Chooses the layer and the file, runs the dry run and waits for its report. */
export async function dryRun(page: Page, layer: string, file: string, options: { crs?: string } = {}) {
  await page.getByTestId('import-layer').selectOption(layer);
  if (options.crs) await page.getByTestId('import-crs').selectOption(options.crs);
  await page.getByTestId('import-file').setInputFiles(fixturePath(file));
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
}

/** Commits the checked file and waits until the page says it is done; returns the new run. */
export async function commit(page: Page, request: APIRequestContext, fileName: string): Promise<RunJson> {
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '100');
  const runs = await listRuns(request);
  const run = runs.find((r) => r.fileName === fileName && r.undoneAt === null);
  expect(run, `an active run of ${fileName}`).toBeDefined();
  return run!;
}

export async function listRuns(request: APIRequestContext): Promise<RunJson[]> {
  const response = await request.get('/api/imports');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { runs: RunJson[] }).runs;
}

export async function tileVersions(request: APIRequestContext): Promise<Record<string, string>> {
  const response = await request.get('/api/tiles/versions');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { layers: Record<string, { version: string }> };
  return Object.fromEntries(Object.entries(body.layers).map(([layer, { version }]) => [layer, version]));
}

/** Undoes every active uploaded import, so a test leaves the database as it found it. */
export async function undoAll(request: APIRequestContext) {
  for (const run of await listRuns(request)) {
    if (run.undoneAt === null) expect((await request.post(`/api/imports/${run.id}/undo`)).status()).toBe(200);
  }
}
