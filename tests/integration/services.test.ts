import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findServiceById } from '@/db/queries/services';
import { openTestDatabase, withRollback } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('service details', () => {
  it('gives a mobile stop with its weekly schedule', async () => {
    const stop = await handle.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('service_type', '=', 'mobile_stop')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const details = await findServiceById(handle.db, Number(stop.id));
    expect(details).toMatchObject({ id: Number(stop.id), name: stop.name, serviceType: 'mobile_stop', isDemo: true });
    expect(details!.schedule.length).toBeGreaterThan(0);
    for (const slot of details!.schedule) expect(slot.start < slot.end).toBe(true);
  });

  it('gives a service at a fixed address no schedule, and nothing for an unknown id', async () => {
    const gp = await handle.db
      .selectFrom('services')
      .select('id')
      .where('service_type', '=', 'gp')
      .executeTakeFirstOrThrow();
    expect((await findServiceById(handle.db, Number(gp.id)))?.schedule).toEqual([]);
    expect(await findServiceById(handle.db, 987_654_321)).toBeUndefined();
  });

  it('shows a schedule that does not parse as none instead of failing', async () => {
    await withRollback(handle.db, async (trx) => {
      const stop = await trx
        .selectFrom('services')
        .select('id')
        .where('service_type', '=', 'mobile_stop')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('services')
        .set({ schedule: JSON.stringify([{ weekday: 9, start: 'noon' }]) })
        .where('id', '=', stop.id)
        .execute();
      expect((await findServiceById(trx, Number(stop.id)))?.schedule).toEqual([]);
    });
  });
});
