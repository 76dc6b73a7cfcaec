import 'server-only';
import type { MultiPolygon, Polygon } from 'geojson';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import { type AccessScope, type SignalReach, canReadSignalDescription, canReportSignalIn } from '@/lib/auth/access';
import { PARTNER_TYPES, type SignalStatus } from '@/lib/signals/categories';
import { generalisePoint } from '@/lib/signals/generalise';
import type { FieldError, SignalReport } from '@/lib/signals/report-form';
import type { Database, GeometryValue } from '../schema';
import { writeAuditLog } from './audit-log';
import { listStatusChanges, type StatusChangeEntry } from './signal-status';

/** What everyone who may see a signal sees: never the description, never the exact click. */
export interface SignalSummary {
  id: number;
  status: SignalStatus;
  category: string;
  subcategory: string | null;
  urgency: 'low' | 'normal' | 'high';
  followUpRequested: boolean;
  partnerType: string;
  observedAt: Date;
  reportedAt: Date;
  neighbourhoodCode: string;
  neighbourhoodName: string;
  municipalityNis: string;
  municipalityName: string;
  /** The generalised point (EPSG:4326). */
  lon: number;
  lat: number;
  /** Reported by the person asking. */
  own: boolean;
  isDemo: boolean;
}

export interface SignalDetails extends SignalSummary {
  /** Null when the person may not read it (advisors), or when there is none (imports). */
  description: string | null;
  canReadDescription: boolean;
  /** The reporting organisation's name, for those who may read descriptions. */
  organisationName: string | null;
  history: StatusChangeEntry[];
}

// ---------------------------------------------------------------------------------------------
// Visibility, in SQL: the only way rows leave this module.

/** The rows a reach covers; `none` (and an empty list) match nothing. */
export function reachCondition(
  eb: ExpressionBuilder<Database & { s: Database['signals'] }, 's'>,
  reach: SignalReach,
): Expression<SqlBool> {
  switch (reach.kind) {
    case 'own':
      return eb('s.reporter_user_id', '=', reach.userId);
    case 'municipalities':
      return reach.nis.length > 0 ? eb('s.municipality_nis', 'in', [...reach.nis]) : sql<SqlBool>`false`;
    default:
      return sql<SqlBool>`false`;
  }
}

function summaries(db: Kysely<Database>, scope: AccessScope) {
  return db
    .selectFrom('signals as s')
    .innerJoin('neighbourhoods as n', 'n.code', 's.neighbourhood_code')
    .innerJoin('municipalities as m', 'm.nis', 's.municipality_nis')
    .select([
      's.id',
      's.status',
      's.category_code',
      's.subcategory_code',
      's.urgency',
      's.follow_up_requested',
      's.reporter_partner_type',
      's.observed_at',
      's.reported_at',
      's.neighbourhood_code',
      'n.name as neighbourhood_name',
      's.municipality_nis',
      'm.name as municipality_name',
      's.reporter_user_id',
      's.is_demo',
      sql<number>`ST_X(s.geom)`.as('lon'),
      sql<number>`ST_Y(s.geom)`.as('lat'),
    ])
    .where((eb) => reachCondition(eb, scope.signalPoints));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow, scope: AccessScope): SignalSummary {
  const reporter = row.reporter_user_id === null ? null : Number(row.reporter_user_id);
  return {
    id: Number(row.id),
    status: row.status,
    category: row.category_code,
    subcategory: row.subcategory_code,
    urgency: row.urgency,
    followUpRequested: row.follow_up_requested,
    partnerType: row.reporter_partner_type,
    observedAt: row.observed_at,
    reportedAt: row.reported_at,
    neighbourhoodCode: row.neighbourhood_code,
    neighbourhoodName: row.neighbourhood_name,
    municipalityNis: row.municipality_nis,
    municipalityName: row.municipality_name,
    lon: Number(row.lon),
    lat: Number(row.lat),
    own: reporter !== null && reporter === scope.userId,
    isDemo: row.is_demo,
  };
}

// ---------------------------------------------------------------------------------------------
// Lists and details

