import 'server-only';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { findIndicator } from '@/lib/indicators/catalog';
import type { ImportPlan } from '@/lib/imports/dry-run';
import type { IndicatorRow, SocialHousingRow, ServiceRow, StreetLightRow } from '@/lib/imports/layers';
import type { Database } from '../../schema';
import { neighbourhoodOfPoint, recordsWithPoint } from './area-lookup';

/**
 * The INSERTs of a commit, one statement per batch. Points get their neighbourhood and
 * municipality in the same statement (point in polygon in SQL); a point in no neighbourhood
 * drops out of the join, the caller sees fewer rows written than sent and rolls back.
 */
export const INSERT_BATCH = 500;

export type OnBatch = (written: number) => void;

export interface WriteCounts {
  written: number;
  replaced: number;
}

interface PointLayerSql {
  table: RawBuilder<unknown>;
  columns: RawBuilder<unknown>;
  values: RawBuilder<unknown>;
}

// Column lists are code, never input; values travel inside the one JSON parameter per batch.
const POINT_SQL = {
  services: {
    table: sql`services (service_type, name, address, geom, neighbourhood_code, municipality_nis, import_run_id)`,
    columns: sql`line int, lon float8, lat float8, service_type text, name text, address text`,
    values: sql`p.service_type, p.name, p.address`,
  },
  street_lights: {
    table: sql`street_lights (external_id, status, lamp_type, geom, neighbourhood_code, municipality_nis, import_run_id)`,
    columns: sql`line int, lon float8, lat float8, external_id text, status text, lamp_type text`,
    values: sql`p.external_id, p.status, p.lamp_type`,
  },
  social_housing: {
    table: sql`social_housing_complexes (name, operator, units, geom, neighbourhood_code, municipality_nis, import_run_id)`,
    columns: sql`line int, lon float8, lat float8, name text, operator text, units int`,
    values: sql`p.name, p.operator, p.units`,
  },
} satisfies Record<'services' | 'street_lights' | 'social_housing', PointLayerSql>;

type PointRecord = { line: number; lon: number; lat: number } & Record<string, string | number | null>;

function pointRecords(plan: ImportPlan): PointRecord[] {
  switch (plan.layer) {
    case 'services':
      return (plan.rows as ServiceRow[]).map((r) => ({
        line: r.row,
        lon: r.lon,
        lat: r.lat,
        service_type: r.serviceType,
        name: r.name,
        address: r.address,
      }));
    case 'street_lights':
      return (plan.rows as StreetLightRow[]).map((r) => ({
        line: r.row,
        lon: r.lon,
        lat: r.lat,
        external_id: r.externalId,
        status: r.status,
        lamp_type: r.lampType,
      }));
    case 'social_housing':
      return (plan.rows as SocialHousingRow[]).map((r) => ({
        line: r.row,
        lon: r.lon,
        lat: r.lat,
        name: r.name,
        operator: r.operator,
        units: r.units,
      }));
    default:
      return [];
  }
}

/** How many records the plan will write: points, or indicator values (rolled up or as given). */
export function recordCount(plan: ImportPlan): number {
  return plan.layer === 'indicators' ? indicatorRecords(plan, '').length : plan.rows.length;
}

/** The plan's points as records with their line, for the neighbourhood check. */
export function plannedPoints(plan: ImportPlan): { line: number; lon: number; lat: number }[] {
  return pointRecords(plan).map(({ line, lon, lat }) => ({ line, lon, lat }));
}

/** Inserts the points of a point-layer plan; `written` below the plan's row count means some lie outside. */
export async function insertPoints(
  trx: Kysely<Database>,
  plan: ImportPlan,
  runId: number,
  onBatch: OnBatch,
): Promise<WriteCounts> {
  if (plan.layer === 'indicators') throw new Error('insertPoints is for point layers');
  const layerSql: PointLayerSql = POINT_SQL[plan.layer];
  const records = pointRecords(plan);
  let written = 0;
  for (let start = 0; start < records.length; start += INSERT_BATCH) {
    const batch = records.slice(start, start + INSERT_BATCH);
    const result = await sql`
      INSERT INTO ${layerSql.table}
      SELECT ${layerSql.values}, p.pt, n.code, n.municipality_nis, ${runId}::bigint
      FROM ${recordsWithPoint(batch, layerSql.columns)} AS p
      CROSS JOIN ${neighbourhoodOfPoint} AS n
      ORDER BY p.line`.execute(trx);
    written += Number(result.numAffectedRows ?? 0);
    onBatch(written);
    // Stop at the first batch with a point outside: the caller rolls everything back anyway.
    if (written < start + batch.length) break;
  }
  return { written, replaced: 0 };
}

interface IndicatorRecord {
  area_code: string;
  indicator_code: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  is_estimate: boolean;
}

function indicatorRecords(plan: ImportPlan, source: string): IndicatorRecord[] {
  const unitOf = (code: string) => findIndicator(code)?.unit ?? '';
  if (plan.rolledUp) {
    return plan.rolledUp.map((v) => ({
      area_code: v.neighbourhoodCode,
      indicator_code: v.indicator,
      period: v.period,
      value: v.value,
      unit: unitOf(v.indicator),
      source,
      is_estimate: v.isEstimate,
    }));
  }
  return (plan.rows as IndicatorRow[])
    .filter((r) => r.areaLevel === 'neighbourhood')
    .map((r) => ({
      area_code: r.areaCode,
      indicator_code: r.indicator,
      period: r.period,
      value: r.value,
      unit: unitOf(r.indicator),
      source,
      is_estimate: false,
    }));
}

/**
 * Inserts neighbourhood indicator values. A value for an area, indicator and period that
 * already has one replaces it; the old row moves to replaced_indicator_values (with the run
 * that brought it), so undoing this run puts it back.
 */
export async function insertIndicatorValues(
  trx: Kysely<Database>,
  plan: ImportPlan,
  runId: number,
  source: string,
  onBatch: OnBatch,
): Promise<WriteCounts> {
  const records = indicatorRecords(plan, source);
  let written = 0;
  let replaced = 0;
  for (let start = 0; start < records.length; start += INSERT_BATCH) {
    const json = JSON.stringify(records.slice(start, start + INSERT_BATCH));
    const incoming = sql`json_to_recordset(${json}::json) AS v(area_code text, indicator_code text, period text, value float8, unit text, source text, is_estimate boolean)`;
    const moved = await sql`
      WITH gone AS (
        DELETE FROM indicator_values iv USING ${incoming}
        WHERE iv.area_level = 'neighbourhood' AND iv.area_code = v.area_code
          AND iv.indicator_code = v.indicator_code AND iv.period = v.period
        RETURNING iv.*
      )
      INSERT INTO replaced_indicator_values
        (replaced_by_run_id, original_run_id, area_level, area_code, indicator_code, period, value, unit, source, is_estimate, is_demo)
      SELECT ${runId}::bigint, import_run_id, area_level, area_code, indicator_code, period, value, unit, source, is_estimate, is_demo
      FROM gone`.execute(trx);
    replaced += Number(moved.numAffectedRows ?? 0);
    const inserted = await sql`
      INSERT INTO indicator_values (area_level, area_code, indicator_code, period, value, unit, source, is_estimate, import_run_id)
      SELECT 'neighbourhood', v.area_code, v.indicator_code, v.period, v.value, v.unit, v.source, v.is_estimate, ${runId}::bigint
      FROM ${incoming}
      ORDER BY v.area_code, v.indicator_code, v.period`.execute(trx);
    written += Number(inserted.numAffectedRows ?? 0);
    onBatch(written);
  }
  return { written, replaced };
}
