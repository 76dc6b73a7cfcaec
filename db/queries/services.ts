import { type Kysely, sql } from 'kysely';
import { scheduleSchema, type ScheduleSlot } from '@/lib/services/schedule';
import type { Database } from '../schema';

export interface ServiceDetails {
  id: number;
  serviceType: string;
  name: string;
  address: string | null;
  municipalityNis: string;
  /** Weekly stops of a mobile service; empty for services at a fixed address. */
  schedule: ScheduleSlot[];
  isDemo: boolean;
}

/** One service with what its popup shows; undefined when there is no such service. */
export async function findServiceById(db: Kysely<Database>, id: number): Promise<ServiceDetails | undefined> {
  const row = await db
    .selectFrom('services')
    .select(['id', 'service_type', 'name', 'address', 'municipality_nis', 'schedule', 'is_demo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // A schedule that does not parse (an import bug) is shown as none rather than failing the page.
  const schedule = scheduleSchema.safeParse(row.schedule ?? []);
  return {
    id: Number(row.id),
    serviceType: row.service_type,
    name: row.name,
    address: row.address,
    municipalityNis: row.municipality_nis,
    schedule: schedule.success ? schedule.data : [],
    isDemo: row.is_demo,
  };
}

export interface ServicePointRow {
  id: number;
  serviceType: string;
  lon: number;
  lat: number;
}

/** Every service of a region with its position (for walking-distance rings), by id. */
export async function listRegionServicePoints(db: Kysely<Database>, regionCode: string): Promise<ServicePointRow[]> {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('municipalities as m', 'm.nis', 's.municipality_nis')
    .select(['s.id', 's.service_type', sql<number>`ST_X(s.geom)`.as('lon'), sql<number>`ST_Y(s.geom)`.as('lat')])
    .where('m.region_code', '=', regionCode)
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    serviceType: row.service_type,
    lon: Number(row.lon),
    lat: Number(row.lat),
  }));
}
