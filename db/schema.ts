import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely table types. Geometry columns are typed `Geometry`: they are written through the
 * PostGIS helpers in `db/geo.ts` and never selected raw (queries select GeoJSON or x/y).
 */
export type Geometry = ColumnType<never, GeometryValue, GeometryValue>;
/** A PostGIS expression producing geometry, e.g. `sql<GeometryValue>\`ST_Point(...)\``. */
export interface GeometryValue {
  readonly __geometry: true;
}
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (DEFAULT now()) unless one is given. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both backends (see db/type-parsers.ts). */
type DateString = ColumnType<string, string, string>;

export interface RegionTable {
  code: string;
  name: string;
  geom: Geometry;
}

export interface MunicipalityTable {
  nis: string;
  name: string;
  region_code: string;
  province: string;
  population_2020: number | null;
  geom: Geometry;
}

export interface NeighbourhoodTable {
  code: string;
  name: string;
  municipality_nis: string;
  area_m2: number;
  geom: Geometry;
}

export interface StatisticalSectorTable {
  sector_code: string;
  neighbourhood_code: string;
  name: string;
}

export type LayerName =
  'signals' | 'services' | 'street_lights' | 'social_housing' | 'substandard_dwellings' | 'indicators';

export interface ImportRunTable {
  id: Generated<number>;
  layer: LayerName;
  source: string;
  file_name: string | null;
  row_count: Generated<number>;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  undone_at: Timestamp | null;
  // Uploaded imports (migration 0005); null on demo runs.
  created_by_user_id: number | null;
  undone_by_user_id: number | null;
  file_sha256: string | null;
  file_bytes: number | null;
  file_format: 'csv' | 'geojson' | null;
  encoding: string | null;
  delimiter: string | null;
  crs: 'wgs84' | 'lambert72' | null;
  warning_count: Generated<number>;
  replaced_count: Generated<number>;
}

/** An indicator value an import replaced, kept so undoing that import puts it back (0005). */
export interface ReplacedIndicatorValueTable {
  id: Generated<number>;
  replaced_by_run_id: number;
  original_run_id: number | null;
  area_level: 'neighbourhood' | 'municipality' | 'region';
  area_code: string;
  indicator_code: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  is_estimate: boolean;
  is_demo: boolean;
}

export interface SignalCategoryTable {
  code: string;
  parent_code: string | null;
  name_nl: string;
  name_en: string;
  sort_order: Generated<number>;
}

/** Columns every point layer shares: the area it falls in, and where the record came from. */
interface PointRecordColumns {
  id: Generated<number>;
  geom: Geometry;
  neighbourhood_code: string;
  municipality_nis: string;
  is_demo: Generated<boolean>;
  import_run_id: number | null;
}

export interface SignalTable extends PointRecordColumns {
  category_code: string;
  subcategory_code: string | null;
  status: Generated<'new' | 'discussed' | 'referred' | 'followed_up' | 'closed'>;
  urgency: Generated<'low' | 'normal' | 'high'>;
  observed_at: Timestamp;
  reported_at: DefaultedTimestamp;
  reporter_partner_type: string;
  reporter_organisation_id: number | null;
  reporter_user_id: number | null;
  description: string | null;
  follow_up_requested: Generated<boolean>;
  idempotency_key: string | null;
}

export interface ServiceTable extends PointRecordColumns {
  service_type: string;
  name: string;
  address: string | null;
  schedule: ColumnType<unknown, string | null, string | null>;
}

export interface StreetLightTable extends PointRecordColumns {
  external_id: string | null;
  status: 'working' | 'defect';
  lamp_type: 'led' | 'other';
}

export interface SocialHousingComplexTable extends PointRecordColumns {
  name: string;
  operator: string | null;
  units: number;
}

export interface SubstandardDwellingTable extends PointRecordColumns {
  kind: 'unfit' | 'uninhabitable' | 'overcrowded';
  recorded_on: DateString;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  area_level: 'neighbourhood' | 'municipality' | 'region';
  area_code: string;
  indicator_code: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  is_estimate: Generated<boolean>;
  is_demo: Generated<boolean>;
  import_run_id: number | null;
}

export interface LayerVersionTable {
  layer: string;
  version: Generated<number>;
  changed_at: DefaultedTimestamp;
}

/** Organisations people work for: care partners, and the municipalities themselves. */
export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  partner_type: string;
  is_demo: Generated<boolean>;
  created_at: DefaultedTimestamp;
}

export type UserRole = 'reporter' | 'coordinator' | 'advisor' | 'regional_analyst' | 'admin';

/** better-auth's `user` model, with the columns that decide access. */
export interface UserTable {
  id: Generated<number>;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  role: UserRole;
  organisation_id: number | null;
  region_code: string | null;
  disabled_at: Timestamp | null;
  is_demo: Generated<boolean>;
}

