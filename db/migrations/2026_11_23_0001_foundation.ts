import { type Kysely, sql } from 'kysely';

/**
 * Foundation schema. Frozen: never edit a migration that has shipped, add a new one.
 *
 * Geometry is stored in EPSG:4326; every point layer also stores the neighbourhood and
 * municipality it falls in (assigned on insert), so aggregates per area are plain GROUP BYs
 * instead of point-in-polygon joins at query time. `is_demo` marks generated demo records and
 * `import_run_id` ties every imported record to the import that brought it (undo = delete).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(db);

  await sql`
    CREATE TABLE regions (
      code text PRIMARY KEY CHECK (code ~ '^sw[0-9]{2}$'),
      name text NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE municipalities (
      nis text PRIMARY KEY CHECK (nis ~ '^[0-9]{5}$'),
      name text NOT NULL,
      region_code text NOT NULL REFERENCES regions (code),
      province text NOT NULL,
      population_2020 integer CHECK (population_2020 >= 0),
      geom geometry(MultiPolygon, 4326) NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX municipalities_region_idx ON municipalities (region_code)`.execute(db);

  await sql`
    CREATE TABLE neighbourhoods (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{5}[0-9A-Za-z_]{0,6}$'),
      name text NOT NULL,
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      area_m2 double precision NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX neighbourhoods_municipality_idx ON neighbourhoods (municipality_nis)`.execute(db);

  await sql`
    CREATE TABLE statistical_sectors (
      sector_code text PRIMARY KEY CHECK (sector_code ~ '^[0-9]{5}[A-Z0-9-]{4}$'),
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code),
      name text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX statistical_sectors_neighbourhood_idx ON statistical_sectors (neighbourhood_code)`.execute(db);

  for (const table of ['regions', 'municipalities', 'neighbourhoods']) {
    await sql`CREATE INDEX ${sql.id(`${table}_geom_idx`)} ON ${sql.table(table)} USING gist (geom)`.execute(db);
  }

  await sql`
    CREATE TABLE import_runs (
      id bigserial PRIMARY KEY,
      layer text NOT NULL CHECK (layer IN ('signals', 'services', 'street_lights', 'social_housing',
                                            'substandard_dwellings', 'indicators')),
      source text NOT NULL,
      file_name text,
      row_count integer NOT NULL DEFAULT 0 CHECK (row_count >= 0),
      is_demo boolean NOT NULL DEFAULT false,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      undone_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE signal_categories (
      code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
      parent_code text REFERENCES signal_categories (code),
      name_nl text NOT NULL,
      name_en text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0
    )`.execute(db);

  await sql`
    CREATE TABLE signals (
      id bigserial PRIMARY KEY,
      category_code text NOT NULL REFERENCES signal_categories (code),
      subcategory_code text REFERENCES signal_categories (code),
      status text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'discussed', 'referred', 'followed_up', 'closed')),
      urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high')),
      observed_at timestamptz NOT NULL,
      reported_at timestamptz NOT NULL DEFAULT now(),
      -- Generalised on entry (grid snap inside the same neighbourhood): never the exact click.
      geom geometry(Point, 4326) NOT NULL,
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code),
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      reporter_partner_type text NOT NULL,
      reporter_organisation_id bigint,
      reporter_user_id bigint,
      description text,
      follow_up_requested boolean NOT NULL DEFAULT false,
      idempotency_key text UNIQUE,
      is_demo boolean NOT NULL DEFAULT false,
      import_run_id bigint REFERENCES import_runs (id)
    )`.execute(db);
  await sql`CREATE INDEX signals_geom_idx ON signals USING gist (geom)`.execute(db);
  await sql`CREATE INDEX signals_neighbourhood_time_idx ON signals (neighbourhood_code, observed_at)`.execute(db);
  await sql`CREATE INDEX signals_municipality_time_idx ON signals (municipality_nis, observed_at)`.execute(db);
  await sql`CREATE INDEX signals_category_time_idx ON signals (category_code, observed_at)`.execute(db);

  await sql`
    CREATE TABLE services (
      id bigserial PRIMARY KEY,
      service_type text NOT NULL CHECK (service_type IN ('local_service_centre', 'social_house',
        'gp', 'pharmacy', 'home_nursing', 'residential_care', 'caw', 'neighbourhood_house',
        'social_grocery', 'mobile_stop')),
      name text NOT NULL,
      address text,
      -- Mobile stops: [{"weekday": 1-7 (ISO), "start": "HH:MM", "end": "HH:MM"}].
      schedule jsonb,
      geom geometry(Point, 4326) NOT NULL,
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code),
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      is_demo boolean NOT NULL DEFAULT false,
      import_run_id bigint REFERENCES import_runs (id)
    )`.execute(db);

  await sql`
    CREATE TABLE street_lights (
      id bigserial PRIMARY KEY,
      external_id text,
      status text NOT NULL CHECK (status IN ('working', 'defect')),
      lamp_type text NOT NULL CHECK (lamp_type IN ('led', 'other')),
      geom geometry(Point, 4326) NOT NULL,
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code),
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      is_demo boolean NOT NULL DEFAULT false,
      import_run_id bigint REFERENCES import_runs (id)
    )`.execute(db);

  await sql`
    CREATE TABLE social_housing_complexes (
      id bigserial PRIMARY KEY,
      name text NOT NULL,
      operator text,
      units integer NOT NULL CHECK (units > 0),
      geom geometry(Point, 4326) NOT NULL,
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code),
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      is_demo boolean NOT NULL DEFAULT false,
      import_run_id bigint REFERENCES import_runs (id)
    )`.execute(db);

  await sql`
    CREATE TABLE substandard_dwellings (
      id bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('unfit', 'uninhabitable', 'overcrowded')),
      recorded_on date NOT NULL,
      -- Generalised like signals: a dwelling record must not point at one address on a map.
      geom geometry(Point, 4326) NOT NULL,
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code),
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      is_demo boolean NOT NULL DEFAULT false,
      import_run_id bigint REFERENCES import_runs (id)
    )`.execute(db);

  for (const table of ['services', 'street_lights', 'social_housing_complexes', 'substandard_dwellings']) {
    await sql`CREATE INDEX ${sql.id(`${table}_geom_idx`)} ON ${sql.table(table)} USING gist (geom)`.execute(db);
    await sql`CREATE INDEX ${sql.id(`${table}_neighbourhood_idx`)} ON ${sql.table(table)} (neighbourhood_code)`.execute(
      db,
    );
  }

  await sql`
    CREATE TABLE indicator_values (
      id bigserial PRIMARY KEY,
      area_level text NOT NULL CHECK (area_level IN ('neighbourhood', 'municipality', 'region')),
      area_code text NOT NULL,
      indicator_code text NOT NULL CHECK (indicator_code ~ '^[a-z0-9_]+$'),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-[0-9]{2})?$'),
      value double precision NOT NULL,
      unit text NOT NULL,
      source text NOT NULL,
      is_estimate boolean NOT NULL DEFAULT false,
      is_demo boolean NOT NULL DEFAULT false,
      import_run_id bigint REFERENCES import_runs (id),
      UNIQUE (area_level, area_code, indicator_code, period)
    )`.execute(db);

  // Bumped whenever a layer's data changes, so versioned tile and GeoJSON URLs never go stale.
  await sql`
    CREATE TABLE layer_versions (
      layer text PRIMARY KEY,
      version bigint NOT NULL DEFAULT 1,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'layer_versions',
    'indicator_values',
    'substandard_dwellings',
    'social_housing_complexes',
    'street_lights',
    'services',
    'signals',
    'signal_categories',
    'import_runs',
    'statistical_sectors',
    'neighbourhoods',
    'municipalities',
    'regions',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
