import { type Kysely, sql } from 'kysely';

/**
 * Following signals up: one row per status change, with who and when, where a signal was
 * referred to and how it ended. Frozen once shipped.
 *
 * The allowed transitions and outcomes are frozen copies of lib/signals/status-workflow.ts
 * (migrations never import app code; tests/unit/status-workflow.test.ts keeps them equal).
 * They are CHECKs so that no code path, import or hand-written SQL can write a history that
 * skips back or closes without an outcome. `changed_by` has no foreign key, like the audit
 * log: the history outlives the account of whoever made the change.
 */
export const TRANSITIONS_0004: readonly (readonly [string, string])[] = [
  ['new', 'discussed'],
  ['new', 'referred'],
  ['new', 'closed'],
  ['discussed', 'referred'],
  ['discussed', 'closed'],
  ['referred', 'followed_up'],
  ['referred', 'closed'],
  ['followed_up', 'closed'],
];
export const OUTCOMES_0004 = ['rights_obtained', 'care_started', 'no_action_needed', 'declined', 'other'];

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));
const pairs = sql.join(TRANSITIONS_0004.map(([from, to]) => sql`(${sql.lit(from)}, ${sql.lit(to)})`));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE signal_status_changes (
      id bigserial PRIMARY KEY,
      signal_id bigint NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
      from_status text NOT NULL,
      to_status text NOT NULL,
      outcome text CHECK (outcome IN (${list(OUTCOMES_0004)})),
      referred_service_id bigint REFERENCES services (id) ON DELETE SET NULL,
      referred_organisation text CHECK (length(btrim(referred_organisation)) BETWEEN 1 AND 120),
      note text CHECK (length(btrim(note)) BETWEEN 1 AND 280),
      changed_by bigint NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT signal_status_changes_forward CHECK ((from_status, to_status) IN (${pairs})),
      CONSTRAINT signal_status_changes_outcome_when_closing CHECK ((to_status = 'closed') = (outcome IS NOT NULL)),
      -- A deleted service leaves the organisation name, if one was given; a referral without
      -- either is refused on entry (the application checks it before the service can go).
      CONSTRAINT signal_status_changes_referral_only_when_referring
        CHECK (to_status = 'referred' OR (referred_service_id IS NULL AND referred_organisation IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX signal_status_changes_signal_idx ON signal_status_changes (signal_id, changed_at, id)`.execute(
    db,
  );

  // "My signals" of a reporter, newest first; and coordinators' lists by municipality and status.
  await sql`CREATE INDEX signals_reporter_idx ON signals (reporter_user_id, reported_at) WHERE reporter_user_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX signals_municipality_status_idx ON signals (municipality_nis, status, reported_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS signals_municipality_status_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS signals_reporter_idx`.execute(db);
  await sql`DROP TABLE IF EXISTS signal_status_changes`.execute(db);
}
