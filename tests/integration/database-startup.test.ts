import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServerDatabase } from '@/db/client';
import { openEmbeddedDatabase } from '@/db/embedded';
import { DatabaseStartupError } from '@/db/errors';
import { testBackend } from '../support/test-database';

describe('database start-up failures are explained in one line', () => {
  it('names the server when DATABASE_URL cannot be reached, without its password', async () => {
    const attempt = openServerDatabase('postgres://buurtradar:secret@127.0.0.1:1/buurtradar');
    await expect(attempt).rejects.toBeInstanceOf(DatabaseStartupError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toMatch(
      /^Cannot reach the PostGIS server at postgres:\/\/buurtradar:\*\*\*@127\.0\.0\.1:1\/buurtradar \(DATABASE_URL\)/,
    );
    expect(message).not.toContain('secret');
    expect(message).not.toContain('\n');
  });

  it.skipIf(testBackend() === 'server')(
    'refuses a data folder that another process has open, naming the folder',
    async () => {
      const folder = path.join(mkdtempSync(path.join(tmpdir(), 'buurtradar-lock-')), 'data');
      const first = await openEmbeddedDatabase(folder);
      try {
        await expect(openEmbeddedDatabase(folder)).rejects.toThrow(`Embedded database folder ${folder} is locked`);
      } finally {
        await first.close();
      }
    },
  );

  it.skipIf(testBackend() === 'server')('refuses a corrupt data folder, naming the folder', async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'buurtradar-corrupt-')), 'data');
    mkdirSync(path.join(folder, 'global'), { recursive: true });
    writeFileSync(path.join(folder, 'PG_VERSION'), 'not a postgres data folder\n');
    writeFileSync(path.join(folder, 'global', 'pg_control'), 'garbage');
    await expect(openEmbeddedDatabase(folder)).rejects.toThrow(`Embedded database folder ${folder} cannot be opened`);
  });
});
