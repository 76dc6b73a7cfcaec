import { type Kysely, sql } from 'kysely';

/**
 * Signal roll-ups: counts of signals per map cell and month, and per neighbourhood and month,
 * kept exact by triggers, so that signal tiles and neighbourhood counts over month windows
 * read a few thousand small rows instead of up to a million signals. Frozen once shipped.
 *
 * Cells are those of the signal tiles (db/queries/signal-tiles.ts): a global grid over
 * EPSG:3857, 2^grid_bits cells wide: the grid of zoom grid_bits − 5, up to 16 (zoom 11 and
 * deeper: the finest cells, about 611 m in EPSG:3857). A signal's finest cell is computed in
 * closed form exactly as the tile query computes it, and coarser cells by dropping bits, which
 * equals the coarser grid's own floor() because the grids differ by powers of two.
 * block_x/block_y are the cell's block of 32 × 32, the cells of one tile at the grid's own
 * zoom, so a tile's months are one index range.
 * Months are calendar months of Europe/Brussels. The municipality is kept so that a view
 * limited to some municipalities can be answered from the roll-up too.
 *
 * The triggers are per statement, over transition tables: a bulk INSERT costs one grouped
 * upsert, not one per row. A transaction that loads in bulk may set
 * `buurtradar.signal_rollups = 'deferred'` (SET LOCAL) and call rebuild_signal_rollups() at
 * its end instead (db/queries/signal-rollups.ts does both).
 */

/**
 * The grids kept, as log2 of their width in cells: those of zooms 5, 7, 9 and 11+. A tile of a
 * zoom in between reads the next finer grid and merges its cells 2 × 2, which keeps the
 * roll-up at about 2.3 rows per signal (every zoom's own grid would take 5).
 */
const GRIDS = [10, 12, 14, 16];

/** The finest cell of a signal on the 65,536-cell grid, and its month. */
const FUNCTIONS = [
  sql`CREATE FUNCTION signal_cell_x(geom geometry) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN floor((ST_X(geom) + 180) * (65536::float8 / 360))::integer`,
  sql`CREATE FUNCTION signal_cell_y(geom geometry) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN floor((1 - asinh(tan(radians(ST_Y(geom)))) / pi()) * 32768::float8)::integer`,
  sql`CREATE FUNCTION signal_month(observed_at timestamptz) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE
    RETURN date_trunc('month', observed_at AT TIME ZONE 'Europe/Brussels')::date`,
];

/**
 * (The counts have no CHECK (count >= 0): PostgreSQL checks the row an upsert proposes, here a
 * negative delta, before it finds the row to add it to.)
 *
 * Adds `delta` rows (columns geom, observed_at, category_code, municipality_nis,
 * neighbourhood_code, delta = +1 or −1) to every roll-up, in key order so that concurrent
 * writers lock rows in the same order, then drops the rows that reached zero.
 */
const apply = (changes: string) => `
  INSERT INTO signal_cell_months AS r (grid_bits, month, cx, cy, municipality_nis, category_code, count)
  SELECT * FROM (
    SELECT g, month, cx >> (16 - g) AS cx, cy >> (16 - g) AS cy, municipality_nis, category_code, sum(delta)
    FROM (SELECT signal_month(observed_at) AS month, signal_cell_x(geom) AS cx, signal_cell_y(geom) AS cy,
            municipality_nis, category_code, delta FROM ${changes} AS d) c
      CROSS JOIN unnest(ARRAY[${GRIDS.join(', ')}]) AS g
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0
  ) cells
  ORDER BY g, cx >> 5, cy >> 5, month, cx, cy, municipality_nis, category_code
  ON CONFLICT (grid_bits, block_x, block_y, month, cx, cy, municipality_nis, category_code)
    DO UPDATE SET count = r.count + excluded.count;
  DELETE FROM signal_cell_months WHERE count = 0;

  INSERT INTO signal_neighbourhood_months AS r (category_code, month, municipality_nis, neighbourhood_code, count)
  SELECT category_code, signal_month(observed_at), municipality_nis, neighbourhood_code, sum(delta)
  FROM ${changes} AS c
  GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (category_code, month, municipality_nis, neighbourhood_code)
    DO UPDATE SET count = r.count + excluded.count;
  DELETE FROM signal_neighbourhood_months WHERE count = 0;

  INSERT INTO signal_neighbourhood_month_totals AS r (month, municipality_nis, neighbourhood_code, count)
  SELECT signal_month(observed_at), municipality_nis, neighbourhood_code, sum(delta)
  FROM ${changes} AS c
  GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (month, municipality_nis, neighbourhood_code) DO UPDATE SET count = r.count + excluded.count;
  DELETE FROM signal_neighbourhood_month_totals WHERE count = 0;`;

