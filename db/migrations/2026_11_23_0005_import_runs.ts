import { type Kysely, sql } from 'kysely';

/**
 * Uploaded imports (issue 4, item 5). Frozen once shipped: add a new migration instead.
 *
 * - import_runs gets who imported (the user id; `created_by` keeps the name as it was then),
 *   the file's SHA-256, size and how it was read, and who undid it. A partial unique index
 *   makes a second import of the same file into the same layer fail while the first is in
 *   force, also when two arrive at once on two app instances.
 * - Indicator values are unique per area, indicator and period. An import that brings a value
 *   for a key that already has one replaces it and keeps the old row in
 *   replaced_indicator_values, so undoing the import puts it back (unless the import that
 *   brought the old value was undone itself meanwhile).
 * - Indicator periods may be a reference day (Statbel's "2024-01-01"), as the import accepts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE import_runs
      ADD COLUMN created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN undone_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      ADD COLUMN file_bytes integer CHECK (file_bytes >= 0),
      ADD COLUMN file_format text CHECK (file_format IN ('csv', 'geojson')),
      ADD COLUMN encoding text,
      ADD COLUMN delimiter text,
      ADD COLUMN crs text CHECK (crs IN ('wgs84', 'lambert72')),
      ADD COLUMN warning_count integer NOT NULL DEFAULT 0 CHECK (warning_count >= 0),
      ADD COLUMN replaced_count integer NOT NULL DEFAULT 0 CHECK (replaced_count >= 0)`.execute(db);
  await sql`
    CREATE UNIQUE INDEX import_runs_active_file_idx ON import_runs (layer, file_sha256)
    WHERE undone_at IS NULL AND file_sha256 IS NOT NULL`.execute(db);
  await sql`CREATE INDEX import_runs_created_at_idx ON import_runs (created_at DESC)`.execute(db);

  // Undo deletes by import run: without these indexes every undo scans the whole table.
  for (const table of [
    'services',
    'street_lights',
    'social_housing_complexes',
    'substandard_dwellings',
    'indicator_values',
  ]) {
    await sql`CREATE INDEX ${sql.id(`${table}_import_run_idx`)} ON ${sql.table(table)} (import_run_id)`.execute(db);
  }

  await sql`
    CREATE TABLE replaced_indicator_values (
      id bigserial PRIMARY KEY,
      replaced_by_run_id bigint NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
      original_run_id bigint REFERENCES import_runs (id) ON DELETE CASCADE,
      area_level text NOT NULL,
      area_code text NOT NULL,
      indicator_code text NOT NULL,
      period text NOT NULL,
      value double precision NOT NULL,
      unit text NOT NULL,
      source text NOT NULL,
      is_estimate boolean NOT NULL,
      is_demo boolean NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX replaced_indicator_values_by_idx ON replaced_indicator_values (replaced_by_run_id)`.execute(
    db,
  );
  await sql`CREATE INDEX replaced_indicator_values_original_idx ON replaced_indicator_values (original_run_id)`.execute(
    db,
  );

  await sql`ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_period_check`.execute(db);
  await sql`
    ALTER TABLE indicator_values ADD CONSTRAINT indicator_values_period_check
    CHECK (period ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM indicator_values WHERE period ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`.execute(db);
  await sql`ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_period_check`.execute(db);
  await sql`ALTER TABLE indicator_values ADD CONSTRAINT indicator_values_period_check CHECK (period ~ '^[0-9]{4}(-[0-9]{2})?$')`.execute(
    db,
  );
  await sql`DROP TABLE IF EXISTS replaced_indicator_values`.execute(db);
  for (const table of [
    'services',
    'street_lights',
    'social_housing_complexes',
    'substandard_dwellings',
    'indicator_values',
  ]) {
    await sql`DROP INDEX IF EXISTS ${sql.id(`${table}_import_run_idx`)}`.execute(db);
  }
  await sql`DROP INDEX IF EXISTS import_runs_created_at_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS import_runs_active_file_idx`.execute(db);
  await sql`
    ALTER TABLE import_runs
      DROP COLUMN created_by_user_id, DROP COLUMN undone_by_user_id, DROP COLUMN file_sha256, DROP COLUMN file_bytes,
      DROP COLUMN file_format, DROP COLUMN encoding, DROP COLUMN delimiter, DROP COLUMN crs,
      DROP COLUMN warning_count, DROP COLUMN replaced_count`.execute(db);
}