export interface UserMunicipalityTable {
  user_id: number;
  municipality_nis: string;
}

/** better-auth's `session` model: one row per signed-in browser; deleting it signs out. */
export interface SessionTable {
  id: Generated<number>;
  user_id: number;
  token: string;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  ip_address: string | null;
  user_agent: string | null;
}

/** better-auth's `account` model: provider 'credential' holds the password hash. */
export interface AuthAccountTable {
  id: Generated<number>;
  user_id: number;
  account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface VerificationTable {
  id: Generated<number>;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface RateLimitTable {
  id: Generated<number>;
  key: string;
  count: number;
  last_request: number;
}

export interface SignInFailureTable {
  id: Generated<number>;
  account_key: string;
  client_key: string;
  address_key: string | null;
  failed_at: DefaultedTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  event: string;
  actor_user_id: number | null;
  occurred_at: DefaultedTimestamp;
  target_kind: string | null;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface AppSecretTable {
  name: string;
  value: string;
  created_at: DefaultedTimestamp;
}

/** One change of a signal's follow-up status (db/migrations/2026_11_23_0004_signal_follow_up.ts). */
export interface SignalStatusChangeTable {
  id: Generated<number>;
  signal_id: number;
  from_status: 'new' | 'discussed' | 'referred' | 'followed_up' | 'closed';
  to_status: 'new' | 'discussed' | 'referred' | 'followed_up' | 'closed';
  outcome: 'rights_obtained' | 'care_started' | 'no_action_needed' | 'declined' | 'other' | null;
  referred_service_id: number | null;
  referred_organisation: string | null;
  note: string | null;
  changed_by: number;
  changed_at: DefaultedTimestamp;
}

/** Signals per tile cell and month (db/migrations/2026_11_23_0002_signal_rollups.ts), kept by triggers. */
export interface SignalCellMonthTable {
  grid_bits: number;
  block_x: ColumnType<number, never, never>;
  block_y: ColumnType<number, never, never>;
  month: DateString;
  cx: number;
  cy: number;
  municipality_nis: string;
  category_code: string;
  count: number;
}

/** Signals per neighbourhood, category and month, kept by the same triggers. */
export interface SignalNeighbourhoodMonthTable {
  category_code: string;
  month: DateString;
  municipality_nis: string;
  neighbourhood_code: string;
  count: number;
}

/** Signals per neighbourhood and month over all categories, kept by the same triggers. */
export interface SignalNeighbourhoodMonthTotalTable {
  month: DateString;
  municipality_nis: string;
  neighbourhood_code: string;
  count: number;
}

/** A released (frozen) year of signal counts (db/migrations/2026_12_01_0007_signal_releases.ts). */
export interface SignalReleaseTable {
  year: number;
  first_month: DateString;
  last_month: DateString;
  signals: number;
  released_at: Generated<Date>;
}

/** The neighbourhood × category × month counts of a released year, as they were at release. */
export interface SignalReleaseMonthTable {
  year: number;
  category_code: string;
  month: DateString;
  municipality_nis: string;
  neighbourhood_code: string;
  count: number;
}

/** An action of a neighbourhood's change plan (db/migrations/2026_12_01_0006_actions.ts). */
export interface NeighbourhoodActionTable {
  id: Generated<number>;
  neighbourhood_code: string;
  municipality_nis: string;
  category_code: string | null;
  kind: 'quick_win' | 'long_term';
  title: string;
  owner: string;
  start_date: DateString;
  status: Generated<'planned' | 'running' | 'done' | 'stopped'>;
  created_by: number;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface Database {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  neighbourhoods: NeighbourhoodTable;
  statistical_sectors: StatisticalSectorTable;
  import_runs: ImportRunTable;
  signal_categories: SignalCategoryTable;
  signals: SignalTable;
  services: ServiceTable;
  street_lights: StreetLightTable;
  social_housing_complexes: SocialHousingComplexTable;
  substandard_dwellings: SubstandardDwellingTable;
  indicator_values: IndicatorValueTable;
  replaced_indicator_values: ReplacedIndicatorValueTable;
  layer_versions: LayerVersionTable;
  signal_cell_months: SignalCellMonthTable;
  signal_neighbourhood_months: SignalNeighbourhoodMonthTable;
  signal_neighbourhood_month_totals: SignalNeighbourhoodMonthTotalTable;
  organisations: OrganisationTable;
  users: UserTable;
  user_municipalities: UserMunicipalityTable;
  sessions: SessionTable;
  auth_accounts: AuthAccountTable;
  verifications: VerificationTable;
  rate_limits: RateLimitTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
  app_secrets: AppSecretTable;
  signal_status_changes: SignalStatusChangeTable;
  neighbourhood_actions: NeighbourhoodActionTable;
  signal_releases: SignalReleaseTable;
  signal_release_months: SignalReleaseMonthTable;
}