const COLUMNS = 'geom, observed_at, category_code, municipality_nis, neighbourhood_code';
const DEFERRED = `IF current_setting('buurtradar.signal_rollups', true) = 'deferred' THEN RETURN NULL; END IF;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE signal_cell_months (
      grid_bits smallint NOT NULL CHECK (grid_bits IN (10, 12, 14, 16)),
      block_x integer GENERATED ALWAYS AS (cx >> 5) STORED,
      block_y integer GENERATED ALWAYS AS (cy >> 5) STORED,
      month date NOT NULL,
      cx integer NOT NULL,
      cy integer NOT NULL,
      municipality_nis text NOT NULL,
      category_code text NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (grid_bits, block_x, block_y, month, cx, cy, municipality_nis, category_code)
    )`.execute(db);
  // Rows whose signals all went are deleted right after; this finds them without a scan.
  await sql`CREATE INDEX signal_cell_months_empty_idx ON signal_cell_months (grid_bits) WHERE count = 0`.execute(db);

  await sql`
    CREATE TABLE signal_neighbourhood_months (
      category_code text NOT NULL,
      month date NOT NULL,
      municipality_nis text NOT NULL,
      neighbourhood_code text NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (category_code, month, municipality_nis, neighbourhood_code)
    )`.execute(db);
  await sql`CREATE INDEX signal_neighbourhood_months_empty_idx ON signal_neighbourhood_months (month) WHERE count = 0`.execute(
    db,
  );
  // The same over all categories: a count of every category reads 12 rows per neighbourhood
  // and year here instead of one per category.
  await sql`
    CREATE TABLE signal_neighbourhood_month_totals (
      month date NOT NULL,
      municipality_nis text NOT NULL,
      neighbourhood_code text NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (month, municipality_nis, neighbourhood_code)
    )`.execute(db);
  await sql`CREATE INDEX signal_neighbourhood_month_totals_empty_idx ON signal_neighbourhood_month_totals (month) WHERE count = 0`.execute(
    db,
  );

  for (const statement of FUNCTIONS) await statement.execute(db);

  await sql
    .raw(
      `
    CREATE FUNCTION signal_rollups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${DEFERRED}
      ${apply(`(SELECT ${COLUMNS}, 1 AS delta FROM new_rows)`)}
      RETURN NULL;
    END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `
    CREATE FUNCTION signal_rollups_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${DEFERRED}
      ${apply(`(SELECT ${COLUMNS}, -1 AS delta FROM old_rows)`)}
      RETURN NULL;
    END $$`,
    )
    .execute(db);
  // Only rows whose counted columns changed (a status change, the usual update, moves nothing).
  await sql
    .raw(
      `
    CREATE FUNCTION signal_rollups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${DEFERRED}
      ${apply(`(
        SELECT o.geom, o.observed_at, o.category_code, o.municipality_nis, o.neighbourhood_code, -1 AS delta
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.geom, o.observed_at, o.category_code, o.municipality_nis, o.neighbourhood_code)
          IS DISTINCT FROM (n.geom, n.observed_at, n.category_code, n.municipality_nis, n.neighbourhood_code)
        UNION ALL
        SELECT n.geom, n.observed_at, n.category_code, n.municipality_nis, n.neighbourhood_code, 1
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.geom, o.observed_at, o.category_code, o.municipality_nis, o.neighbourhood_code)
          IS DISTINCT FROM (n.geom, n.observed_at, n.category_code, n.municipality_nis, n.neighbourhood_code))`)}
      RETURN NULL;
    END $$`,
    )
    .execute(db);

  await sql`CREATE TRIGGER signal_rollups_insert AFTER INSERT ON signals REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signal_rollups_after_insert()`.execute(db);
  await sql`CREATE TRIGGER signal_rollups_delete AFTER DELETE ON signals REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signal_rollups_after_delete()`.execute(db);
  await sql`CREATE TRIGGER signal_rollups_update AFTER UPDATE ON signals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION signal_rollups_after_update()`.execute(db);

  // Recomputes the roll-ups from the signals: after a deferred bulk load, or to repair.
  await sql
    .raw(
      `
    CREATE FUNCTION rebuild_signal_rollups() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE signal_cell_months, signal_neighbourhood_months, signal_neighbourhood_month_totals;
      ${apply(`(SELECT ${COLUMNS}, 1 AS delta FROM signals)`)}
    END $$`,
    )
    .execute(db);
  // Signals that exist before this migration (an upgraded database) are counted now.
  await sql`SELECT rebuild_signal_rollups()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ['signal_rollups_insert', 'signal_rollups_delete', 'signal_rollups_update']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(trigger)} ON signals`.execute(db);
  }
  for (const fn of [
    'rebuild_signal_rollups()',
    'signal_rollups_after_insert()',
    'signal_rollups_after_delete()',
    'signal_rollups_after_update()',
    'signal_cell_x(geometry)',
    'signal_cell_y(geometry)',
    'signal_month(timestamptz)',
  ]) {
    await sql.raw(`DROP FUNCTION IF EXISTS ${fn}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS signal_cell_months`.execute(db);
  await sql`DROP TABLE IF EXISTS signal_neighbourhood_months`.execute(db);
  await sql`DROP TABLE IF EXISTS signal_neighbourhood_month_totals`.execute(db);
}
