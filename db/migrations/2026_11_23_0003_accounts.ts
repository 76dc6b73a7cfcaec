import { type Kysely, sql } from 'kysely';

/**
 * People, organisations, roles, sign-in and the audit log. Frozen once shipped.
 *
 * `users`, `sessions`, `auth_accounts`, `verifications` and `rate_limits` are the tables of
 * better-auth (models user, session, account, verification, rateLimit), in our own names and
 * snake_case columns; app/_server/auth.ts maps them. Ids are bigserial (better-auth's
 * `generateId: 'serial'`), so `signals.reporter_user_id` (bigint) can point at a user.
 * better-auth checks at run time that these tables hold every column it writes and that every
 * other column is nullable or has a default: a mismatch stops sign-in with a clear message.
 *
 * A person's access follows from `users.role`, the organisation they work for and the
 * municipalities they work in (`user_municipalities`); a regional analyst has a region instead.
 * lib/auth/access.ts turns that into what they may see and do.
 */
/** Partner types (lib/signals/categories.ts) plus the municipality itself. Frozen copies:
 *  migrations never import app code; a unit test keeps them equal to lib/auth/roles.ts. */
export const ORGANISATION_TYPES_0003 = [
  'gp_practice',
  'home_nursing',
  'pharmacy',
  'police',
  'social_house',
  'local_service_centre',
  'caw',
  'volunteer_network',
  'housing_company',
  'regional_platform',
  'municipality',
];
export const ROLES_0003 = ['reporter', 'coordinator', 'advisor', 'regional_analyst', 'admin'];

const list = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id bigserial PRIMARY KEY,
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      partner_type text NOT NULL CHECK (partner_type IN (${list(ORGANISATION_TYPES_0003)})),
      is_demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id bigserial PRIMARY KEY,
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      -- better-auth looks e-mail addresses up in lower case.
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
      email_verified boolean NOT NULL DEFAULT false,
      image text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      role text NOT NULL CHECK (role IN (${list(ROLES_0003)})),
      organisation_id bigint REFERENCES organisations (id),
      region_code text REFERENCES regions (code),
      -- Set when someone leaves: no new sessions, and existing ones stop giving access.
      disabled_at timestamptz,
      is_demo boolean NOT NULL DEFAULT false,
      -- A regional analyst has exactly one region; nobody else has one.
      CONSTRAINT users_region_only_for_analysts CHECK ((role = 'regional_analyst') = (region_code IS NOT NULL)),
      -- A reporter reports on behalf of a partner organisation.
      CONSTRAINT users_reporter_has_organisation CHECK (role <> 'reporter' OR organisation_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX users_organisation_idx ON users (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE user_municipalities (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      municipality_nis text NOT NULL REFERENCES municipalities (nis),
      PRIMARY KEY (user_id, municipality_nis)
    )`.execute(db);
  await sql`CREATE INDEX user_municipalities_nis_idx ON user_municipalities (municipality_nis)`.execute(db);

  // Sessions live here, not in a cookie, so any app instance can check and revoke them.
  await sql`
    CREATE TABLE sessions (
      id bigserial PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      ip_address text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  // Credentials: provider 'credential' holds the password hash (scrypt, by better-auth).
  await sql`
    CREATE TABLE auth_accounts (
      id bigserial PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      account_id text NOT NULL,
      provider_id text NOT NULL,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (provider_id, account_id)
    )`.execute(db);
  await sql`CREATE INDEX auth_accounts_user_idx ON auth_accounts (user_id)`.execute(db);

  await sql`
    CREATE TABLE verifications (
      id bigserial PRIMARY KEY,
      identifier text NOT NULL,
      value text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX verifications_identifier_idx ON verifications (identifier)`.execute(db);

  // better-auth's request rate limit per IP and path, shared by every app instance.
  await sql`
    CREATE TABLE rate_limits (
      id bigserial PRIMARY KEY,
      key text NOT NULL UNIQUE,
      count integer NOT NULL,
      last_request bigint NOT NULL
    )`.execute(db);

  // Failed sign-ins, for throttling per account, per account + client and per client address.
  // Keys are HMACs of the e-mail and IP addresses: the table holds no readable personal data.
  await sql`
    CREATE TABLE sign_in_failures (
      id bigserial PRIMARY KEY,
      account_key text NOT NULL,
      client_key text NOT NULL,
      -- Null when the client's address is unknown (then only the other two limits apply).
      address_key text,
      failed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX sign_in_failures_account_idx ON sign_in_failures (account_key, failed_at)`.execute(db);
  await sql`CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address_key, failed_at) WHERE address_key IS NOT NULL`.execute(
    db,
  );

  // Who did what, when: sign-ins, exports, status changes. Never personal content (no e-mail
  // addresses, no signal descriptions). No foreign key on the actor: the log outlives accounts.
  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      event text NOT NULL CHECK (event ~ '^[a-z][a-z_.]*$'),
      actor_user_id bigint,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      target_kind text CHECK (target_kind ~ '^[a-z][a-z_]*$'),
      target_id text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object')
    )`.execute(db);
  await sql`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at)`.execute(db);

  // Server-side secrets every app instance must share (the key that signs session cookies),
  // created on first use so that neither the embedded demo nor a server needs configuring.
  await sql`
    CREATE TABLE app_secrets (
      name text PRIMARY KEY,
      value text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'app_secrets',
    'audit_log',
    'sign_in_failures',
    'rate_limits',
    'verifications',
    'auth_accounts',
    'sessions',
    'user_municipalities',
    'users',
    'organisations',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
