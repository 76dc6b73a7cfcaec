import { describe, expect, it } from 'vitest';
import { parseEnv, wantsDemoData } from '@/lib/config/env';

describe('configuration from the environment', () => {
  it('defaults to the embedded database with demo data and the offline map', () => {
    const result = parseEnv({});
    expect(result).toMatchObject({
      ok: true,
      env: { BUURTRADAR_DATA_DIR: '.data/pglite', BUURTRADAR_BASEMAP: 'offline' },
    });
    expect(result.ok && wantsDemoData(result.env)).toBe(true);
  });

  it('loads demo data on a server only on request', () => {
    const server = parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/buurtradar' });
    expect(server.ok && wantsDemoData(server.env)).toBe(false);
    const asked = parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/buurtradar', BUURTRADAR_DEMO: 'on' });
    expect(asked.ok && wantsDemoData(asked.env)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', BUURTRADAR_BASEMAP: ' ' })).toMatchObject({
      ok: true,
      env: { DATABASE_URL: undefined },
    });
  });

  it('names every invalid variable in one message', () => {
    const result = parseEnv({
      DATABASE_URL: 'mysql://localhost/x',
      BUURTRADAR_BASEMAP: 'google',
      BUURTRADAR_OSM_TILE_URL: 'http://tiles/{z}/{x}/{y}.png',
    });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('DATABASE_URL must be a PostgreSQL connection URL');
    expect(message).toContain('BUURTRADAR_BASEMAP');
    expect(message).toContain('BUURTRADAR_OSM_TILE_URL must be an https URL template');
    expect(message).not.toContain('\n');
  });
});
