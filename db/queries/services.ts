import type { Kysely } from 'kysely';
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
