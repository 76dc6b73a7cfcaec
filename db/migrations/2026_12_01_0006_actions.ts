import { type Kysely, sql } from 'kysely';

/**
 * Actions of a change plan ("veranderplan"): what a municipality or regional platform does
 * about a neighbourhood, or about one of its hotspots (a signal category). No personal names:
 * the owner is an organisation or a role. Frozen once shipped; the lists are frozen copies of
 * lib/analysis/actions.ts (tests/unit/analysis-actions.test.ts keeps them equal).
 */
export const ACTION_KINDS_0006 = ['quick_win', 'long_term'];
export const ACTION_STATUSES_0006 = ['planned', 'running', 'done', 'stopped'];

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE neighbourhood_actions (
      id bigserial PRIMARY KEY,
      neighbourhood_code text NOT NULL REFERENCES neighbourhoods (code) ON DELETE CASCADE,
      municipality_nis text NOT NULL REFERENCES municipalities (nis) ON DELETE CASCADE,
      -- The hotspot the action is about (a signal category); null: the neighbourhood as a whole.
      category_code text REFERENCES signal_categories (code),
      kind text NOT NULL CHECK (kind IN (${list(ACTION_KINDS_0006)})),
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 120),
      owner text NOT NULL CHECK (length(btrim(owner)) BETWEEN 2 AND 120),
      start_date date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN (${list(ACTION_STATUSES_0006)})),
      -- No foreign key, like the audit log: the plan outlives the account of who wrote it down.
      created_by bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX neighbourhood_actions_neighbourhood ON neighbourhood_actions (neighbourhood_code, start_date)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS neighbourhood_actions`.execute(db);
}