export interface SignalListFilters {
  statuses?: readonly SignalStatus[];
  categories?: readonly string[];
}
export interface Paging {
  page: number;
  pageSize: number;
}
export interface SignalPage {
  items: SignalSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The signals the person may see, newest report first, filtered and paged in SQL. */
export async function listSignals(
  db: Kysely<Database>,
  scope: AccessScope,
  filters: SignalListFilters,
  paging: Paging,
): Promise<SignalPage> {
  let query = summaries(db, scope);
  if (filters.statuses?.length) query = query.where('s.status', 'in', [...filters.statuses]);
  if (filters.categories?.length) query = query.where('s.category_code', 'in', [...filters.categories]);
  const [rows, count] = await Promise.all([
    query
      .orderBy('s.reported_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => toSummary(row, scope)),
    total: Number(count.n),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/** A signal as a dot on a list's map: number, status and the generalised point, nothing else. */
export interface SignalPoint {
  id: number;
  status: SignalStatus;
  lon: number;
  lat: number;
}

/** The points of the signals the person may see with these filters, newest first, at most `limit`. */
export async function listSignalPoints(
  db: Kysely<Database>,
  scope: AccessScope,
  filters: SignalListFilters,
  limit = 2000,
): Promise<SignalPoint[]> {
  let query = db
    .selectFrom('signals as s')
    .select(['s.id', 's.status', sql<number>`ST_X(s.geom)`.as('lon'), sql<number>`ST_Y(s.geom)`.as('lat')])
    .where((eb) => reachCondition(eb, scope.signalPoints));
  if (filters.statuses?.length) query = query.where('s.status', 'in', [...filters.statuses]);
  if (filters.categories?.length) query = query.where('s.category_code', 'in', [...filters.categories]);
  const rows = await query.orderBy('s.reported_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ id: Number(row.id), status: row.status, lon: Number(row.lon), lat: Number(row.lat) }));
}

/** One signal with its history, or null when there is none the person may see (the same answer). */
export async function getSignal(db: Kysely<Database>, scope: AccessScope, id: number): Promise<SignalDetails | null> {
  const row = await summaries(db, scope)
    .leftJoin('organisations as o', 'o.id', 's.reporter_organisation_id')
    .select(['s.description', 'o.name as organisation_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const summary = toSummary(row, scope);
  const facts = {
    municipalityNis: summary.municipalityNis,
    reporterUserId: row.reporter_user_id === null ? null : Number(row.reporter_user_id),
  };
  const canReadDescription = canReadSignalDescription(scope, facts);
  // Notes, referrals and who acted are the municipality's follow-up work: its coordinators only.
  const fullHistory =
    scope.signalDescriptions.kind === 'municipalities' &&
    scope.signalDescriptions.nis.includes(summary.municipalityNis);
  return {
    ...summary,
    description: canReadDescription ? row.description : null,
    canReadDescription,
    organisationName: canReadDescription ? row.organisation_name : null,
    history: await listStatusChanges(db, id, fullHistory ? 'full' : 'statuses'),
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting

export type CreateSignalResult =
  | { ok: true; created: boolean; signal: SignalSummary }
  | { ok: false; status: 400; errors: Record<string, FieldError> }
  | { ok: false; status: 409; error: string };

export interface CreateSignalOptions {
  /** Grid size in metres (BUURTRADAR_SIGNAL_GRID_M). */
  gridMetres: number;
}

/**
 * Stores a reported signal: finds the neighbourhood of the click, checks the reporter may
 * report there, moves the point to the grid (inside that neighbourhood) and inserts it with the
 * report's idempotency key. The same key again from the same person with the same report
 * answers the stored signal (`created: false`, no second row, also when both arrive at once:
 * the unique key decides); the key with another report, or someone else's key, is a 409.
 */
export async function createSignal(
  db: Kysely<Database>,
  scope: AccessScope,
  report: SignalReport,
  options: CreateSignalOptions,
): Promise<CreateSignalResult> {
  if (
    scope.organisationType &&
    (PARTNER_TYPES as readonly string[]).includes(scope.organisationType) &&
    report.partnerType !== scope.organisationType
  ) {
    return fieldError(
      'partnerType',
      'not_your_organisation',
      `must be ${scope.organisationType}: the type of the organisation you report for`,
    );
  }
  const area = await findNeighbourhoodAt(db, report.lon, report.lat);
  if (!area)
    return fieldError(
      'location',
      'outside_neighbourhoods',
      'must lie in a Flemish neighbourhood: pick a place on the map',
    );
  if (!canReportSignalIn(scope, area.municipalityNis)) {
    return fieldError(
      'location',
      'outside_your_municipalities',
      `must lie in a municipality you work in (${scope.municipalities.join(', ') || 'none'})`,
    );
  }
  const point = generalisePoint([report.lon, report.lat], area.geometry, options.gridMetres);
  const pointSql = sql<GeometryValue>`ST_SetSRID(ST_MakePoint(${point.lon}::float8, ${point.lat}::float8), 4326)`;

  return inTransaction(db, async (trx) => {
    // PostGIS has the last word on "inside": turf and GEOS could disagree on a sliver.
    const inside = await trx
      .selectFrom('neighbourhoods')
      .select(sql<boolean>`ST_Contains(geom, ${pointSql})`.as('inside'))
      .where('code', '=', area.code)
      .executeTakeFirstOrThrow();
    if (!inside.inside) throw new Error(`generalised point of a signal fell outside neighbourhood ${area.code}`);
    const inserted = await trx
      .insertInto('signals')
      .values({
        category_code: report.category,
        subcategory_code: report.subcategory ?? null,
        urgency: report.urgency,
        observed_at: report.observedOn
          ? sql<Date>`least(now(), (${report.observedOn}::date + time '12:00') AT TIME ZONE 'Europe/Brussels')`
          : sql<Date>`now()`,
        geom: pointSql,
        neighbourhood_code: area.code,
        municipality_nis: area.municipalityNis,
        reporter_partner_type: report.partnerType,
        reporter_organisation_id: scope.organisationId,
        reporter_user_id: scope.userId,
        description: report.description,
        follow_up_requested: report.followUpRequested,
        idempotency_key: report.idempotencyKey,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      const id = Number(inserted.id);
      await writeAuditLog(trx, {
        event: 'signal.reported',
        actorUserId: scope.userId,
        target: { kind: 'signal', id },
        details: {
          municipality: area.municipalityNis,
          neighbourhood: area.code,
          category: report.category,
          grid_m: options.gridMetres,
        },
      });
      await bumpSignalsLayerVersion(trx);
      return {
        ok: true,
        created: true,
        signal: toSummary(await summaries(trx, scope).where('s.id', '=', id).executeTakeFirstOrThrow(), scope),
      };
    }
    return repeatedReport(trx, scope, report, area.code, point);
  });
}

/** A second submit with a key already stored: the same report answers the stored signal. */
async function repeatedReport(
  trx: Kysely<Database>,
  scope: AccessScope,
  report: SignalReport,
  neighbourhoodCode: string,
  point: { lon: number; lat: number },
): Promise<CreateSignalResult> {
  const row = await trx
    .selectFrom('signals')
    .select([
      'id',
      'reporter_user_id',
      'category_code',
      'subcategory_code',
      'urgency',
      'description',
      'follow_up_requested',
      'reporter_partner_type',
      'neighbourhood_code',
      sql<number>`ST_X(geom)`.as('lon'),
      sql<number>`ST_Y(geom)`.as('lat'),
      sql<string>`to_char(observed_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD')`.as('observed_on'),
    ])
    .where('idempotency_key', '=', report.idempotencyKey)
    .executeTakeFirst();
  const same =
    row !== undefined &&
    row.reporter_user_id !== null &&
    Number(row.reporter_user_id) === scope.userId &&
    row.category_code === report.category &&
    row.subcategory_code === (report.subcategory ?? null) &&
    row.urgency === report.urgency &&
    row.description === report.description &&
    row.follow_up_requested === report.followUpRequested &&
    row.reporter_partner_type === report.partnerType &&
    row.neighbourhood_code === neighbourhoodCode &&
    Math.abs(Number(row.lon) - point.lon) < 1e-7 &&
    Math.abs(Number(row.lat) - point.lat) < 1e-7 &&
    (report.observedOn === undefined || row.observed_on === report.observedOn);
  if (!same) {
    return {
      ok: false,
      status: 409,
      error: 'This idempotency key was already used for another report: reload the form to report a new signal',
    };
  }
  const signal = await summaries(trx, scope).where('s.id', '=', Number(row.id)).executeTakeFirstOrThrow();
  return { ok: true, created: false, signal: toSummary(signal, scope) };
}

interface NeighbourhoodArea {
  code: string;
  municipalityNis: string;
  geometry: Polygon | MultiPolygon;
}

/** The neighbourhood a click falls in (on a shared edge, the one containing it, then by code). */
async function findNeighbourhoodAt(db: Kysely<Database>, lon: number, lat: number): Promise<NeighbourhoodArea | null> {
  const click = sql<GeometryValue>`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
  const row = await db
    .selectFrom('neighbourhoods')
    .select(['code', 'municipality_nis', sql<string>`ST_AsGeoJSON(geom)`.as('geometry')])
    .where(sql<boolean>`ST_Intersects(geom, ${click})`)
    .orderBy(sql`ST_Contains(geom, ${click})`, 'desc')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        code: row.code,
        municipalityNis: row.municipality_nis,
        geometry: JSON.parse(row.geometry) as Polygon | MultiPolygon,
      }
    : null;
}

function fieldError(field: string, code: string, message: string): CreateSignalResult {
  return { ok: false, status: 400, errors: { [field]: { code, message } } };
}

// ---------------------------------------------------------------------------------------------
// Helpers shared with signal-status.ts

/** Versioned tile URLs of the signals layer must change with its data (status filters included). */
export async function bumpSignalsLayerVersion(trx: Kysely<Database>): Promise<void> {
  await trx
    .insertInto('layer_versions')
    .values({ layer: 'signals' })
    .onConflict((oc) =>
      oc
        .column('layer')
        .doUpdateSet({ version: sql<number>`layer_versions.version + 1`, changed_at: sql<Date>`clock_timestamp()` }),
    )
    .execute();
}

export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

// ---------------------------------------------------------------------------------------------
// The report form's places

export interface ReportingArea {
  municipalities: { nis: string; name: string; bbox: [number, number, number, number] }[];
  /** For picking a place without the map: a point inside each neighbourhood. */
  neighbourhoods: { code: string; name: string; municipalityNis: string; lon: number; lat: number }[];
}

/** The municipalities a person reports in, with their neighbourhoods by name. */
export async function listReportingArea(db: Kysely<Database>, nis: readonly string[]): Promise<ReportingArea> {
  if (nis.length === 0) return { municipalities: [], neighbourhoods: [] };
  const [municipalities, neighbourhoods] = await Promise.all([
    db
      .selectFrom('municipalities')
      .where('nis', 'in', [...nis])
      .orderBy('name')
      .select([
        'nis',
        'name',
        sql<number>`ST_XMin(geom)`.as('west'),
        sql<number>`ST_YMin(geom)`.as('south'),
        sql<number>`ST_XMax(geom)`.as('east'),
        sql<number>`ST_YMax(geom)`.as('north'),
      ])
      .execute(),
    db
      .selectFrom('neighbourhoods')
      .where('municipality_nis', 'in', [...nis])
      .orderBy('name')
      .orderBy('code')
      .select([
        'code',
        'name',
        'municipality_nis',
        sql<number>`ST_X(ST_PointOnSurface(geom))`.as('lon'),
        sql<number>`ST_Y(ST_PointOnSurface(geom))`.as('lat'),
      ])
      .execute(),
  ]);
  return {
    municipalities: municipalities.map((m) => ({
      nis: m.nis,
      name: m.name,
      bbox: [Number(m.west), Number(m.south), Number(m.east), Number(m.north)],
    })),
    neighbourhoods: neighbourhoods.map((n) => ({
      code: n.code,
      name: n.name,
      municipalityNis: n.municipality_nis,
      lon: Number(n.lon),
      lat: Number(n.lat),
    })),
  };
}
