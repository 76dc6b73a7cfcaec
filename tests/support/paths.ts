import path from 'node:path';

export const SNAPSHOT_PATH = path.join(process.cwd(), '.data', 'test', 'integration-snapshot.tar.gz');

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}
