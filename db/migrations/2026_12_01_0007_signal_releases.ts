import { type Kysely, sql } from 'kysely';

/**
 * Released years of signal counts: what the analyses publish, frozen.
 *
 * The analyses publish signal counts per calendar year. A figure that is published twice with
 * different values gives away the difference: a year that still runs grows every month, and a
 * signal may be reported up to a year after it was noticed, so even an ended year would change.
 * Two downloads a month apart would then reveal one month's few signals of a neighbourhood.
 * So a year is released once, after it has ended (lib/analysis/periods.ts says when), as a
 * copy of its neighbourhood × category × month counts, and the analyses read only that copy.
 * Late reports still count everywhere else (lists, map, follow-up), never in a released year.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE signal_releases (
      year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
      -- The months the year covers: January, or the first month with signals for the first year.
      first_month date NOT NULL,
      last_month date NOT NULL,
      signals integer NOT NULL CHECK (signals >= 0),
      released_at timestamptz NOT NULL DEFAULT now(),
      CHECK (first_month <= last_month AND extract(year FROM first_month) = year AND extract(year FROM last_month) = year)
    )`.execute(db);
  await sql`
    CREATE TABLE signal_release_months (
      year integer NOT NULL REFERENCES signal_releases (year),
      category_code text NOT NULL,
      month date NOT NULL,
      municipality_nis text NOT NULL,
      neighbourhood_code text NOT NULL,
      count integer NOT NULL CHECK (count > 0),
      PRIMARY KEY (year, municipality_nis, neighbourhood_code, category_code, month)
    )`.execute(db);
  // The neighbourhood profile reads one neighbourhood's months over every released year.
  await sql`CREATE INDEX signal_release_months_neighbourhood ON signal_release_months (neighbourhood_code, month)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS signal_release_months`.execute(db);
  await sql`DROP TABLE IF EXISTS signal_releases`.execute(db);
}
